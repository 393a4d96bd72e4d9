package io.smiledesk.scheduling;

import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.patient.Channel;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calendar file behind a patient's "Add to calendar" link. */
@IntegrationTest
class AppointmentCalendarIntegrationTests {

	static final Instant TUESDAY_TEN = Instant.parse("2025-08-12T14:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Booking booking;

	@Autowired
	AppointmentCalendar calendar;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theLinkServesTheAppointmentAsItIsNow() throws Exception {
		AppointmentView booked = book();

		VEvent event = event(fetch(calendar.path(booked.id())));
		assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20250812T140000Z");
		assertThat(event.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20250812T144500Z");
		assertThat(event.getProperty("SUMMARY").orElseThrow().getValue())
			.isEqualTo("Annual Cleaning at Brightside Dental");
		assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(booked.id() + "@smiledesk");
		assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).contains("210 Maple Avenue");
		assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
		// stamped with the appointment's last change, from the clock, not the wall clock
		assertThat(event.getProperty("DTSTAMP").orElseThrow().getValue()).isEqualTo("20250804T120000Z");

		clock.advance(java.time.Duration.ofHours(1));
		booking.reschedule(booked.id(), TUESDAY_TEN.plusSeconds(3600), Optional.empty(), Booking.Actor.staff());
		VEvent moved = event(fetch(calendar.path(booked.id())));
		assertThat(moved.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20250812T150000Z");
		assertThat(Integer.parseInt(moved.getProperty("SEQUENCE").orElseThrow().getValue())).isPositive();

		booking.cancel(booked.id(), "can't make it", Booking.Actor.staff());
		assertThat(event(fetch(calendar.path(booked.id()))).getProperty("STATUS").orElseThrow().getValue())
			.isEqualTo("CANCELLED");
	}

	@Test
	void aWrongOrMissingTokenIsAnsweredLikeAnUnknownAppointment() throws Exception {
		AppointmentView booked = book();
		String path = calendar.path(booked.id());
		String token = path.substring(path.indexOf("token=") + 6);
		String otherPath = calendar.path(UUID.randomUUID());

		mvc.perform(get("/api/v1/appointments/{id}/calendar.ics", booked.id()))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		mvc.perform(get("/api/v1/appointments/{id}/calendar.ics", booked.id()).param("token",
				token.substring(1) + (token.charAt(0) == 'a' ? 'b' : 'a')))
			.andExpect(status().isNotFound());
		// another appointment's token does not open this one
		mvc.perform(get("/api/v1/appointments/{id}/calendar.ics", booked.id()).param("token",
				otherPath.substring(otherPath.indexOf("token=") + 6)))
			.andExpect(status().isNotFound());
		// a valid link to an appointment that no longer exists
		mvc.perform(get(otherPath)).andExpect(status().isNotFound()).andExpect(problemJson());
		mvc.perform(get("/api/v1/appointments/not-a-uuid/calendar.ics").param("token", token))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
	}

	private String fetch(String path) throws Exception {
		return mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static VEvent event(String ics) throws Exception {
		Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
		return parsed.<VEvent>getComponents("VEVENT").get(0);
	}

	private AppointmentView book() {
		Booking.Outcome outcome = booking.book(new Booking.BookRequest("Nora Beck", "nora.beck@example.com", null, null,
				Channel.EMAIL, "annual_cleaning", TUESDAY_TEN, Optional.of("dr-maria-lopez"), Optional.empty(), null,
				CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		assertThat(outcome).isInstanceOf(Booking.Done.class);
		return ((Booking.Done) outcome).appointment();
	}

}
