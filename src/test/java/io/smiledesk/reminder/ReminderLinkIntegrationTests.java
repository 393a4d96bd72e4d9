package io.smiledesk.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders on a fixed clock: the job sends each one once, on the patient's channel,
 * inside quiet hours; the patient confirms by replying C or through the link's page, and
 * staff see what went out and how it was answered.
 */
/**
 * The page a reminder's link opens: it shows the visit and changes nothing; the patient's
 * button confirms, moves or cancels it with the patient's own rights; a made-up, altered,
 * stretched or old link is refused on GET and POST alike.
 */
@IntegrationTest
class ReminderLinkIntegrationTests {

	/** Tuesday 12 August 2025, 10:00 in New York. */
	static final Instant VISIT = RemindersIntegrationTests.VISIT;

	static final Instant WEEK_BEFORE = RemindersIntegrationTests.WEEK_BEFORE;

	static final String PHONE = RemindersIntegrationTests.PHONE;

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
	ReminderLinks links;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theLinkShowsThePageWithoutChangingAnythingAndThePageConfirmsCancelsOrMoves() throws Exception {
		AppointmentView visit = booked("Mary Jackson", PHONE, "mary@example.com", Channel.SMS);
		clock.set(WEEK_BEFORE.plusSeconds(60));
		String path = "/r/" + links.token(visit.id(), visit.start());
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Annual Cleaning")))
			.andExpect(content().string(containsString("Confirm my appointment")))
			.andExpect(content().string(containsString("<title>Your appointment · ")))
			.andExpect(content().string(containsString("<meta name=\"robots\" content=\"noindex\">")))
			.andExpect(content().string(containsString("<p class=\"brand\">")))
			.andExpect(content().string(not(containsString("<script"))));
		assertThat(statusOf(visit)).isEqualTo("BOOKED");
		mvc.perform(post(path).param("action", "reschedule").param("start", "next week"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of the times")));

		mvc.perform(post(path).param("action", "confirm"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("your appointment is confirmed")));
		assertThat(statusOf(visit)).isEqualTo("CONFIRMED");

		// a time the page offered moves it
		String page = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
		String offered = page.replaceAll("(?s).*name=\"start\" value=\"([^\"]+)\".*", "$1");
		mvc.perform(post(path).param("action", "reschedule").param("start", offered))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("has moved")));
		assertThat(
				data.jdbc().queryForObject("select starts_at from appointment where id = ?", Instant.class, visit.id()))
			.isEqualTo(Instant.parse(offered));

		mvc.perform(post(path).param("action", "cancel"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is cancelled")));
		assertThat(statusOf(visit)).isEqualTo("CANCELLED");
		mvc.perform(post(path).param("action", "confirm"))
			.andExpect(content().string(containsString("can no longer be changed")));
		mvc.perform(post(path).param("action", "explode")).andExpect(status().isBadRequest());
	}

	@Test
	void insideTheNoticePeriodThePageRefusesToCancelWithTheCoreMessage() throws Exception {
		AppointmentView visit = booked("Dorothy Vaughan", PHONE, "dorothy@example.com", Channel.SMS);
		clock.set(VISIT.minusSeconds(3600 * 5));
		String path = "/r/" + links.token(visit.id(), visit.start());
		mvc.perform(post(path).param("action", "cancel"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please call the clinic")));
		assertThat(statusOf(visit)).isEqualTo("BOOKED");
	}

	@Test
	void aMadeUpAlteredOrOldLinkIsRefused() throws Exception {
		AppointmentView visit = booked("Katherine Johnson", PHONE, "katherine@example.com", Channel.SMS);
		clock.set(WEEK_BEFORE);
		String token = links.token(visit.id(), visit.start());
		String altered = UUID.randomUUID() + token.substring(36);
		String stretched = links.token(visit.id(), visit.start())
			.replaceFirst("\\.[0-9a-z]+\\.",
					"." + Long.toString(VISIT.plusSeconds(864_000).getEpochSecond(), 36) + ".");
		for (String bad : List.of(altered, stretched, "nonsense", token.substring(0, token.length() - 2) + "zz")) {
			mvc.perform(get("/r/" + bad))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("not valid")))
				.andExpect(content().string(containsString("<meta name=\"robots\" content=\"noindex\">")))
				.andExpect(content().string(containsString("<p class=\"brand\">")));
			mvc.perform(post("/r/" + bad).param("action", "confirm")).andExpect(status().isNotFound());
		}
		clock.set(VISIT.plusSeconds(1));
		mvc.perform(get("/r/" + token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("expired")));
		mvc.perform(post("/r/" + token).param("action", "cancel")).andExpect(status().isGone());
		assertThat(statusOf(visit)).isEqualTo("BOOKED");
	}

	AppointmentView booked(String name, String phone, String email, Channel channel) {
		patients.register(
				new Patients.NewPatient(name, patients.contact(email, phone), null, PatientType.EXISTING, channel));
		Booking.Outcome outcome = booking.book(new Booking.BookRequest(name, email, phone, null, null,
				"Annual Cleaning", VISIT, Optional.of("sam-oneill"), Optional.empty(), null, CreatedFrom.MANUAL_ADMIN,
				null, null, null, null));
		return ((Booking.Done) outcome).appointment();
	}

	String statusOf(AppointmentView visit) {
		return data.jdbc().queryForObject("select status from appointment where id = ?", String.class, visit.id());
	}

}
