package io.smiledesk.assistant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.Slot;
import io.smiledesk.scheduling.Unavailability;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.Intent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The booking flow alone: the scheduling services are stand-ins that say what they would.
 */
class BookingFlowTests {

	private static final UUID HOLD = UUID.fromString("00000000-0000-0000-0000-0000000000b0");

	private static final Instant TUESDAY_NINE = Desk.at("2025-08-05T09:00");

	private final Booking booking = mock(Booking.class);

	private final Availability availability = mock(Availability.class);

	private final Appointments appointments = mock(Appointments.class);

	private final BookingFlow flow = new BookingFlow(booking,
			new SlotOffers(availability, booking, appointments, new AssistantProperties(null, 4, 14, 3)),
			new Prompts(appointments));

	private final DialogueState state = new DialogueState();

	@BeforeEach
	void aBooking() {
		state.startTask(Intent.BOOK);
	}

	@Test
	void asksForTheServiceFirstWithTheCatalogAsOptions() {
		Draft draft = flow.next(state, Desk.said("I'd like an appointment", Intent.BOOK), Desk.draft());

		assertThat(state.stage()).isEqualTo(Stage.SERVICE);
		assertThat(draft.text()).isEqualTo("What would you like to come in for?");
		assertThat(draft.options()).extracting(DialogueState.Option::value).contains("Filling", "Teeth Whitening");
	}

	@Test
	void offersFreeTimesForTheService() {
		state.chooseService("filling");
		when(availability.slots(any(), any(), any(), any(), any()))
			.thenReturn(List.of(new Slot(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(2700), "dr-maria-lopez", "op-1")));

		Draft draft = flow.next(state, Desk.said("a filling", Intent.BOOK), Desk.draft());

		assertThat(state.stage()).isEqualTo(Stage.SLOT);
		assertThat(state.offers()).containsExactly(new Offer(TUESDAY_NINE, "dr-maria-lopez"));
		assertThat(draft.text()).contains("Tue Aug 5, 9:00 AM with Dr. Maria Lopez");
		assertThat(draft.options()).extracting(DialogueState.Option::value).containsExactly("2025-08-05 09:00");
	}

	@Test
	void aServiceWaitingForStaffIsNotBooked() {
		state.chooseService("teeth_whitening");
		state.holdForStaff("teeth_whitening");

		Draft draft = flow.next(state, Desk.said("book the whitening anyway", Intent.BOOK), Desk.draft());

		assertThat(draft.text()).contains("before it is booked");
		assertThat(state.task()).isNull();
		verify(booking, never()).hold(any(), any(), any(), any());
		verify(booking, never()).book(any());
	}

	@Test
	void yesBooksTheHeldTimeThroughTheBookingServiceAsAChatBooking() {
		readyToConfirm();
		when(booking.book(any())).thenReturn(new Booking.Done(
				Desk.appointment(UUID.randomUUID(), UUID.randomUUID(), "filling", "2025-08-05T09:00"), false));

		Draft draft = flow.next(state, Desk.said("yes", Intent.CONFIRM), Desk.draft());

		ArgumentCaptor<Booking.BookRequest> request = ArgumentCaptor.forClass(Booking.BookRequest.class);
		verify(booking).book(request.capture());
		assertThat(request.getValue().createdFrom()).isEqualTo(CreatedFrom.CHAT);
		assertThat(request.getValue().holdId()).isEqualTo(HOLD);
		assertThat(request.getValue().start()).isEqualTo(TUESDAY_NINE);
		assertThat(draft.change().action()).isEqualTo("booked");
		assertThat(draft.text())
			.startsWith("You're booked: Filling with Dr. Maria Lopez on Tuesday, August 5 at 9:00 AM");
		assertThat(state.task()).isNull();
	}

	@Test
	void aTimeTakenMeanwhileIsApologisedForAndOthersAreOffered() {
		readyToConfirm();
		Instant eleven = Desk.at("2025-08-05T11:00");
		when(booking.book(any())).thenReturn(new Booking.Rejected(Unavailability.SLOT_TAKEN, "taken",
				List.of(new Slot(eleven, eleven.plusSeconds(2700), "dr-maria-lopez", "op-1"))));

		Draft draft = flow.next(state, Desk.said("yes", Intent.CONFIRM), Desk.draft());

		assertThat(draft.text()).startsWith("I'm sorry, that time has just been taken by someone else.");
		assertThat(state.offers()).containsExactly(new Offer(eleven, "dr-maria-lopez"));
		assertThat(state.declined(TUESDAY_NINE)).isTrue();
		assertThat(draft.handoff()).isNull();
	}

	@Test
	void noToTheHeldTimeGivesItBackAndAsksForAnotherDay() {
		readyToConfirm();

		Draft draft = flow.next(state, Desk.said("no", Intent.DENY), Desk.draft());

		verify(booking).releaseHold(HOLD);
		assertThat(state.stage()).isEqualTo(Stage.WHEN);
		assertThat(state.chosen()).isNull();
		assertThat(draft.text()).contains("another day or time");
	}

	@Test
	void aNamedTimeIsHeldAndTheNameAskedFor() {
		state.chooseService("filling");
		state.prefer(new DialogueState.Wanted(null, null, java.time.LocalDateTime.parse("2025-08-05T09:00")));
		when(booking.hold(any(), any(), any(), any())).thenReturn(new Booking.Held(
				new Booking.HoldView(HOLD, "filling", "dr-maria-lopez", "op-1", TUESDAY_NINE, TUESDAY_NINE)));

		Draft draft = flow.next(state, Desk.turn("tuesday at 9", Intent.BOOK, Entities.NONE, true), Desk.draft());

		assertThat(state.holdId()).isEqualTo(HOLD);
		assertThat(state.stage()).isEqualTo(Stage.NAME);
		assertThat(draft.text()).isEqualTo("Great. May I have your full name?");
	}

	private void readyToConfirm() {
		state.chooseService("filling");
		state.named("Ana Silva");
		state.contact("ana@example.com", null);
		state.held(new Offer(TUESDAY_NINE, "dr-maria-lopez"), HOLD);
		state.ask(Stage.CONFIRM, true);
		when(appointments.find(any())).thenReturn(Optional.empty());
	}

}
