package io.smiledesk.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.channel.InboundMessages;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Sender;
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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders on a fixed clock: the job sends each one once, on the patient's channel,
 * inside quiet hours; the patient confirms by replying C or through the link's page, and
 * staff see what went out and how it was answered.
 */
@IntegrationTest
class RemindersIntegrationTests {

	/** Tuesday 12 August 2025, 10:00 in New York. */
	static final Instant VISIT = Instant.parse("2025-08-12T14:00:00Z");

	/** The 7-day reminder's time: Tuesday 5 August, 10:00 in New York. */
	static final Instant WEEK_BEFORE = Instant.parse("2025-08-05T14:00:00Z");

	static final String PHONE = "+12015550166";

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
	InboundMessages inbox;

	@Autowired
	Conversations conversations;

	@Autowired
	ReminderLinks links;

	int sid;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theDueReminderGoesOnceByTextAndAReplyOfCConfirms() throws Exception {
		AppointmentView visit = booked("Grace Hopper", PHONE, "grace@example.com", Channel.SMS);
		clock.set(WEEK_BEFORE.minusSeconds(60));
		run().andExpect(jsonPath("$.reminders_queued").value(0));
		clock.set(WEEK_BEFORE.plusSeconds(120));
		run().andExpect(jsonPath("$.reminders_queued").value(1));
		run().andExpect(jsonPath("$.reminders_queued").value(0));
		assertThat(data.count("channel_outbound where kind = 'PROACTIVE'")).isEqualTo(1);
		String sent = lastSent();
		assertThat(sent).contains("Grace", "Annual Cleaning", "Tuesday, August 12", "10:00 AM", "Reply C or YES",
				"http://localhost:8080/r/");

		mvc.perform(get("/api/v1/admin/appointments/" + visit.id() + "/reminders").with(staff("DENTIST")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminders.length()").value(1))
			.andExpect(jsonPath("$.reminders[0].rule").value("7d"))
			.andExpect(jsonPath("$.reminders[0].channel").value("sms"))
			.andExpect(jsonPath("$.reminders[0].due_at").value("2025-08-05T14:00:00Z"))
			.andExpect(jsonPath("$.reminders[0].status").value("pending"))
			.andExpect(jsonPath("$.reminders[0].message_id").isNotEmpty());

		reply("C");
		assertThat(statusOf(visit)).isEqualTo("CONFIRMED");
		assertThat(lastBotMessage()).contains("confirmed", "Annual Cleaning");
		mvc.perform(get("/api/v1/admin/appointments/" + visit.id() + "/reminders").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.appointment_status").value("confirmed"))
			.andExpect(jsonPath("$.confirmation.response").value("confirmed"))
			.andExpect(jsonPath("$.confirmation.via").value("reply"));

		// the 2-day reminder no longer asks: the visit is confirmed
		clock.set(Instant.parse("2025-08-10T14:05:00Z"));
		run().andExpect(jsonPath("$.reminders_queued").value(1));
		String second = lastSent();
		assertThat(second).contains("See you then").doesNotContain("Reply C");
	}

	@Test
	void aPatientWhoBookedInSpanishIsRemindedAndAnsweredInSpanish() throws Exception {
		AppointmentView visit = booked("Lucía Gómez", PHONE, "lucia@example.com", Channel.SMS, VISIT, "es");
		clock.set(WEEK_BEFORE.plusSeconds(120));
		run().andExpect(jsonPath("$.reminders_queued").value(1));
		assertThat(lastSent()).contains("Hola Lucía", "limpieza anual", "martes 12 de agosto a las 10:00",
				"Responda C o SÍ");

		reply("Sí, allí estaré");
		assertThat(statusOf(visit)).isEqualTo("CONFIRMED");
		assertThat(lastBotMessage()).contains("Gracias, Lucía", "queda confirmada");
	}

	@Test
	void quietHoursPutItOffAndAnOptOutMovesItToEmailOrFailsIt() throws Exception {
		AppointmentView visit = booked("Ada Lovelace", PHONE, "ada@example.com", Channel.SMS);
		AppointmentView other = booked("Alan Turing", "+12015550167", null, Channel.SMS, VISIT.plusSeconds(3600));
		// 22:30 in New York on the day they fall due: nothing, not even a ledger row
		clock.set(Instant.parse("2025-08-06T02:30:00Z"));
		run().andExpect(jsonPath("$.reminders_queued").value(0));
		assertThat(data.count("reminder")).isZero();
		// both texted STOP meanwhile: hers goes by email in the morning; he has no email,
		// so his fails, and says why
		mvc.perform(twilioSms(PHONE, "STOP", "SM_stop")).andExpect(status().isOk());
		mvc.perform(twilioSms("+12015550167", "STOP", "SM_stop2")).andExpect(status().isOk());
		inbox.answerWaiting();
		clock.set(Instant.parse("2025-08-06T12:30:00Z"));
		run().andExpect(jsonPath("$.reminders_queued").value(1));
		mvc.perform(get("/api/v1/admin/appointments/" + visit.id() + "/reminders").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.reminders[0].channel").value("email"));
		mvc.perform(get("/api/v1/admin/appointments/" + other.id() + "/reminders").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.reminders[0].status").value("failed"))
			.andExpect(jsonPath("$.reminders[0].detail").value(containsString("no channel could take it")));
		assertThat(statusOf(visit)).isEqualTo("BOOKED");
	}

	@Test
	void theRulesAreTheClinicsAndBadOnesAreRefusedWithNothingSaved() throws Exception {
		mvc.perform(get("/api/v1/admin/reminders/settings").with(staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules[0].code").value("7d"))
			.andExpect(jsonPath("$.rules[0].before").value("PT168H"))
			.andExpect(jsonPath("$.channel_order[0]").value("preferred"));
		String good = """
				{"rules":[{"code":"3d","before":"P3D","asks_confirmation":true},
				          {"code":"1h","before":"PT1H","asks_confirmation":false}],
				 "channel_order":["email","sms"],"skip_if_booked_within":"PT6H","missed_you":true}""";
		mvc.perform(put(good).with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules[0].code").value("3d"))
			.andExpect(jsonPath("$.rules[1].code").value("1h"))
			.andExpect(jsonPath("$.missed_you").value(true));
		for (String[] bad : new String[][] {
				{ "{\"rules\":[{\"code\":\"x\",\"before\":\"soon\"}],\"channel_order\":[\"sms\"]}", "rules[0].before" },
				{ "{\"rules\":[{\"code\":\"Bad Code\",\"before\":\"P1D\"}],\"channel_order\":[\"sms\"]}", "rules[0]" },
				{ "{\"rules\":[],\"channel_order\":[\"pigeon\"]}", "channel_order" },
				{ "{\"rules\":[],\"channel_order\":[\"sms\",\"sms\"]}", "channel_order" },
				{ "{\"rules\":[],\"channel_order\":[\"sms\"],\"skip_if_booked_within\":\"P30D\"}",
						"skip_if_booked_within" },
				{ "{\"channel_order\":[\"sms\"]}", "rules" } }) {
			mvc.perform(put(bad[0]).with(staff("ADMIN")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[0].field").value(bad[1]));
		}
		mvc.perform(get("/api/v1/admin/reminders/settings").with(staff("ADMIN")))
			.andExpect(jsonPath("$.rules.length()").value(2))
			.andExpect(jsonPath("$.channel_order[0]").value("email"));
		// the front desk reads them; only managers change them or run the job
		mvc.perform(put(good).with(staff("FRONT_DESK"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/admin/reminders/run").with(staff("FRONT_DESK"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/appointments/" + UUID.randomUUID() + "/reminders").with(staff("ADMIN")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aMissedVisitGetsAWordTheNextOpenDayUnlessThePatientBookedAgain() throws Exception {
		mvc.perform(put("""
				{"rules":[],"channel_order":["preferred","sms","email"],"missed_you":true}""").with(staff("ADMIN")))
			.andExpect(status().isOk());
		AppointmentView visit = booked("Edith Clarke", PHONE, "edith@example.com", Channel.SMS);
		clock.set(VISIT.plusSeconds(3600));
		booking.markNoShow(visit.id());
		data.awaitEvents();
		// the next day the clinic is open, at 10:00 in New York
		assertThat(
				data.jdbc().queryForObject("select due_at from reminder where rule_code = 'missed_you'", Instant.class))
			.isEqualTo(Instant.parse("2025-08-13T14:00:00Z"));
		run().andExpect(jsonPath("$.reminders_queued").value(0));
		clock.set(Instant.parse("2025-08-13T14:01:00Z"));
		run().andExpect(jsonPath("$.reminders_queued").value(1));
		assertThat(lastSent()).contains("we missed you", "/book.html?service=Annual+Cleaning");
	}

	@Test
	void aReplyThatCannotComeCancelsThroughTheAssistantWithTheVisitAlreadyKnown() throws Exception {
		AppointmentView visit = booked("Hedy Lamarr", PHONE, "hedy@example.com", Channel.SMS);
		clock.set(WEEK_BEFORE.plusSeconds(60));
		run().andExpect(jsonPath("$.reminders_queued").value(1));
		reply("Sorry, I can't make it, please cancel");
		String asked = lastBotMessage();
		assertThat(asked).as(asked).containsIgnoringCase("cancel").contains("Annual Cleaning");
		reply("yes");
		assertThat(statusOf(visit)).as(lastBotMessage()).isEqualTo("CANCELLED");
		mvc.perform(get("/api/v1/admin/appointments/" + visit.id() + "/reminders").with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.confirmation.response").value("cancelled"))
			.andExpect(jsonPath("$.confirmation.via").value("reply"));
	}

	@Test
	void aReplyAskingForAnotherDayMovesThroughTheAssistant() throws Exception {
		AppointmentView visit = booked("Rosalind Franklin", PHONE, "rosalind@example.com", Channel.SMS);
		clock.set(WEEK_BEFORE.plusSeconds(60));
		run().andExpect(jsonPath("$.reminders_queued").value(1));
		reply("Could we do Thursday instead?");
		String offered = lastBotMessage();
		// Thursday 14 August: times that day, not a question about who is writing
		assertThat(offered).as(offered)
			.contains("Thu Aug 14")
			.doesNotContain("Aug 7")
			.doesNotContainIgnoringCase("your name");
		assertThat(statusOf(visit)).isEqualTo("BOOKED");
	}

	@Test
	void aReplyAskingForTheWaitlistWaitsForATimeBeforeTheVisitWhichStaysBooked() throws Exception {
		AppointmentView visit = booked("Ada Lovelace", PHONE, "ada@example.com", Channel.SMS);
		clock.set(WEEK_BEFORE.plusSeconds(60));
		run().andExpect(jsonPath("$.reminders_queued").value(1));

		reply("Could you put me on the waitlist in case something earlier opens up?");

		assertThat(lastBotMessage()).startsWith("Done: you're on our waitlist for a time before your appointment");
		java.util.Map<String, Object> entry = data.jdbc().queryForMap("select * from waitlist_entry");
		assertThat(entry.get("appointment_id")).isEqualTo(visit.id());
		assertThat(entry.get("service_id")).isEqualTo("annual_cleaning");
		assertThat(entry.get("source")).isEqualTo("REPLY");
		assertThat(statusOf(visit)).isEqualTo("BOOKED");
	}

	// --- helpers

	AppointmentView booked(String name, String phone, String email, Channel channel) {
		return booked(name, phone, email, channel, VISIT);
	}

	AppointmentView booked(String name, String phone, String email, Channel channel, Instant start) {
		return booked(name, phone, email, channel, start, null);
	}

	AppointmentView booked(String name, String phone, String email, Channel channel, Instant start, String language) {
		patients.register(
				new Patients.NewPatient(name, patients.contact(email, phone), null, PatientType.EXISTING, channel));
		Booking.Outcome outcome = booking.book(new Booking.BookRequest(name, email, phone, null, null,
				"Annual Cleaning", start, Optional.of("sam-oneill"), Optional.empty(), null, CreatedFrom.MANUAL_ADMIN,
				null, null, null, null, language));
		if (outcome instanceof Booking.Done done) {
			return done.appointment();
		}
		throw new IllegalStateException("Test booking refused: " + outcome);
	}

	org.springframework.test.web.servlet.ResultActions run() throws Exception {
		return mvc.perform(post("/api/v1/admin/reminders/run").with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk());
	}

	static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder put(String json) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/admin/reminders/settings")
			.contentType("application/json")
			.content(json);
	}

	void reply(String text) throws Exception {
		mvc.perform(twilioSms(PHONE, text, "SM_reminder_" + (++sid))).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
	}

	/**
	 * The newest reminder's text as the patient got it (the outbox keeps it encrypted).
	 */
	String lastSent() {
		UUID message = data.jdbc()
			.queryForObject("select message_id from reminder where status = 'QUEUED' order by updated_at desc limit 1",
					UUID.class);
		return conversations.message(message).map(MessageView::text).orElseThrow();
	}

	String statusOf(AppointmentView visit) {
		return data.jdbc().queryForObject("select status from appointment where id = ?", String.class, visit.id());
	}

	String lastBotMessage() {
		UUID conversation = data.jdbc()
			.queryForObject("select conversation_id from reminder where conversation_id is not null limit 1",
					UUID.class);
		List<MessageView> messages = conversations.messages(conversation, 0, 200).getContent();
		return messages.stream()
			.filter(message -> message.sender() == Sender.BOT)
			.reduce((first, second) -> second)
			.map(MessageView::text)
			.orElse(null);
	}

	static RequestPostProcessor staff(String role) {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
