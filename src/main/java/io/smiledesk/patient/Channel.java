package io.smiledesk.patient;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a patient prefers to be contacted; on the wire in lower case: email, sms, whatsapp.
 */
public enum Channel {

	EMAIL, SMS, WHATSAPP;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Channel parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
