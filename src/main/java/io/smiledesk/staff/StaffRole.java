package io.smiledesk.staff;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

public enum StaffRole {

	ADMIN, OFFICE_MANAGER, FRONT_DESK, DENTIST, HYGIENIST, NURSE;

	/**
	 * Accounts that can change the clinic or read the audit trail must use a second
	 * factor.
	 */
	public boolean requiresTotp() {
		return this == ADMIN || this == OFFICE_MANAGER;
	}

	@JsonCreator
	public static StaffRole parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
