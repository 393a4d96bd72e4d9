package io.smiledesk.assistant;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.assistant.DialogueState.Wanted;
import io.smiledesk.understanding.Intent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DialogueStateTests {

	private final DialogueState state = new DialogueState();

	@Test
	void aNewTimePreferenceForgetsTheOffersAndTheDeclinedTimes() {
		Instant nine = Desk.at("2025-08-05T09:00");
		state.offered(List.of(new Offer(nine, "dr-maria-lopez")));
		state.decline(nine);

		boolean changed = state
			.prefer(new Wanted(LocalDateTime.parse("2025-08-07T08:00"), LocalDateTime.parse("2025-08-07T18:00"), null));

		assertThat(changed).isTrue();
		assertThat(state.offers()).isEmpty();
		assertThat(state.declined(nine)).isFalse();
		assertThat(state.prefer(state.wanted())).as("the same preference again changes nothing").isFalse();
	}

	@Test
	void anotherTaskKeepsWhoThePatientIsButNotWhatTheyWanted() {
		state.startTask(Intent.BOOK);
		state.named("Ana Silva");
		state.contact("ana@example.com", null);
		state.chooseService("filling");

		state.startTask(Intent.CANCEL);

		assertThat(state.task()).isEqualTo(Intent.CANCEL);
		assertThat(state.serviceId()).isNull();
		assertThat(state.name()).isEqualTo("Ana Silva");
		assertThat(state.email()).isEqualTo("ana@example.com");
	}

	@Test
	void startingOverForgetsTheIdentityButNotTheFailedChecksNorTheServicesWaitingForStaff() {
		state.named("Ana Silva");
		state.notVerified();
		state.holdForStaff("teeth_whitening");

		state.reset();

		assertThat(state.name()).isNull();
		assertThat(state.verificationFailures()).isEqualTo(1);
		assertThat(state.heldForStaff("teeth_whitening")).isTrue();
	}

	@Test
	void askingTheSameThingWithoutAnAnswerCountsAndAnAnswerStartsAfresh() {
		state.ask(Stage.CONTACT, true);
		state.ask(Stage.CONTACT, false);
		assertThat(state.askedAgain()).isEqualTo(1);
		state.ask(Stage.CONTACT, false);
		assertThat(state.askedAgain()).isEqualTo(2);

		state.ask(Stage.CONTACT, true);

		assertThat(state.askedAgain()).isZero();
		state.ask(Stage.DOB, false);
		assertThat(state.askedAgain()).as("another question is a first time").isZero();
	}

	@Test
	void staffHandingBackFreesTheHeldServicesAndTheCounters() {
		state.holdForStaff("teeth_whitening");
		state.notVerified();
		state.misunderstood();

		state.handedBack();

		assertThat(state.heldForStaff("teeth_whitening")).isFalse();
		assertThat(state.verificationFailures()).isZero();
		assertThat(state.misunderstandings()).isZero();
	}

	@Test
	void onlyAnAppointmentBeingMovedCountsAsFree() {
		UUID appointment = UUID.randomUUID();
		state.startTask(Intent.CANCEL);
		state.chooseAppointment(appointment);
		assertThat(state.moving()).isNull();

		state.startTask(Intent.RESCHEDULE);
		state.chooseAppointment(appointment);

		assertThat(state.moving()).isEqualTo(appointment);
	}

	@Test
	void survivesBeingStoredAndReadBack() {
		state.startTask(Intent.BOOK);
		state.chooseService("filling");
		state.prefer(new Wanted(LocalDateTime.parse("2025-08-07T08:00"), LocalDateTime.parse("2025-08-07T18:00"), null,
				java.time.LocalTime.NOON, java.time.LocalTime.of(17, 0)));
		state.holdForStaff("teeth_whitening");
		state.speaks("es");

		DialogueState read = States.read(States.write(state));

		assertThat(read.serviceId()).isEqualTo("filling");
		assertThat(read.wanted()).isEqualTo(state.wanted());
		assertThat(read.heldForStaff("teeth_whitening")).isTrue();
		assertThat(read.language()).isEqualTo("es");
		assertThat(States.read("{not json")).as("an unreadable state starts afresh").isNotNull();
	}

}
