package io.smiledesk.understanding;

import java.time.LocalDate;

/**
 * The facts found in one message. Absent facts are null. Service and provider are ids
 * from the clinic catalog; email and phone are as written (the patient module normalises
 * them); {@code when} is clinic-local; {@code choice} is a 1-based pick among offered
 * options ("the second one", "2").
 */
public record Entities(String serviceId, String providerId, String name, String email, String phone,
		LocalDate dateOfBirth, TimeExpression when, Integer choice) {

	public static final Entities NONE = new Entities(null, null, null, null, null, null, null, null);

	public boolean isEmpty() {
		return equals(NONE);
	}

}
