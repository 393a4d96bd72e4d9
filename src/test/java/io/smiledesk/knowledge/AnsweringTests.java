package io.smiledesk.knowledge;

import java.util.List;

import io.smiledesk.clinic.ClinicSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a question is read, when the knowledge base does not answer it and why, and the
 * sentence that answers it.
 */
class AnsweringTests {

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
	void chatSpellingsAndTyposAreReadAsTheKnowledgeBaseWritesThem() {
		QuestionReading reading = QuestionReading.of("hw much 4 parkign on dec 26th, u open?", index.vocabulary());

		assertThat(reading.words()).containsSubsequence("how", "much").contains("parking", "26", "you");
		assertThat(reading.unknown()).isEmpty();
	}

	@Test
	void aLexiconTermTheKnowledgeBaseNeverMentionsIsUnlistedAndNotCorrected() {
		QuestionReading reading = QuestionReading.of("do you take medicare or apple pay", index.vocabulary());

		assertThat(reading.words()).contains("medicare");
		assertThat(reading.unlisted(index)).extracting(PatientWords.Term::phrase)
			.containsExactlyInAnyOrder("medicare", "apple pay");
		// Medicaid is in the insurance document
		assertThat(QuestionReading.of("do you accept medicaid", index.vocabulary()).unlisted(index)).isEmpty();
	}

	@Test
	void aSectionAboutAnotherServiceThanTheOneNamedIsNoAnswer() {
		// given: the aftercare section about fillings, and a document about one service
		// by its tag only
		Chunk fillingAftercare = new Chunk("aftercare#1", java.util.UUID.randomUUID(), "General aftercare information",
				List.of("General aftercare", "After a filling"), "Wait until the numbness wears off.", null);
		Chunk forms = new Chunk("forms#1", java.util.UUID.randomUUID(), "New patient forms",
				List.of("Before your first visit", "Forms"), "Please fill in the forms.", "new_patient_exam");
		ClinicSnapshot clinic = KnowledgeFixtures.demoClinic();

		// when / then: a question about cleanings is not answered from the filling's
		// section; one about fillings is, and filling in forms names no filling
		assertThat(Answering.quotesAnotherService(reading("will my gums be numb after my cleaning"), fillingAftercare,
				clinic))
			.isTrue();
		assertThat(
				Answering.quotesAnotherService(reading("will i be numb after my fillings"), fillingAftercare, clinic))
			.isFalse();
		assertThat(Answering.quotesAnotherService(reading("can i fill in the forms when i get there"), forms, clinic))
			.isFalse();
		assertThat(Answering.quotesAnotherService(reading("do i need forms for a cleaning"), forms, clinic)).isFalse();
	}

	private static QuestionReading reading(String question) {
		return QuestionReading.of(question, index.vocabulary());
	}

	@Test
	void anInsurerNamedWithAKindOfPlanTheClinicSpeaksOfIsAnsweredByWhatItSaysOfThatKind() {
		// given: the demo clinic names no Humana or Tricare, but says it takes other PPO
		// plans out of network and no HMO plans
		// when / then
		assertThat(QuestionReading.of("do you take tricare", index.vocabulary()).unlisted(index))
			.extracting(PatientWords.Term::phrase)
			.containsExactly("tricare");
		assertThat(QuestionReading.of("my tricare plan is a ppo, will you bill it", index.vocabulary()).unlisted(index))
			.isEmpty();
		assertThat(QuestionReading.of("humana hmo ok?", index.vocabulary()).unlisted(index)).isEmpty();
	}

	@Test
	void nearMissesAreNotAnsweredAndSayWhy() {
		assertThat(outcome("do you do root canals").reason()).isEqualTo(ClinicQuestions.Unanswered.NOT_LISTED);
		assertThat(outcome("what brand of whitening gel do you use").answered()).isFalse();
		assertThat(outcome("what did my x-rays show at my last visit").answered()).isFalse();
		assertThat(outcome("who won the super bowl last year").answered()).isFalse();
	}

	@Test
	void whatTheServicesDocumentSaysIsAnsweredEvenWhenItIsNo() {
		assertThat(outcome("do you do implants?").answer().text()).contains("do not offer").contains("specialists");
	}

	@Test
	void theAnswerQuotesTheSentenceWithTheAskedFact() {
		assertThat(outcome("what time do u close on fridays").answer().text()).contains("3:00 PM");
		assertThat(outcome("how long does an emergency exam take").answer().text()).contains("30 minutes");
		assertThat(outcome("where do i park when i come in").answer().text()).contains("lot behind");
		assertThat(outcome("whats the no show fee").answer().text()).contains("$50");
		assertThat(outcome("when can i eat after a filling").answer().text()).contains("numbness wears off");
		assertThat(outcome("what time do u close on wednesdays").answer().text()).contains("7:00 PM");
	}

	@Test
	void aQuestionWithoutWordsFindsNothing() {
		Answering.Outcome outcome = outcome(" ?! ");

		assertThat(outcome.answered()).isFalse();
		assertThat(outcome.reason()).isEqualTo(ClinicQuestions.Unanswered.NOTHING_RELEVANT);
	}

	@Test
	void aModelForOtherFeaturesIsRefused() {
		assertThatThrownBy(() -> new Answerability(List.of("similarity"), new double[1], new double[] { 1 },
				new double[1], 0, 0.5))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> new Answerability(AnswerFeatures.NAMES, new double[1], new double[1], new double[1], 0, 0.5))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Answering.Outcome outcome(String question) {
		return answering.answer(question, KnowledgeFixtures.demoClinic(), KnowledgeFixtures.TODAY);
	}

}
