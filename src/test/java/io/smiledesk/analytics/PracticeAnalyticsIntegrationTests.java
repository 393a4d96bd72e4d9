package io.smiledesk.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.analytics.PracticeReport.HourCount;
import io.smiledesk.analytics.PracticeReport.ReasonCount;
import io.smiledesk.analytics.PracticeReport.Week;
import io.smiledesk.conversation.ChatReply;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures, from bookings, visits and chats made through the real services at chosen
 * moments. Brightside Dental is in America/New_York: in August that is UTC-4, so a
 * booking made on Sunday at 23:30 is already Monday in UTC, and a 09:00 appointment
 * starts at 13:00 UTC. Every expected figure below is counted by hand from the seed.
 */
@IntegrationTest
class PracticeAnalyticsIntegrationTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final LocalDate WEEK_A = LocalDate.of(2025, 8, 4);

	static final LocalDate WEEK_B = LocalDate.of(2025, 8, 11);

	@Autowired
	PracticeAnalytics analytics;

	@Autowired
	Booking booking;

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	int patients;

	@BeforeEach
	@AfterEach
	void reset() {
		data.reset();
		for (String table : new String[] { "analytics_appointment", "analytics_conversation", "analytics_handoff" }) {
			data.jdbc().update("delete from " + table);
		}
	}

	@Test
	void countsBookingsConversionsHandoffsBusiestHoursAndNoShowsPerClinicLocalWeek() {
		// week A, Monday 4 August 08:00: two staff bookings later on, one from the web
		// form
		at("2025-08-04T08:00");
		UUID tuesdayNine = book(CreatedFrom.MANUAL_ADMIN, "2025-08-05T09:00");
		UUID wednesdayTen = book(CreatedFrom.AI_AGENT_FORM, "2025-08-06T10:00");
		// four chats: one books (Wednesday 14:00), two are medical risks, one is in
		// German (a language the assistant does not speak)
		ChatReply asked = ChatReply.of(patientMessages.receive(null,
				"Book me a cleaning on Wednesday at 2pm please. Tom Becker, tom.becker@example.com",
				ConversationChannel.WEB));
		ChatReply booked = ChatReply.of(patientMessages.receive(asked.sessionId(), "yes", ConversationChannel.WEB));
		assertThat(booked.appointment()).as(booked.reply()).isNotNull();
		assertThat(booked.appointment().action()).isEqualTo("booked");
		ChatReply.of(patientMessages.receive(null, "I take warfarin, do I need to stop it before a cleaning?",
				ConversationChannel.WEB));
		ChatReply.of(patientMessages.receive(null, "I'm 20 weeks pregnant, is it safe to get a filling?",
				ConversationChannel.WEB));
		ChatReply.of(patientMessages.receive(null, "Hallo, ich möchte bitte einen Termin für eine Zahnreinigung",
				ConversationChannel.WEB));
		// Sunday 10 August 23:30 in New York (Monday 03:30 UTC): still week A
		at("2025-08-10T23:30");
		UUID nextTuesdayNine = book(CreatedFrom.MANUAL_ADMIN, "2025-08-12T09:00");
		// week B: one web booking, cancelled the same day; one chat that books nothing
		at("2025-08-11T09:00");
		UUID cancelled = book(CreatedFrom.AI_AGENT_FORM, "2025-08-12T10:00");
		ChatReply.of(patientMessages.receive(null, "what are your opening hours?", ConversationChannel.WEB));
		at("2025-08-11T10:00");
		assertThat(booking.cancel(cancelled, "Changed plans", Booking.Actor.staff())).isInstanceOf(Booking.Done.class);
		// the visits: week A has two completed and one missed, week B one missed
		at("2025-08-05T18:00");
		assertThat(booking.complete(tuesdayNine, null, null)).isInstanceOf(Booking.Done.class);
		at("2025-08-06T20:00");
		assertThat(booking.markNoShow(wednesdayTen)).isInstanceOf(Booking.Done.class);
		assertThat(booking.complete(booked.appointment().appointmentId(), null, null)).isInstanceOf(Booking.Done.class);
		at("2025-08-12T18:00");
		assertThat(booking.markNoShow(nextTuesdayNine)).isInstanceOf(Booking.Done.class);

		// the default range: this week (to today, Tuesday 12 August) and the eleven
		// before
		PracticeReport report = report(null, null);

		assertThat(report.from()).isEqualTo(LocalDate.of(2025, 5, 26));
		assertThat(report.to()).isEqualTo(LocalDate.of(2025, 8, 12));
		assertThat(report.timeZone()).isEqualTo("America/New_York");
		assertThat(report.weeks()).hasSize(12);
		assertThat(report.weeks()).extracting(Week::bookings).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1);
		Week a = week(report, WEEK_A);
		Week b = week(report, WEEK_B);
		assertThat(a.bookingsBySource())
			.isEqualTo(Map.of("ai_agent_form", 1, "chat", 1, "manual_admin", 2, "portal", 0));
		assertThat(b.bookingsBySource()).containsEntry("ai_agent_form", 1).containsEntry("manual_admin", 0);
		assertThat(a.chatConversations()).isEqualTo(4);
		assertThat(a.chatBookings()).isEqualTo(1);
		assertThat(a.chatConversion()).isEqualTo(0.25);
		assertThat(b.chatConversations()).isEqualTo(1);
		assertThat(b.chatConversion()).isEqualTo(0.0);
		assertThat(report.weeks().get(0).chatConversion()).isNull();
		assertThat(a.completed()).isEqualTo(2);
		assertThat(a.noShows()).isEqualTo(1);
		assertThat(a.noShowRate()).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(b.completed()).isZero();
		assertThat(b.noShows()).isEqualTo(1);
		assertThat(b.noShowRate()).isEqualTo(1.0);
		assertThat(report.weeks().get(0).noShowRate()).isNull();
		assertThat(report.handoffsByReason()).containsExactly(new ReasonCount("Medical risk", 2),
				new ReasonCount("Other language", 1));
		// clinic-local: Tuesday 09:00 twice (13:00 UTC), the cancelled Tuesday 10:00 left
		// out
		assertThat(report.busiestHours()).containsExactly(new HourCount(DayOfWeek.TUESDAY, 9, 2),
				new HourCount(DayOfWeek.WEDNESDAY, 10, 1), new HourCount(DayOfWeek.WEDNESDAY, 14, 1));
		assertThat(report.busiestHour()).isEqualTo(new HourCount(DayOfWeek.TUESDAY, 9, 2));
	}

	@Test
	void aRangeCountsOnlyItsOwnDaysAndCutsWeeksShort() {
		at("2025-08-04T08:00");
		book(CreatedFrom.MANUAL_ADMIN, "2025-08-05T09:00");
		at("2025-08-06T08:00");
		book(CreatedFrom.MANUAL_ADMIN, "2025-08-07T09:00");

		// Wednesday 6 to Sunday 10 August: only the second booking, in a week still named
		// by
		// its Monday
		PracticeReport report = report(LocalDate.of(2025, 8, 6), LocalDate.of(2025, 8, 10));

		assertThat(report.weeks()).extracting(Week::startsOn).containsExactly(WEEK_A);
		assertThat(report.weeks().get(0).bookings()).isEqualTo(1);
		assertThat(report.busiestHours()).containsExactly(new HourCount(DayOfWeek.THURSDAY, 9, 1));
		assertThat(report(WEEK_A, LocalDate.of(2025, 8, 5)).busiestHours())
			.containsExactly(new HourCount(DayOfWeek.TUESDAY, 9, 1));
	}

	@Test
	void weeksFollowTheClinicsClockAcrossTheEndOfDaylightSavingTime() {
		// Sunday 2 November 2025, 23:30 EST (Monday 04:30 UTC), the day the clocks went
		// back: a booking in the week of Monday 27 October, for Tuesday 09:00 EST (14:00
		// UTC)
		at("2025-11-02T23:30");
		book(CreatedFrom.MANUAL_ADMIN, "2025-11-04T09:00");

		PracticeReport report = report(LocalDate.of(2025, 10, 27), LocalDate.of(2025, 11, 9));

		assertThat(report.weeks()).extracting(Week::startsOn)
			.containsExactly(LocalDate.of(2025, 10, 27), LocalDate.of(2025, 11, 3));
		assertThat(report.weeks()).extracting(Week::bookings).containsExactly(1, 0);
		assertThat(report.busiestHour()).isEqualTo(new HourCount(DayOfWeek.TUESDAY, 9, 1));
	}

	@Test
	void aDeletedAppointmentWasNeverABooking() {
		// the deletions follow their bookings at once: the read model must hear each
		// pair in order
		at("2025-08-04T08:00");
		for (int attempt = 0; attempt < 8; attempt++) {
			UUID mistake = book(CreatedFrom.MANUAL_ADMIN, "2025-08-05T09:00");
			assertThat(booking.delete(mistake)).isInstanceOf(io.smiledesk.scheduling.Booking.Done.class);
		}
		data.awaitEvents();

		assertThat(report(WEEK_A, WEEK_A.plusDays(6)).weeks().get(0).bookings()).isZero();
	}

	@Test
	void refusesAnEndBeforeTheStartAndRangesOverTwoYears() {
		assertThatThrownBy(() -> report(LocalDate.of(2025, 8, 10), LocalDate.of(2025, 8, 9))).isInstanceOfSatisfying(
				ApiProblem.class,
				problem -> assertThat(problem.getBody().getProperties()).isEqualTo(java.util.Map.of("errors",
						java.util.List.of(java.util.Map.of("field", "from", "message", "must not be after to")))));
		assertThatThrownBy(() -> report(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 8, 9)))
			.isInstanceOf(ApiProblem.class);
		assertThat(report(LocalDate.of(2023, 8, 10), LocalDate.of(2025, 8, 9)).weeks()).hasSize(105);
	}

	private static Week week(PracticeReport report, LocalDate monday) {
		return report.weeks().stream().filter(week -> week.startsOn().equals(monday)).findFirst().orElseThrow();
	}

	private void at(String localDateTime) {
		clock.set(local(localDateTime));
	}

	private static Instant local(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
	}

	private UUID book(CreatedFrom source, String start) {
		int n = ++patients;
		Booking.Outcome outcome = booking
			.book(new Booking.BookRequest("Analytics Patient " + n, "analytics" + n + "@example.com", null, null, null,
					"filling", local(start), Optional.empty(), Optional.empty(), null, source, null, null, null, null));
		assertThat(outcome).as(outcome.toString()).isInstanceOf(Booking.Done.class);
		return ((Booking.Done) outcome).appointment().id();
	}

	/**
	 * The report once the analytics listeners, which run after each commit, have caught
	 * up.
	 */
	private PracticeReport report(LocalDate from, LocalDate to) {
		data.awaitEvents();
		return analytics.report(from, to);
	}

}
