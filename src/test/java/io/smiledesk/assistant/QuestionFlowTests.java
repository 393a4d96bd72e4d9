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
	void aQuestionNotAnsweredWholeIsAskedAgainWithoutItsLeadInAndTheTellingAfterIt() {
		assertThat(QuestionFlow.core("before I choose, do you take Amex?")).isEqualTo("do you take Amex?");
		assertThat(QuestionFlow.core("also whats ur address, my sister is gonna drive me"))
			.isEqualTo("whats ur address");
		assertThat(QuestionFlow.core("if I'm late, do you still see me?")).as("a condition is asked too")
			.isEqualTo("if I'm late, do you still see me?");
		assertThat(QuestionFlow.core("oh and where are you")).isEqualTo("where are you");
		assertThat(QuestionFlow.core("how much is it, with insurance?")).isEqualTo("how much is it, with insurance?");
		assertThat(QuestionFlow.core("my son is scared of dentists and wonders about the noise"))
			.as("no question clause")
			.isEqualTo("my son is scared of dentists and wonders about the noise");
	}

	@Test
	void theQuestionClauseIsAnsweredWhenTheWholeMessageIsNot() {
		ClinicQuestions strict = question -> question.equalsIgnoreCase("is there parking?")
				? Optional.of(new ClinicQuestions.Answer("Park behind the building.", List.of("Parking"), null))
				: Optional.empty();
		QuestionFlow flow = new QuestionFlow(List.of(strict), new QuestionTerms());

		Draft draft = flow.next(state, Desk.said("before I pick, is there parking?", Intent.QUESTION), Desk.draft());

		assertThat(draft.text()).startsWith("Park behind the building.");
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

	@Test
	void aQuestionBesideARequestIsAskedAlone() {
		// "do you take Delta? If so, a cleaning": the knowledge base is asked the
		// question
		assertThat(QuestionFlow
			.questionSentences("Do you take Delta Dental? If so I'd like to book a cleaning next Wednesday afternoon."))
			.isEqualTo("Do you take Delta Dental?");
		// a question that is the request itself asks the knowledge base nothing
		assertThat(QuestionFlow.questionSentences(
				"Hi it's Leonard Fischer. Could my filling move from the 13th to the 20th? Mornings suit me best."))
			.isEmpty();
		// a time added as a short question, or asked for as earlier, is the request too
		assertThat(QuestionFlow.questionSentences("Could I move my cleaning to today instead? like 9?")).isEmpty();
		assertThat(QuestionFlow.questionSentences(
				"Do you have something earlier that same day? That's cutting it close with school pickup."))
			.isEmpty();
		// only questions, or no question mark: the message as written
		assertThat(QuestionFlow.questionSentences("How long does it take? Does it hurt?"))
			.isEqualTo("How long does it take? Does it hurt?");
		assertThat(QuestionFlow.questionSentences("how much is a cleaning")).isEqualTo("how much is a cleaning");
	}

	@Test
	void answersEachQuestionOfAMessageAskingSeveral() {
		// given two questions the knowledge answers separately; when asked together;
		// then both answers, each once
		Optional<ClinicQuestions.Answer> answer = flow
			.answer(Desk.said("Do you do whitening? And is there parking?", Intent.QUESTION));

		assertThat(answer).isPresent();
		assertThat(answer.get().text()).contains("A whitening session takes about an hour.")
			.contains("Park behind the building.");
		assertThat(answer.get().sources()).containsExactly("Services and prices", "Parking");
		assertThat(QuestionFlow.parts("Are you taking new patients, and how much is the first visit?"))
			.containsExactly("Are you taking new patients", "how much is the first visit?");
		assertThat(QuestionFlow.parts("Do you do braces? My daughter is 14.")).containsExactly("Do you do braces?");
		assertThat(QuestionFlow.parts("Do you do implants? How much would one cost?"))
			.containsExactly("Do you do implants? How much would one cost?");
	}

	@Test
	void aNumberAloneIsNoQuestion() {
		// given a knowledge base that answers anything; when "1" is read; then no answer
		QuestionFlow anything = new QuestionFlow(List
			.of(question -> Optional.of(new ClinicQuestions.Answer("Closed on holidays.", List.of("Hours"), null))),
				new QuestionTerms());

		assertThat(anything.answer(Desk.said("1", Intent.UNKNOWN))).isEmpty();
		assertThat(anything.answer(Desk.said("when are you open", Intent.QUESTION))).isPresent();
	}

}
