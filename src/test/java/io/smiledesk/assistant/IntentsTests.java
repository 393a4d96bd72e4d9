package io.smiledesk.assistant;

import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intent read in the conversation's light, from the classifier's reading.
 */
class IntentsTests {

	private final DialogueState state = new DialogueState();

	@Test
	void aQuestionAboutAVisitThePatientTellsOfHavingBooksNothing() {
		Turn turn = Desk.said("I have a cleaning next week. What's the charge if I miss it?", Intent.BOOK);

		assertThat(Intents.inContext(state, turn)).isEqualTo(Intent.QUESTION);
	}

	@Test
	void aRequestAfterTellingOfTheVisitStaysARequest() {
		assertThat(Intents.inContext(state,
				Desk.said("I have a cleaning next week. Can I move it to Friday?", Intent.RESCHEDULE)))
			.isEqualTo(Intent.RESCHEDULE);
		assertThat(Intents.inContext(state, Desk.said("I'd like a cleaning next week. How much is it?", Intent.BOOK)))
			.isEqualTo(Intent.BOOK);
		assertThat(Intents.inContext(state, Desk.said("I have a filling to do, can I come Friday?", Intent.BOOK)))
			.isEqualTo(Intent.BOOK);
	}

	@Test
	void aPickAmongTheOptionsIsNeitherAFarewellNorAYes() {
		DialogueState offering = new DialogueState();
		offering.startTask(Intent.BOOK);
		offering.ask(DialogueState.Stage.SLOT, false);
		Turn soonest = Desk.turn("whatever's soonest", Intent.GOODBYE, choice(1), false);
		Turn first = Desk.turn("ok, 1 then", Intent.CONFIRM, choice(1), false);

		assertThat(Intents.inContext(offering, soonest)).isEqualTo(Intent.UNKNOWN);
		assertThat(Intents.inContext(offering, first)).isEqualTo(Intent.UNKNOWN);
	}

	private static Entities choice(int choice) {
		return new Entities(null, null, null, null, null, null, null, choice);
	}

	@Test
	void askingForAnEarlierTimeWhileBookingIsNoQuestionForTheKnowledgeBase() {
		DialogueState booking = new DialogueState();
		booking.startTask(Intent.BOOK);

		assertThat(
				Intents.inContext(booking, Desk.said("do you have something earlier that same day?", Intent.QUESTION)))
			.isEqualTo(Intent.UNKNOWN);
		assertThat(Intents.inContext(booking, Desk.said("is there parking?", Intent.QUESTION)))
			.isEqualTo(Intent.QUESTION);
	}

}
