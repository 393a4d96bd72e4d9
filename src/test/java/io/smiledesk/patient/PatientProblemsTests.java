package io.smiledesk.patient;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API's reading of a refusal of the patients' records. */
class PatientProblemsTests {

	@Test
	void anUnknownPatientIsA404OfTypePatientNotFound() {
		PatientId id = new PatientId(UUID.fromString("5d1f0e1c-7a53-4c4b-9a39-8f9a6c1d2e3f"));

		ProblemDetail problem = PatientProblems.of(PatientRefused.notFound(id)).getBody();

		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getType().toString()).endsWith("/patient-not-found");
		assertThat(problem.getDetail()).isEqualTo("No patient with id 5d1f0e1c-7a53-4c4b-9a39-8f9a6c1d2e3f.");
	}

	@Test
	void aTakenContactDetailIsA409OfTypePatientExists() {
		PatientRefused refused = PatientRefused.taken(PatientRefused.Field.PHONE, "Another patient has it.");

		ProblemDetail problem = PatientProblems.of(refused).getBody();

		assertThat(refused.field()).contains(PatientRefused.Field.PHONE);
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getType().toString()).endsWith("/patient-exists");
		assertThat(problem.getTitle()).isEqualTo("Conflict");
	}

}
