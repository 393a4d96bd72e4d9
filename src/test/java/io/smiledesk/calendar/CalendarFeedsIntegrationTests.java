package io.smiledesk.calendar;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.smiledesk.patient.Channel;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff feeds: made by managers, read by phones without a login, dead once revoked. */
@IntegrationTest
class CalendarFeedsIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	// Tuesday 12 August 2025, 10:00 in New York
	static final Instant TUESDAY_TEN = Instant.parse("2025-08-12T14:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Booking booking;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void aProviderFeedShowsTheirAppointmentsInClinicTimeAndParsesBack() throws Exception {
		AppointmentView lopez = book("Nora Beck", "annual_cleaning", TUESDAY_TEN, "dr-maria-lopez");
		AppointmentView other = book("Sam Ortiz", "annual_cleaning", TUESDAY_TEN, "dr-aisha-patel");
		AppointmentView cancelled = book("Ida Park", "annual_cleaning", TUESDAY_TEN.plusSeconds(3 * 3600),
				"dr-maria-lopez");
		booking.cancel(cancelled.id(), "ill", Booking.Actor.staff());

		String url = create("{\"provider_id\":\"dr-maria-lopez\"}");
		Calendar calendar = parse(fetch(url));

		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).extracting(event -> event.getProperty("UID").orElseThrow().getValue())
			.containsExactlyInAnyOrder(lopez.id() + "@smiledesk", cancelled.id() + "@smiledesk")
			.doesNotContain(other.id() + "@smiledesk");
		VEvent event = byUid(events, lopez.id());
		// clinic-local time, with the zone's definition in the file
		assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20250812T100000");
		assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("America/New_York");
		assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).hasSize(1);
		assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE").get(0).getProperty("TZID").orElseThrow().getValue())
			.isEqualTo("America/New_York");
		// first name and the last name's initial only
		assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Annual Cleaning – Nora B.");
		assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
		assertThat(byUid(events, cancelled.id()).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
	}

	@Test
	void theClinicFeedShowsEveryProvider() throws Exception {
		AppointmentView lopez = book("Nora Beck", "annual_cleaning", TUESDAY_TEN, "dr-maria-lopez");
		AppointmentView other = book("Sam Ortiz", "annual_cleaning", TUESDAY_TEN, "dr-aisha-patel");

		List<VEvent> events = parse(fetch(create("{}"))).getComponents("VEVENT");

		assertThat(events).extracting(event -> event.getProperty("UID").orElseThrow().getValue())
			.containsExactlyInAnyOrder(lopez.id() + "@smiledesk", other.id() + "@smiledesk");
	}

	@Test
	void aRevokedOrWrongTokenIsNotFound() throws Exception {
		String url = create(null);
		String path = path(url);
		String token = path.substring("/calendar/".length(), path.length() - ".ics".length());
		mvc.perform(get("/calendar/{token}.ics", token.substring(1) + (token.charAt(0) == 'a' ? 'b' : 'a')))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
		mvc.perform(get("/calendar/short.ics")).andExpect(status().isNotFound());

		JsonNode listed = JSON.readTree(mvc.perform(get("/api/v1/admin/calendar-feeds").with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String feedId = listed.path("feeds").get(0).path("feed_id").asString();
		// the secret is never listed
		assertThat(listed.toString()).doesNotContain(token);
		mvc.perform(delete("/api/v1/admin/calendar-feeds/{id}", feedId).with(staff("ADMIN")))
			.andExpect(status().isNoContent());

		mvc.perform(get(path)).andExpect(status().isNotFound()).andExpect(problemJson());
		assertThat(data.jdbc()
			.queryForObject("select count(*) from calendar_feed where revoked_at is not null", Integer.class))
			.isEqualTo(1);
		mvc.perform(delete("/api/v1/admin/calendar-feeds/{id}", UUID.randomUUID()).with(staff("ADMIN")))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
	}

	@Test
	void onlyTheTokensHashIsStored() throws Exception {
		String path = path(create(null));
		String token = path.substring("/calendar/".length(), path.length() - ".ics".length());

		String stored = data.jdbc().queryForObject("select token_hash from calendar_feed", String.class);

		assertThat(stored).hasSize(64).doesNotContain(token);
	}

	@Test
	void anUnknownProviderIsABadRequestAndNothingIsWritten() throws Exception {
		mvc.perform(post("/api/v1/admin/calendar-feeds").with(staff("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"provider_id\":\"dr-nobody\"}")).andExpect(status().isBadRequest()).andExpect(problemJson());

		assertThat(data.count("calendar_feed")).isZero();
	}

	@Test
	void frontDeskCannotMakeFeeds() throws Exception {
		mvc.perform(post("/api/v1/admin/calendar-feeds").with(staff("FRONT_DESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());

		assertThat(data.count("calendar_feed")).isZero();
	}

	private String create(String body) throws Exception {
		var request = post("/api/v1/admin/calendar-feeds").with(staff("OFFICE_MANAGER"));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		JsonNode created = JSON.readTree(
				mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		assertThat(created.path("feed_id").asString()).isNotBlank();
		return created.path("url").asString();
	}

	private String fetch(String url) throws Exception {
		// no login
		return mvc.perform(get(path(url)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String path(String url) {
		assertThat(url).matches("https?://[^/]+/calendar/[A-Za-z0-9_-]{43}\\.ics");
		return url.substring(url.indexOf("/calendar/"));
	}

	private static Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	private static VEvent byUid(List<VEvent> events, UUID appointmentId) {
		return events.stream()
			.filter(event -> event.getProperty("UID").orElseThrow().getValue().equals(appointmentId + "@smiledesk"))
			.findFirst()
			.orElseThrow();
	}

	private AppointmentView book(String name, String service, Instant start, String provider) {
		Booking.Outcome outcome = booking.book(new Booking.BookRequest(name,
				name.toLowerCase().replace(' ', '.') + "@example.com", null, null, Channel.EMAIL, service, start,
				Optional.of(provider), Optional.empty(), null, CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		assertThat(outcome).as(outcome.toString()).isInstanceOf(Booking.Done.class);
		return ((Booking.Done) outcome).appointment();
	}

	static RequestPostProcessor staff(String role) {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
