package io.smiledesk.campaign;

/** How a patient's reply feels. */
public enum Sentiment {

	POSITIVE, NEUTRAL, NEGATIVE

}
