package io.smiledesk.assistant;

import java.time.LocalDateTime;
import java.time.LocalTime;

import java.util.UUID;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Wanted;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.understanding.EntityExtractor;
import io.smiledesk.understanding.Intent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class FactsTests {

	private static final LocalDateTime HELD = LocalDateTime.parse("2025-08-11T09:00");

	@Test
	void aTimeTheHeldOneAlreadyMeetsKeepsIt() {
		// given Monday 9:00 held; when the patient says "the one at 9", "from 9" or "the
		// morning"; then it is kept
		assertThat(Facts.keeps(new Wanted(day(0), day(1), HELD), HELD)).isTrue();
		assertThat(Facts.keeps(new Wanted(HELD, HELD.withHour(20), null), HELD)).isTrue();
		assertThat(Facts.keeps(new Wanted(HELD.withHour(8), HELD.withHour(12), null), HELD)).isTrue();
	}

	@Test
	void aTimeTheHeldOneDoesNotMeetReplacesIt() {
		// given Monday 9:00 held; when another time, the afternoon or another day is
		// asked for; then it is not kept
		assertThat(Facts.keeps(new Wanted(day(0), day(1), HELD.withHour(10)), HELD)).isFalse();
		assertThat(Facts.keeps(new Wanted(HELD.withHour(12), HELD.withHour(17), null), HELD)).isFalse();
		assertThat(Facts.keeps(new Wanted(day(1), day(2), null), HELD)).isFalse();
		assertThat(Facts.keeps(new Wanted(day(0), day(7), null, LocalTime.NOON, LocalTime.of(17, 0)), HELD)).isFalse();
	}

	@Test
	void aNewServiceKeepsTheTimeHeld() {
		// given a cleaning held on Thursday at 9:00; when the patient says "no wait, a
		// filling not a cleaning"; then the filling is wanted at the same time
		DialogueState state = new DialogueState();
		state.startTask(Intent.BOOK);
		state.chooseService("annual_cleaning");
		state
			.prefer(new Wanted(LocalDateTime.parse("2025-08-07T00:00"), LocalDateTime.parse("2025-08-08T00:00"), null));
		state.held(new Offer(Desk.at("2025-08-07T09:00"), "dr-maria-lopez"), UUID.randomUUID());
		Facts facts = new Facts(
				mock(Patients.class), mock(Appointments.class), new SlotOffers(mock(Availability.class),
						mock(Booking.class), mock(Appointments.class), new AssistantProperties(null, 4, 14, 3)),
				mock(EntityExtractor.class));

		facts.merge(state,
				Desk.turn("no wait, a filling not a cleaning", Intent.UNKNOWN, Desk.service("filling"), false),
				Desk.draft());

		assertThat(state.serviceId()).isEqualTo("filling");
		assertThat(state.chosen()).isNull();
		assertThat(state.wanted().exact()).isEqualTo(LocalDateTime.parse("2025-08-07T09:00"));
	}

	private static LocalDateTime day(int plus) {
		return HELD.toLocalDate().plusDays(plus).atStartOfDay();
	}

}
