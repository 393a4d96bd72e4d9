package io.smiledesk.clinic;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

public enum ProviderRole {

	DENTIST, HYGIENIST;

	/** Accepts any case on input ("dentist", "Dentist"). */
	@JsonCreator
	public static ProviderRole parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
