package io.smiledesk.scheduling;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * On the wire in lower case: pending_deposit, booked, confirmed, completed, cancelled,
 * no_show. A pending_deposit appointment holds its time until its payment deadline.
 */
public enum AppointmentStatus {

	PENDING_DEPOSIT, BOOKED, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

	boolean isOpen() {
		return this == PENDING_DEPOSIT || this == BOOKED || this == CONFIRMED;
	}

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static AppointmentStatus parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
