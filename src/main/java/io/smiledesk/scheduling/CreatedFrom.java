package io.smiledesk.scheduling;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

public enum CreatedFrom {

	AI_AGENT_FORM, CHAT, MANUAL_ADMIN, PORTAL;

	/** Accepts any case on input ("dentist", "Dentist"). */
	@JsonCreator
	public static CreatedFrom parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
