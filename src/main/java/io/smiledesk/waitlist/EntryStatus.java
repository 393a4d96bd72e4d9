package io.smiledesk.waitlist;

/** A waitlist entry waits until it is booked, lapses, or is withdrawn. */
public enum EntryStatus {

	WAITING, BOOKED, EXPIRED, WITHDRAWN

}
