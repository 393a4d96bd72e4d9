package io.smiledesk.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smiledesk.knowledge.ClinicQuestions;
import io.smiledesk.knowledge.InsurerQuestions;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Do you take my insurer?" answered from the clinic's carriers list. */
class InsurerQuestionFlowTests {

	/** Documents that say how insurance works, and nothing about any one insurer. */
	private static final ClinicQuestions DOCUMENTS = question -> question.equals(QuestionFlow.INSURANCE_BASICS)
			? Optional.of(new ClinicQuestions.Answer(
					"We check your benefits before your appointment and tell you what you are likely to pay. (Source: Insurance accepted)",
					List.of("Insurance accepted"), null))
			: Optional.empty();

	private final QuestionFlow flow = new QuestionFlow(List.of(DOCUMENTS), new QuestionTerms(),
			new InsurerQuestions(List.of(() -> List.of("Delta Dental", "Aetna"))));

	private final DialogueState state = new DialogueState();

	@Test
	void aListedCarrierIsTakenWithWhatTheDocumentsSayAboutInsurance() {
		Draft draft = flow.next(state, Desk.said("do you take Delta Dental?", Intent.QUESTION), Desk.draft());

		assertThat(draft.text()).startsWith("Yes, Delta Dental is on our list of the insurance carriers we work with.")
			.contains("We check your benefits before your appointment");
		assertThat(draft.handoff()).isNull();
	}

	@Test
	void aCarrierNotListedIsSaidHonestlyAndGoesToStaffToConfirm() {
		Draft draft = flow.next(state, Desk.said("is Cigna accepted?", Intent.QUESTION), Desk.draft());

		assertThat(draft.text()).startsWith("Cigna isn't on our list of insurance carriers; I've asked the team")
			.doesNotContain("Yes,");
		assertThat(draft.handoff().reason()).isEqualTo(HandoffReason.UNANSWERED_QUESTION);
		assertThat(draft.handoff().detail()).contains("Cigna");
	}

	@Test
	void inSpanishTheListIsSaidInSpanishAndTheClinicsTextIsSaidToBeInEnglish() {
		Locale spanish = Locale.forLanguageTag("es");
		Draft listed = flow.next(state, Desk.turn("¿Aceptan Aetna?", Intent.QUESTION, Entities.NONE, false, spanish),
				new Draft(new Wording(), spanish));
		Draft notListed = flow.next(new DialogueState(),
				Desk.turn("¿Aceptan el seguro Sanitas?", Intent.QUESTION, Entities.NONE, false, spanish),
				new Draft(new Wording(), spanish));

		assertThat(listed.text()).startsWith("Sí, Aetna está en nuestra lista de aseguradoras")
			.contains("Esta es nuestra información, escrita en inglés: We check your benefits");
		assertThat(listed.handoff()).isNull();
		assertThat(notListed.text()).startsWith("Sanitas no está en nuestra lista de aseguradoras");
		assertThat(notListed.handoff()).isNotNull();
	}

}
