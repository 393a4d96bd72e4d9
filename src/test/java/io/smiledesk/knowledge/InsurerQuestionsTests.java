package io.smiledesk.knowledge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InsurerQuestionsTests {

	private final InsurerQuestions insurers = new InsurerQuestions(
			List.of(() -> List.of("Delta Dental", "Cigna", "Aetna", "MetLife", "Guardian")));

	@Test
	void aCarrierOnTheClinicsListIsListed() {
		assertThat(insurers.read("do you take Delta Dental?")).hasValueSatisfying(asked -> {
			assertThat(asked.listed()).containsExactly("Delta Dental");
			assertThat(asked.notListed()).isEmpty();
		});
		assertThat(insurers.read("is Aetna accepted?").orElseThrow().listed()).containsExactly("Aetna");
		assertThat(insurers.read("do you accept Cigna PPO?").orElseThrow().listed()).containsExactly("Cigna");
		assertThat(insurers.read("r u in network with metlife").orElseThrow().listed()).containsExactly("MetLife");
	}

	@Test
	void aCarrierNotOnTheListIsNamedAsThePatientWroteIt() {
		assertThat(insurers.read("do you take humana")).hasValueSatisfying(asked -> {
			assertThat(asked.listed()).isEmpty();
			assertThat(asked.notListed()).containsExactly("Humana");
		});
		assertThat(insurers.read("Do you accept Acme Mutual insurance?").orElseThrow().notListed())
			.containsExactly("Acme Mutual");
		assertThat(insurers.read("do you take aetna or humana?")).hasValueSatisfying(asked -> {
			assertThat(asked.listed()).containsExactly("Aetna");
			assertThat(asked.notListed()).containsExactly("Humana");
		});
	}

	@Test
	void spanishAndFrenchAreReadToo() {
		assertThat(insurers.read("¿Aceptan Delta Dental?").orElseThrow().listed()).containsExactly("Delta Dental");
		assertThat(insurers.read("¿Trabajan con el seguro Sanitas?").orElseThrow().notListed())
			.containsExactly("Sanitas");
		assertThat(insurers.read("Acceptez-vous l'assurance MGEN ?").orElseThrow().notListed()).containsExactly("MGEN");
		assertThat(insurers.read("Prenez-vous Cigna ?").orElseThrow().listed()).containsExactly("Cigna");
	}

	@Test
	void questionsNamingNoInsurerOrNotAskingWhetherItIsTakenAreLeftToTheDocuments() {
		assertThat(insurers.read("what insurance do you take")).isEmpty();
		assertThat(insurers.read("do you take my insurance?")).isEmpty();
		assertThat(insurers.read("does my delta dental cover whitening")).isEmpty();
		assertThat(insurers.read("how long does a cleaning take")).isEmpty();
	}

	@Test
	void aClinicWithoutACarriersListIsAnsweredFromItsDocuments() {
		InsurerQuestions unlisted = new InsurerQuestions(List.of(List::of));

		assertThat(unlisted.read("do you take delta dental")).isEmpty();
		assertThat(new InsurerQuestions(List.of()).read("do you take humana")).isEmpty();
	}

}
