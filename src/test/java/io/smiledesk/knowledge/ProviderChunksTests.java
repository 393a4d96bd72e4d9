package io.smiledesk.knowledge;

import java.util.List;

import io.smiledesk.clinic.ClinicSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The providers' public profiles as chunks, and the questions they answer from live data.
 */
class ProviderChunksTests {

	static KnowledgeIndex index;

	static Answering answering;

	@BeforeAll
	static void index() {
		index = KnowledgeFixtures.demoIndex();
		answering = new Answering(index, Answerability.load());
	}

	@AfterAll
	static void close() {
		index.close();
	}

	@Test
	void aProfileSaysWhoTheProviderIsWhatTheySpeakAndWhenTheyWork() {
		List<Chunk> chunks = ProviderChunks.of(KnowledgeFixtures.demoClinic());

		assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.title()).isEqualTo("Providers"));
		Chunk patel = chunks.stream()
			.filter(chunk -> chunk.headings().equals(List.of("Dr. Aisha Patel")))
			.findFirst()
			.orElseThrow();
		assertThat(Sentences.split(patel.text())).contains(
				"Dr. Aisha Patel (DDS), dentist: Family dentistry and teeth whitening.",
				"Dr. Aisha Patel speaks English, Hindi and Gujarati.",
				"Dr. Aisha Patel works on Tuesday 8:00 AM to 5:00 PM, Wednesday 8:00 AM to 4:00 PM and Thursday "
						+ "8:00 AM to 5:00 PM, and not on Monday, Friday, Saturday or Sunday.");
		assertThat(patel.text()).contains("does Annual Cleaning").doesNotContain("12:30");
		assertThat(chunks)
			.anySatisfy(chunk -> assertThat(chunk.text()).contains("Spanish is spoken by Dr. Maria Lopez."));
	}

	@Test
	void questionsAboutProvidersAreAnsweredFromTheirProfiles() {
		assertThat(answer("what days does dr patel work")).contains("Tuesday").contains("Thursday");
		assertThat(answer("which dentist speaks spanish")).contains("Lopez");
		assertThat(answer("who's the hygienist")).contains("Sam O'Neill");
	}

	@Test
	void noActiveProviderMeansNoProviderChunks() {
		ClinicSnapshot clinic = KnowledgeFixtures.demoClinic();
		ClinicSnapshot nobody = new ClinicSnapshot(clinic.profile(), clinic.rules(), clinic.openingHours(),
				clinic.closures(), clinic.services(), List.of(), clinic.operatories());

		assertThat(ProviderChunks.of(nobody)).isEmpty();
	}

	private static String answer(String question) {
		Answering.Outcome outcome = answering.answer(question, KnowledgeFixtures.demoClinic(), KnowledgeFixtures.TODAY);
		assertThat(outcome.answered()).as(question).isTrue();
		return outcome.answer().text();
	}

}
