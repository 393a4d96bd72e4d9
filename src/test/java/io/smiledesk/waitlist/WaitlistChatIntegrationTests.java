package io.smiledesk.waitlist;

import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.smiledesk.waitlist.WaitlistFixtures.MORNING;
import static io.smiledesk.waitlist.WaitlistFixtures.TUESDAY_TEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Patients join the waitlist through the chat: by asking for it, or by asking for
 * anything sooner than the soonest times; a cancellation then offers them the time by
 * SMS.
 */
@IntegrationTest
class WaitlistChatIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	Patients patients;

	@Autowired
	Booking booking;

	@Autowired
	Waitlist waitlist;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(MORNING);
	}

	@Test
	void aPatientWhoAsksForTheCancellationListIsPutOnItAndOfferedAFreedTime() throws Exception {
		UUID cancelled = new WaitlistFixtures(patients, booking, waitlist, data).cleaning("Ann Able", "+12015550101",
				TUESDAY_TEN);

		String reply = reply(send(null,
				"Hi, can you put me on your cancellation list for a cleaning? Mornings only. Ana Silva, 201-555-0199"));

		assertThat(reply).startsWith("Done: you're on our waitlist for an Annual Cleaning");
		Map<String, Object> entry = data.jdbc().queryForMap("select * from waitlist_entry");
		assertThat(entry.get("service_id")).isEqualTo("annual_cleaning");
		assertThat(entry.get("source")).isEqualTo("ASSISTANT");
		assertThat(entry.get("parts_of_day")).isEqualTo("MORNING");
		assertThat(data.count("appointment where status = 'BOOKED'")).isEqualTo(1);
		assertThat(data.count("appointment where status = 'CANCELLED'")).isZero();

		booking.cancel(cancelled, "patient called", Booking.Actor.staff());
		data.awaitEvents();
		assertThat(data.jdbc()
			.queryForObject("select count(*) from waitlist_offer where entry_id = ?", Integer.class, entry.get("id")))
			.isEqualTo(1);
	}

	@Test
	void anythingSoonerWhenTheSoonestTimesAreShownOffersTheWaitlistAndJoinsBeforeTheFirstOfThem() throws Exception {
		String first = send(null, "I'd like a cleaning as soon as possible");
		String session = JsonPath.read(first, "$.session_id");
		assertThat(reply(first)).contains("free times");
		String firstOffered = JsonPath.read(first, "$.options[0].value");

		String sooner = send(session, "anything sooner?");
		assertThat(reply(sooner)).startsWith("Those are the soonest free times for an Annual Cleaning.");
		assertThat(JsonPath.<java.util.List<String>>read(sooner, "$.options[*].value"))
			.contains("Put me on the waitlist", firstOffered);

		assertThat(reply(send(session, "Put me on the waitlist"))).contains("name");
		assertThat(reply(send(session, "Ben Wait"))).contains("email address or mobile number");
		assertThat(reply(send(session, "ben.wait@example.com"))).startsWith("Done: you're on our waitlist");

		java.time.LocalDate latest = data.jdbc()
			.queryForObject("select latest from waitlist_entry", java.time.LocalDate.class);
		assertThat(latest).isEqualTo(java.time.LocalDate.parse(firstOffered.substring(0, 10)));
		assertThat(data.count("slot_hold")).isZero();
		assertThat(data.count("appointment")).isZero();
	}

	private String send(String session, String message) throws Exception {
		return mvc
			.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON)
				.content(session == null ? "{\"message\":\"" + message + "\"}"
						: "{\"session_id\":\"" + session + "\",\"message\":\"" + message + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String reply(String json) {
		return JsonPath.read(json, "$.reply");
	}

}
