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
import io.smiledesk.waitlist.PartOfDay;
import io.smiledesk.waitlist.Waitlist;
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

	private final Waitlist waitlist = mock(Waitlist.class);

	private final SlotOffers slots = new SlotOffers(availability, booking, appointments,
			new AssistantProperties(null, 4, 14, 3));

	private final WaitlistJoining joining = new WaitlistJoining(waitlist, slots, new Prompts(appointments),
			appointments);

	private final BookingFlow flow = new BookingFlow(booking, slots, new Prompts(appointments), joining);

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

	@Test
	void aPatientWhoAsksForTheWaitlistIsPutOnItBeforeTheFirstTimeOfferedOnceTheirNameAndContactAreKnown() {
		state.chooseService("filling");
		state.prefer(new DialogueState.Wanted(java.time.LocalDateTime.parse("2025-08-04T08:00"),
				java.time.LocalDateTime.parse("2025-08-16T00:00"), null, java.time.LocalTime.of(8, 0),
				java.time.LocalTime.NOON));
		state.offered(List.of(new Offer(Desk.at("2025-08-14T09:00"), "dr-maria-lopez")));
		state.wantWaitlist();

		Draft asked = flow.next(state, Desk.said("put me on the waitlist", Intent.BOOK), Desk.draft());
		assertThat(asked.text()).isEqualTo("Great. May I have your full name?");
		verify(waitlist, never()).joinFromChat(any(), any());

		state.named("Ana Silva");
		state.contact(null, "+12125550187");
		when(waitlist.joinFromChat(any(), any())).thenReturn(new Waitlist.Outcome.Joined(UUID.randomUUID(), false));
		Draft joined = flow.next(state, Desk.said("Ana Silva 212 555 0187", Intent.BOOK), Desk.draft());

		ArgumentCaptor<Waitlist.Wish> wish = ArgumentCaptor.forClass(Waitlist.Wish.class);
		ArgumentCaptor<Waitlist.Contact> contact = ArgumentCaptor.forClass(Waitlist.Contact.class);
		verify(waitlist).joinFromChat(contact.capture(), wish.capture());
		assertThat(contact.getValue()).isEqualTo(new Waitlist.Contact("Ana Silva", null, "+12125550187"));
		assertThat(wish.getValue().service()).isEqualTo("filling");
		assertThat(wish.getValue().earliest()).isEqualTo(java.time.LocalDate.parse("2025-08-04"));
		assertThat(wish.getValue().latest()).isEqualTo(java.time.LocalDate.parse("2025-08-14"));
		assertThat(wish.getValue().partsOfDay()).containsExactly(PartOfDay.MORNING);
		assertThat(joined.text()).startsWith("Done: you're on our waitlist for a Filling before Thursday, August 14.");
		assertThat(state.task()).isNull();
		verify(booking, never()).book(any());
	}

	@Test
	void aPatientAlreadyWaitingIsToldSoAndARefusalGivesTheClinicsNumber() {
		state.chooseService("filling");
		state.named("Ana Silva");
		state.contact("ana@example.com", null);
		state.wantWaitlist();
		when(waitlist.joinFromChat(any(), any())).thenReturn(new Waitlist.Outcome.Joined(UUID.randomUUID(), true));

		assertThat(flow.next(state, Desk.said("waitlist please", Intent.BOOK), Desk.draft()).text())
			.startsWith("You're already on our waitlist for a Filling");

		state.startTask(Intent.BOOK);
		state.chooseService("filling");
		state.wantWaitlist();
		when(waitlist.joinFromChat(any(), any()))
			.thenReturn(new Waitlist.Outcome.Refused("service_name", "The clinic does not offer that service.", true));
		assertThat(flow.next(state, Desk.said("waitlist please", Intent.BOOK), Desk.draft()).text())
			.startsWith("I'm sorry, I couldn't put you on the waitlist online. Please call us at");
	}

	@Test
	void anythingSoonerOffersEarlierFreeTimesWhenThereAreSome() {
		state.chooseService("filling");
		Instant thursday = Desk.at("2025-08-07T09:00");
		state.offered(List.of(new Offer(thursday, "dr-maria-lopez")));
		state.ask(Stage.SLOT, true);
		when(availability.slots(any(), any(), any(), any(), any()))
			.thenReturn(List.of(new Slot(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(2700), "dr-maria-lopez", "op-1"),
					new Slot(thursday, thursday.plusSeconds(2700), "dr-maria-lopez", "op-1")));

		Draft draft = joining.sooner(state, Desk.said("anything sooner?", Intent.UNKNOWN), Desk.draft(),
				Optional.empty());

		assertThat(state.offers()).containsExactly(new Offer(TUESDAY_NINE, "dr-maria-lopez"));
		assertThat(draft.text()).contains("Tue Aug 5, 9:00 AM");
	}

	@Test
	void anythingSoonerWhenNothingIsEarlierOffersTheWaitlistBesideTheTimesShown() {
		state.chooseService("filling");
		state.offered(List.of(new Offer(TUESDAY_NINE, "dr-maria-lopez")));
		state.offerOptions(
				List.of(new DialogueState.Option("Tue Aug 5, 9:00 AM with Dr. Maria Lopez", "2025-08-05 09:00")));
		state.ask(Stage.SLOT, true);
		when(availability.slots(any(), any(), any(), any(), any()))
			.thenReturn(List.of(new Slot(TUESDAY_NINE, TUESDAY_NINE.plusSeconds(2700), "dr-maria-lopez", "op-1")));

		Draft draft = joining.sooner(state, Desk.said("nothing sooner?", Intent.UNKNOWN), Desk.draft(),
				Optional.empty());

		assertThat(draft.text()).startsWith("Those are the soonest free times for a Filling.");
		assertThat(draft.options()).extracting(DialogueState.Option::value)
			.containsExactly("2025-08-05 09:00", "Put me on the waitlist");
		assertThat(state.offers()).containsExactly(new Offer(TUESDAY_NINE, "dr-maria-lopez"));
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
