package io.smiledesk.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.smiledesk.patient.Channel;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.FakeGoogleCalendarServer;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static io.smiledesk.calendar.CalendarFeedsIntegrationTests.staff;
import static io.smiledesk.test.Json.problemJson;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two-way Google Calendar sync against a local fake of Calendar API v3. */
@IntegrationTest
class GoogleCalendarSyncIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CALENDAR = "maria.lopez@brightside-dental.example";

	// Tuesday 12 August 2025, 10:00 in New York
	static final Instant TUESDAY_TEN = Instant.parse("2025-08-12T14:00:00Z");

	static final FakeGoogleCalendarServer google = FakeGoogleCalendarServer.shared();

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		registry.add("smiledesk.calendar.google.api-base-url", google::baseUrl);
		registry.add("smiledesk.calendar.google.access-token", () -> FakeGoogleCalendarServer.ACCESS_TOKEN);
		registry.add("smiledesk.calendar.google.scheduler", () -> "false");
		registry.add("smiledesk.calendar.public-base-url", () -> "https://desk.example.test");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Booking booking;

	@Autowired
	CalendarPush push;

	@Autowired
	CalendarSyncJobs jobs;

	@Autowired
	MutableClock clock;

	@Autowired
	io.smiledesk.staff.StaffAccounts accounts;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
		google.reset();
	}

	@Test
	void appointmentsArePushedMovedAndCancelledWithoutDuplicates() throws Exception {
		link();
		AppointmentView booked = book(TUESDAY_TEN);
		data.awaitEvents();

		List<ObjectNode> live = google.live(CALENDAR);
		assertThat(live).hasSize(1);
		ObjectNode event = live.get(0);
		assertThat(event.path("id").asString()).isEqualTo(booked.id().toString().replace("-", ""));
		assertThat(event.path("summary").asString()).isEqualTo("Annual Cleaning – Nora B.");
		assertThat(event.path("start").path("dateTime").asString()).isEqualTo("2025-08-12T10:00:00-04:00");
		assertThat(event.path("start").path("timeZone").asString()).isEqualTo("America/New_York");

		// a retried push (the registry redelivering, or a second instance) changes
		// nothing
		push.push(booked.id());
		data.jdbc().update("delete from google_calendar_event");
		push.push(booked.id());
		assertThat(google.live(CALENDAR)).hasSize(1);
		assertThat(data.count("google_calendar_event")).isEqualTo(1);

		booking.reschedule(booked.id(), TUESDAY_TEN.plus(Duration.ofHours(1)), Optional.empty(), Booking.Actor.staff());
		data.awaitEvents();
		assertThat(google.live(CALENDAR)).singleElement()
			.satisfies(moved -> assertThat(moved.path("start").path("dateTime").asString())
				.isEqualTo("2025-08-12T11:00:00-04:00"));

		booking.cancel(booked.id(), "ill", Booking.Actor.staff());
		data.awaitEvents();
		assertThat(google.live(CALENDAR)).isEmpty();
		assertThat(data.count("google_calendar_event")).isZero();
	}

	@Test
	void aBusyEventInGoogleIsNotOfferedUntilItIsDeleted() throws Exception {
		link();
		assertThat(offered(TUESDAY_TEN)).isTrue();
		String blocked = google.addEvent(CALENDAR, TUESDAY_TEN.minus(Duration.ofMinutes(30)),
				TUESDAY_TEN.plus(Duration.ofMinutes(30)), null);
		String free = google.addEvent(CALENDAR, TUESDAY_TEN.plus(Duration.ofHours(3)),
				TUESDAY_TEN.plus(Duration.ofHours(4)), "transparent");

		notifyChange();
		awaitBusyRows(1);

		assertThat(offered(TUESDAY_TEN)).isFalse();
		// marked free in Google: still bookable
		assertThat(offered(TUESDAY_TEN.plus(Duration.ofHours(3)))).isTrue();
		assertThat(free).isNotBlank();
		// the second read was incremental
		assertThat(google.calls()).filteredOn(call -> call.method().equals("GET"))
			.last()
			.satisfies(call -> assertThat(call.query()).containsKey("syncToken"));

		google.deleteEvent(CALENDAR, blocked);
		notifyChange();
		awaitBusyRows(0);
		assertThat(offered(TUESDAY_TEN)).isTrue();
	}

	@Test
	void theAppointmentsSmileDeskPushedAreNotImportedAsBusy() throws Exception {
		link();
		book(TUESDAY_TEN);
		data.awaitEvents();

		jobs.run();
		mvc.perform(post("/api/v1/admin/calendar-sync/dr-maria-lopez/sync").with(staff("ADMIN")))
			.andExpect(status().isOk());

		assertThat(google.live(CALENDAR)).hasSize(1);
		assertThat(data.count("google_calendar_busy")).isZero();
	}

	@Test
	void aGoneSyncTokenLeadsToAFullSync() throws Exception {
		link();
		google.addEvent(CALENDAR, TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofHours(1)), null);
		google.invalidateSyncTokens();

		mvc.perform(post("/api/v1/admin/calendar-sync/dr-maria-lopez/sync").with(staff("ADMIN")))
			.andExpect(status().isOk());

		assertThat(data.count("google_calendar_busy")).isEqualTo(1);
		List<FakeGoogleCalendarServer.Call> lists = google.calls()
			.stream()
			.filter(call -> call.method().equals("GET"))
			.toList();
		assertThat(lists.get(lists.size() - 2).query()).containsKey("syncToken");
		assertThat(lists.get(lists.size() - 1).query()).doesNotContainKey("syncToken").containsKey("timeMin");
		assertThat(offered(TUESDAY_TEN)).isFalse();
	}

	@Test
	void theWebhookChecksTheChannelToken() throws Exception {
		link();
		google.addEvent(CALENDAR, TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofHours(1)), null);
		Map.Entry<String, ObjectNode> channel = google.channels().entrySet().iterator().next();

		mvc.perform(post("/api/v1/webhooks/google-calendar").header("X-Goog-Channel-ID", channel.getKey())
			.header("X-Goog-Resource-State", "exists")
			.header("X-Goog-Channel-Token", "forged")).andExpect(status().isForbidden()).andExpect(problemJson());
		mvc.perform(post("/api/v1/webhooks/google-calendar").header("X-Goog-Channel-ID", UUID.randomUUID().toString())
			.header("X-Goog-Resource-State", "exists")
			.header("X-Goog-Channel-Token", channel.getValue().path("token").asString()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/webhooks/google-calendar").header("X-Goog-Resource-State", "exists"))
			.andExpect(status().isNotFound());

		Thread.sleep(200);
		assertThat(data.count("google_calendar_busy")).isZero();
	}

	@Test
	void channelsAreRenewedBeforeTheyEnd() throws Exception {
		link();
		String first = google.channels().keySet().iterator().next();

		jobs.run();
		assertThat(google.channels().keySet()).containsExactly(first);

		clock.advance(Duration.ofDays(6).plusHours(1));
		jobs.run();

		assertThat(google.channels()).hasSize(1).doesNotContainKey(first);
		String renewed = google.channels().keySet().iterator().next();
		assertThat(data.jdbc().queryForObject("select channel_id from google_calendar_link", String.class))
			.isEqualTo(renewed);
	}

	@Test
	void withoutALiveChannelTheCalendarIsPolled() throws Exception {
		// a calendar Google will not watch (push notifications unsupported for it)
		google.refuseWatches(true);
		mvc.perform(put("/api/v1/admin/calendar-sync/dr-maria-lopez").with(staff("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"calendar_id\":\"" + CALENDAR + "\"}")).andExpect(status().isOk());
		assertThat(google.channels()).isEmpty();
		google.addEvent(CALENDAR, TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofHours(1)), null);

		jobs.run();

		assertThat(data.count("google_calendar_busy")).isEqualTo(1);
		assertThat(offered(TUESDAY_TEN)).isFalse();
	}

	@Test
	void linkingAnUnknownProviderIsNotFound() throws Exception {
		mvc.perform(put("/api/v1/admin/calendar-sync/dr-nobody").with(staff("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"calendar_id\":\"x@example.com\"}")).andExpect(status().isNotFound()).andExpect(problemJson());
		mvc.perform(put("/api/v1/admin/calendar-sync/dr-maria-lopez").with(staff("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"calendar_id\":\"\"}")).andExpect(status().isBadRequest()).andExpect(problemJson());
		assertThat(data.count("google_calendar_link")).isZero();
	}

	@Test
	void theConsoleConnectsACalendarReadsItAndDisconnectsIt() throws Exception {
		google.addEvent(CALENDAR, TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofHours(1)), null);
		org.springframework.test.web.servlet.request.RequestPostProcessor manager = io.smiledesk.test.ConsoleStaff
			.signedIn(accounts, clock, io.smiledesk.staff.StaffRole.OFFICE_MANAGER);

		// a blank calendar id: shown on the provider's row, nothing linked
		mvc.perform(post("/console/settings/calendars/sync/dr-maria-lopez").with(csrf())
			.with(manager)
			.param("calendarId", " ")).andExpect(status().isBadRequest());
		assertThat(data.count("google_calendar_link")).isZero();

		mvc.perform(post("/console/settings/calendars/sync/dr-maria-lopez").with(csrf())
			.with(manager)
			.param("calendarId", CALENDAR)).andExpect(status().is3xxRedirection());
		awaitBusyRows(1);
		assertThat(google.channels()).hasSize(1);
		String page = mvc.perform(get("/console/settings/calendars").with(manager))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(CALENDAR, "pushed, channel until").doesNotContain("id=\"sync-not-configured\"");

		mvc.perform(post("/console/settings/calendars/sync/dr-maria-lopez/disconnect").with(csrf()).with(manager))
			.andExpect(status().is3xxRedirection());
		assertThat(data.count("google_calendar_link")).isZero();
		assertThat(data.count("google_calendar_busy")).isZero();
		assertThat(google.calls()).anySatisfy(call -> assertThat(call.path()).endsWith("/channels/stop"));
	}

	private void link() throws Exception {
		JsonNode status = JSON.readTree(mvc
			.perform(put("/api/v1/admin/calendar-sync/dr-maria-lopez").with(staff("OFFICE_MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"calendar_id\":\"" + CALENDAR + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(status.path("watched").asBoolean()).isTrue();
		assertThat(status.path("last_synced_at").isNull()).isFalse();
	}

	private void notifyChange() throws Exception {
		Map.Entry<String, ObjectNode> channel = google.channels().entrySet().iterator().next();
		mvc.perform(post("/api/v1/webhooks/google-calendar").header("X-Goog-Channel-ID", channel.getKey())
			.header("X-Goog-Resource-State", "exists")
			.header("X-Goog-Channel-Token", channel.getValue().path("token").asString())).andExpect(status().isOk());
	}

	private void awaitBusyRows(int rows) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (data.count("google_calendar_busy") != rows && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(data.count("google_calendar_busy")).isEqualTo(rows);
		// the sync's transaction has committed the cursor too
		Thread.sleep(50);
	}

	private boolean offered(Instant start) throws Exception {
		JsonNode slots = JSON.readTree(mvc
			.perform(get("/api/v1/availability/slots").param("service", "annual_cleaning")
				.param("from", "2025-08-12")
				.param("to", "2025-08-12")
				.param("provider", "dr-maria-lopez"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (JsonNode slot : slots.path("slots")) {
			if (slot.path("start").asString().equals(start.toString())) {
				return true;
			}
		}
		return false;
	}

	private AppointmentView book(Instant start) {
		Booking.Outcome outcome = booking.book(new Booking.BookRequest("Nora Beck", "nora.beck@example.com", null, null,
				Channel.EMAIL, "annual_cleaning", start, Optional.of("dr-maria-lopez"), Optional.empty(), null,
				CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		assertThat(outcome).as(outcome.toString()).isInstanceOf(Booking.Done.class);
		return ((Booking.Done) outcome).appointment();
	}

}
