package io.smiledesk.understanding;

import java.time.LocalDate;

/**
 * The facts found in one message. Absent facts are null. Service and provider are ids
 * from the clinic catalog; email and phone are as written (the patient module normalises
 * them); {@code when} is clinic-local; {@code choice} is a 1-based pick among offered
 * options ("the second one", "2"); {@code named} says what the words of {@code when}
 * fixed (null when unknown).
 */
public record Entities(String serviceId, String providerId, String name, String email, String phone,
		LocalDate dateOfBirth, TimeExpression when, Integer choice, Named named) {

	public static final Entities NONE = new Entities(null, null, null, null, null, null, null, null);

	public Entities(String serviceId, String providerId, String name, String email, String phone, LocalDate dateOfBirth,
			TimeExpression when, Integer choice) {
		this(serviceId, providerId, name, email, phone, dateOfBirth, when, choice, null);
	}

	/**
	 * Whether the time words named a day ("Thursday", "next week") and a time of day ("at
	 * 3", "in the morning"): "the morning instead" names no day, so the day wanted before
	 * stays.
	 */
	public record Named(boolean day, boolean timeOfDay) {
	}

	public boolean isEmpty() {
		return equals(NONE);
	}

}
