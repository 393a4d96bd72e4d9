package io.smiledesk.waitlist;

/**
 * Where an offer stands: waiting for the patient, taken by them, declined, given to
 * someone else first, lapsed, or never delivered.
 */
public enum OfferStatus {

	PENDING, ACCEPTED, DECLINED, TAKEN, EXPIRED, FAILED

}
