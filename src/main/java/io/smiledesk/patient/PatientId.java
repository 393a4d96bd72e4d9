package io.smiledesk.patient;

import java.util.UUID;

public record PatientId(UUID value) {

	public static PatientId random() {
		return new PatientId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
