package io.smiledesk.assistant;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Wanted;
import io.smiledesk.understanding.Intent;
import io.smiledesk.understanding.TimeExpression;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimePreferenceTests {

	private static final Wanted TUESDAY = new Wanted(at("2025-08-05T08:00"), at("2025-08-05T18:00"), null);

	private static final Wanted MONDAY_AFTERNOON = new Wanted(at("2025-08-04T12:00"), at("2025-08-04T17:00"), null);

	@Test
	void nextWeekSameTimeIsTheSameWeekdayAndTimeAsTheAppointment() {
		// the appointment is on Wednesday 6 August at 15:00
		Optional<Wanted> refined = TimePreference.refine(TUESDAY,
				new TimeExpression.Between(at("2025-08-11T08:00"), at("2025-08-17T18:00")),
				"push it to next week same time", at("2025-08-06T15:00"));

		assertThat(refined)
			.contains(new Wanted(at("2025-08-13T00:00"), at("2025-08-14T00:00"), at("2025-08-13T15:00")));
	}

	@Test
	void weeksOrDaysLaterCountFromTheAppointmentAtItsTime() {
		// the appointment is on Tuesday 12 August at 13:00
		LocalDateTime appointment = at("2025-08-12T13:00");
		Wanted itsDay = new Wanted(at("2025-08-12T00:00"), at("2025-08-13T00:00"), null);

		assertThat(TimePreference.refine(itsDay, null, "can you push my crown consult back two weeks, same time",
				appointment))
			.contains(new Wanted(at("2025-08-26T00:00"), at("2025-08-27T00:00"), at("2025-08-26T13:00")));
		assertThat(TimePreference.refine(itsDay, null, "switch my whitening to a week later", appointment))
			.contains(new Wanted(at("2025-08-19T00:00"), at("2025-08-20T00:00"), at("2025-08-19T13:00")));
		assertThat(TimePreference.refine(itsDay, null, "could it be 2 days earlier?", appointment))
			.contains(new Wanted(at("2025-08-10T00:00"), at("2025-08-11T00:00"), at("2025-08-10T13:00")));
		assertThat(TimePreference.refine(itsDay, null, "can you push my appt back an hour?", appointment))
			.contains(new Wanted(at("2025-08-12T00:00"), at("2025-08-13T00:00"), at("2025-08-12T14:00")));
		assertThat(TimePreference.refine(itsDay, null, "earlier by 30 minutes please", appointment))
			.contains(new Wanted(at("2025-08-12T00:00"), at("2025-08-13T00:00"), at("2025-08-12T12:30")));
		assertThat(TimePreference.shifts("push it back a week")).isTrue();
		assertThat(TimePreference.shifts("next week please")).isFalse();
	}

	@Test
	void theSameDayButLaterShiftsFromTheDayNamed() {
		// "my Thursday filling, the same day but later": Thursday is the day shifted from
		Optional<Wanted> refined = TimePreference.refine(
				new Wanted(at("2025-08-14T00:00"), at("2025-08-15T00:00"), null),
				new TimeExpression.Between(at("2025-08-14T08:00"), at("2025-08-14T18:00")),
				"quiero cambiar la hora de mi empaste del jueves: el mismo día pero más tarde", at("2025-08-14T10:00"));

		assertThat(refined).contains(new Wanted(at("2025-08-14T12:00"), at("2025-08-14T18:00"), null));
	}

	@Test
	void fromOneDayToTheNextSameTimeIsTheSecondDay() {
		Optional<Wanted> refined = TimePreference.refine(TUESDAY,
				new TimeExpression.Between(at("2025-08-13T08:00"), at("2025-08-14T18:00")),
				"move my cleaning from Wednesday the 13th to Thursday the 14th, same time", at("2025-08-13T11:00"));

		assertThat(refined)
			.contains(new Wanted(at("2025-08-14T00:00"), at("2025-08-15T00:00"), at("2025-08-14T11:00")));
	}

	@Test
	void sameTimeWithoutATimeBeingTalkedAboutIsAnOrdinaryDay() {
		Optional<Wanted> refined = TimePreference.refine(TUESDAY,
				new TimeExpression.Between(at("2025-08-14T08:00"), at("2025-08-14T18:00")), "thursday, same time",
				null);

		assertThat(refined).contains(new Wanted(at("2025-08-14T08:00"), at("2025-08-14T18:00"), null));
	}

	@Test
	void aWeekdayOnItsOwnAtTheSameTimeStaysInTheWeekTalkedAbout() {
		// Tuesday morning of next week was offered from 8:00; "wed ... same time" is the
		// Wednesday after it at 8:00, not this week's
		Optional<Wanted> refined = TimePreference.refine(
				new Wanted(at("2025-08-12T08:00"), at("2025-08-12T12:00"), null),
				new TimeExpression.At(at("2025-08-06T08:00")), "actualy wed is better same time",
				at("2025-08-12T08:00"));

		assertThat(refined)
			.contains(new Wanted(at("2025-08-13T00:00"), at("2025-08-14T00:00"), at("2025-08-13T08:00")));
	}

	@Test
	void aWeekdayOnItsOwnStaysInTheWeekTalkedAbout() {
		// Tuesday of next week was wanted; "wed" is the Wednesday after it, not this
		// week's
		Optional<Wanted> refined = TimePreference.refine(
				new Wanted(at("2025-08-12T08:00"), at("2025-08-12T12:00"), null),
				new TimeExpression.Between(at("2025-08-06T08:00"), at("2025-08-06T18:00")), "actualy wed is better",
				null);

		assertThat(refined).contains(new Wanted(at("2025-08-13T08:00"), at("2025-08-13T12:00"), null));
		assertThat(
				TimePreference.sameWeek(java.time.LocalDate.parse("2025-08-11"), at("2025-08-08T08:00"), "monday then"))
			.isEqualTo(java.time.LocalDate.parse("2025-08-11"));
	}

	@Test
	void aNewTimeKeepsTheDay() {
		Optional<Wanted> refined = TimePreference.refine(TUESDAY, new TimeExpression.At(at("2025-08-04T15:00")),
				"at 3 instead", null);

		assertThat(refined)
			.contains(new Wanted(at("2025-08-05T00:00"), at("2025-08-06T00:00"), at("2025-08-05T15:00")));
	}

	@Test
	void aPartOfTheDayKeepsTheDay() {
		Optional<Wanted> refined = TimePreference.refine(
				new Wanted(at("2025-08-07T12:00"), at("2025-08-07T17:00"), null),
				new TimeExpression.Between(at("2025-08-04T08:00"), at("2025-08-04T12:00")),
				"could it be the morning instead?", null);

		assertThat(refined).contains(new Wanted(at("2025-08-07T08:00"), at("2025-08-07T12:00"), null));
	}

	@Test
	void aNewDayKeepsThePartOfTheDay() {
		Optional<Wanted> refined = TimePreference.refine(MONDAY_AFTERNOON,
				new TimeExpression.Between(at("2025-08-07T08:00"), at("2025-08-07T18:00")),
				"hmm, what about thursday instead?", null);

		assertThat(refined).contains(new Wanted(at("2025-08-07T12:00"), at("2025-08-07T17:00"), null));
	}

	@Test
	void aNewDayKeepsTheTimeAskedFor() {
		Wanted wednesdayAtTwo = new Wanted(at("2025-08-06T00:00"), at("2025-08-07T00:00"), at("2025-08-06T14:00"));

		Optional<Wanted> refined = TimePreference.refine(wednesdayAtTwo,
				new TimeExpression.Between(at("2025-08-07T08:00"), at("2025-08-07T18:00")), "thursday instead", null);

		assertThat(refined)
			.contains(new Wanted(at("2025-08-07T00:00"), at("2025-08-08T00:00"), at("2025-08-07T14:00")));
	}

	@Test
	void aPartOfTheDayOverSeveralDaysIsKeptForEachDay() {
		Wanted nextWeek = new Wanted(at("2025-08-11T08:00"), at("2025-08-16T18:00"), null);

		Optional<Wanted> refined = TimePreference.refine(nextWeek,
				new TimeExpression.Between(at("2025-08-04T08:00"), at("2025-08-04T12:00")), "mornings please", null);

		assertThat(refined)
			.contains(new Wanted(nextWeek.from(), nextWeek.to(), null, LocalTime.of(8, 0), LocalTime.NOON));
		assertThat(refined.get().fitsDay(LocalTime.of(9, 30))).isTrue();
		assertThat(refined.get().fitsDay(LocalTime.of(14, 0))).isFalse();
	}

	@Test
	void anHourLaterMovesFromTheTimeTalkedAbout() {
		Optional<Wanted> refined = TimePreference.refine(Wanted.SOONEST, null,
				"can you make it an hour later, same day?", at("2025-08-12T10:00"));

		assertThat(refined.map(Wanted::exact)).contains(at("2025-08-12T11:00"));
	}

	@Test
	void halfAnHourEarlierMovesBack() {
		Optional<Wanted> refined = TimePreference.refine(Wanted.SOONEST, null, "half an hour earlier please",
				at("2025-08-12T10:00"));

		assertThat(refined.map(Wanted::exact)).contains(at("2025-08-12T09:30"));
	}

	@Test
	void laterInTheDayIsTheAfternoonOfAMorningTime() {
		Optional<Wanted> refined = TimePreference.refine(TUESDAY, null, "later in the day if you can",
				at("2025-08-05T08:00"));

		assertThat(refined).contains(new Wanted(at("2025-08-05T12:00"), at("2025-08-05T18:00"), null));
	}

	@Test
	void aBitLaterIsJustAfter() {
		Optional<Wanted> refined = TimePreference.refine(TUESDAY, null, "a bit later?", at("2025-08-05T10:00"));

		assertThat(refined.map(Wanted::from)).contains(at("2025-08-05T10:15"));
	}

	@Test
	void withoutAnythingToMoveFromAShiftSaysNothing() {
		assertThat(TimePreference.refine(Wanted.SOONEST, null, "an hour later", null)).isEmpty();
		assertThat(TimePreference.shifts("an hour later")).isTrue();
		assertThat(TimePreference.shifts("tuesday at 3")).isFalse();
	}

	@Test
	void aTimeNamedPicksTheOfferAtThatTime() {
		List<Offer> offers = List.of(new Offer(Desk.at("2025-08-05T09:00"), "dr-maria-lopez"),
				new Offer(Desk.at("2025-08-05T14:00"), "dr-maria-lopez"));
		Turn turn = Desk.turn("the 2pm one", Intent.UNKNOWN, Desk.when(new TimeExpression.At(at("2025-08-04T14:00"))),
				false);

		assertThat(TimePreference.pickAmong(offers, turn, TUESDAY)).contains(offers.get(1));
	}

	@Test
	void aTimeOnAnotherDayPicksNoOffer() {
		List<Offer> offers = List.of(new Offer(Desk.at("2025-08-05T14:00"), "dr-maria-lopez"));
		Turn turn = Desk.turn("thursday at 2pm", Intent.UNKNOWN,
				Desk.when(new TimeExpression.At(at("2025-08-07T14:00"))), false);

		assertThat(TimePreference.pickAmong(offers, turn, TUESDAY)).isEmpty();
	}

	private static LocalDateTime at(String local) {
		return LocalDateTime.parse(local);
	}

}
