package io.smiledesk.system;

/**
 * Who may do what, as method-security expressions. The full matrix, with the reasons, is
 * in docs/security.md; the endpoint × role test in the staff module keeps the two in
 * step.
 */
public final class Access {

	/**
	 * Anyone with a staff account: schedules, clinic set-up, patient records are everyday
	 * information at a clinic.
	 */
	public static final String ANY_STAFF = "hasAnyRole('ADMIN','OFFICE_MANAGER','FRONT_DESK','DENTIST','HYGIENIST','NURSE')";

	/** Those who run the practice: clinic settings, providers, services, rooms. */
	public static final String MANAGERS = "hasAnyRole('ADMIN','OFFICE_MANAGER')";

	/**
	 * The front office: booking and changing appointments, registering and updating
	 * patients.
	 */
	public static final String FRONT_OFFICE = "hasAnyRole('ADMIN','OFFICE_MANAGER','FRONT_DESK')";

	/** Closing a visit: the front office and the clinicians who saw the patient. */
	public static final String VISIT_CLOSERS = "hasAnyRole('ADMIN','OFFICE_MANAGER','FRONT_DESK','DENTIST','HYGIENIST')";

	/** Writing clinical history. */
	public static final String CLINICIANS = "hasAnyRole('ADMIN','DENTIST','HYGIENIST')";

	/** Destroying records, reading the audit trail, managing accounts. */
	public static final String ADMIN = "hasRole('ADMIN')";

	private Access() {
	}

}
