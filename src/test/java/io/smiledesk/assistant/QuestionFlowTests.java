package io.smiledesk.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smiledesk.knowledge.ClinicQuestions;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionFlowTests {

	/** A knowledge base that knows about whitening and parking only. */
	private static final ClinicQuestions KNOWLEDGE = question -> {
		String lower = question.toLowerCase(Locale.ROOT);
		if (lower.contains("whitening")) {
			return Optional.of(new ClinicQuestions.Answer("A whitening session takes about an hour.",
					List.of("Services and prices"), "teeth_whitening"));
		}
		if (lower.contains("parking")) {
			return Optional.of(new ClinicQuestions.Answer("Park behind the building.", List.of("Parking"), null));
		}
		return Optional.empty();
	};

	private final QuestionFlow flow = new QuestionFlow(List.of(KNOWLEDGE), new QuestionTerms());

	private final DialogueState state = new DialogueState();

	@Test
	void aQuestionAboutAServiceIsAnsweredAndThenABookingOffered() {
		Draft draft = flow.next(state, Desk.said("how long does a whitening take?", Intent.QUESTION), Desk.draft());

		assertThat(draft.text()).startsWith("A whitening session takes about an hour.")
			.contains("Would you like me to find you a time for a Teeth Whitening?");
		assertThat(draft.handoff()).isNull();
		assertThat(state.task()).as("nothing is booked until the patient says so").isNull();
		assertThat(state.suggestedTask()).isEqualTo(Intent.BOOK);
	}

	@Test
	void noBookingIsOfferedForAServiceWaitingForStaff() {
		state.holdForStaff("teeth_whitening");

		Draft draft = flow.next(state, Desk.said("how long does a whitening take?", Intent.QUESTION), Desk.draft());

		assertThat(draft.text()).doesNotContain("Would you like");
		assertThat(draft.options()).isEmpty();
	}

	@Test
	void whatTheClinicDidNotWriteIsHonestlyNotAnsweredAndGoesToStaff() {
		Draft draft = flow.next(state, Desk.said("what brand of gel do you use?", Intent.QUESTION), Desk.draft());

		assertThat(draft.text()).startsWith("I don't have that information here; I've asked the team");
		assertThat(draft.handoff().reason()).isEqualTo(HandoffReason.UNANSWERED_QUESTION);
	}

	@Test
	void aSpanishQuestionIsAskedInTheClinicsWordsAndTheAnswerSaysItIsInEnglish() {
		Locale spanish = Locale.forLanguageTag("es");
		Draft draft = flow.next(state,
				Desk.turn("¿Dónde puedo aparcar?", Intent.QUESTION, Entities.NONE, false, spanish),
				new Draft(new Wording(), spanish));

		assertThat(draft.text()).isEqualTo("Esta es nuestra información, escrita en inglés: Park behind the building.");
	}

	@Test
	void aSpanishQuestionOnAnUnknownTopicGoesToStaffInSpanish() {
		Locale spanish = Locale.forLanguageTag("es");
		Draft draft = flow.next(state,
				Desk.turn("¿Qué marca de gel usan?", Intent.QUESTION, Entities.NONE, false, spanish),
				new Draft(new Wording(), spanish));

		assertThat(draft.text()).startsWith("No tengo esa información aquí");
		assertThat(draft.handoff()).isNotNull();
	}

}
