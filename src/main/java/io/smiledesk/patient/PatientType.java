package io.smiledesk.patient;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

public enum PatientType {

	EXISTING, COLD_LEAD, NEW;

	/** Accepts any case on input ("dentist", "Dentist"). */
	@JsonCreator
	public static PatientType parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
