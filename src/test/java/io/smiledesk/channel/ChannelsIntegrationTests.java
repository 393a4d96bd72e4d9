package io.smiledesk.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.FakeGmailServer;
import io.smiledesk.test.FakeTwilioServer;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestChannels;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.channel.Webhooks.incoming;
import static io.smiledesk.channel.Webhooks.incomingJson;
import static io.smiledesk.channel.Webhooks.twilio;
import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The channels end to end: webhooks as providers sign them, the inbox answered once, the
 * outbox sent to a fake Twilio that speaks its REST protocol, delivery reports, opt-outs
 * and the staff side.
 */
@IntegrationTest
class ChannelsIntegrationTests {

	static final String PATIENT_PHONE = "+12015550123";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	InboxWorker worker;

	@Autowired
	OutboxDispatcher dispatcher;

	final FakeTwilioServer twilio = FakeTwilioServer.shared();

	@BeforeEach
	void reset() {
		data.reset();
		twilio.reset();
	}

	long now() {
		return clock.instant().getEpochSecond();
	}

	@Test
	void aSignedMessageIsStoredAtOnceAndAnsweredOnceHoweverOftenItIsDelivered() throws Exception {
		String json = incomingJson("sms", null, "What are your opening hours?", "(201) 555-0123", "ext-1");

		mvc.perform(incoming(json, now()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("accepted"))
			.andExpect(jsonPath("$.duplicate").doesNotExist());
		mvc.perform(incoming(json, now()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.duplicate").value(true));
		assertThat(data.count("channel_inbound")).isEqualTo(1);
		assertThat(data.count("conversation_message")).isZero();

		assertThat(worker.drain()).isEqualTo(1);
		assertThat(worker.drain()).isZero();
		assertThat(data.count("conversation_message")).isEqualTo(2);
		assertThat(data.count("channel_outbound")).isEqualTo(1);

		// a worker that died after answering, before marking the message done: once its
		// lease is over another takes the message, and does not answer it again
		data.jdbc().update("update channel_inbound set status = 'PROCESSING'");
		assertThat(worker.drain()).isZero();
		clock.advance(Duration.ofMinutes(2));
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(data.count("conversation_message")).isEqualTo(2);
		assertThat(data.count("channel_outbound")).isEqualTo(1);

		assertThat(dispatcher.drain()).isEqualTo(1);
		assertThat(twilio.received()).singleElement().satisfies(form -> {
			assertThat(form).containsEntry("To", PATIENT_PHONE).containsEntry("From", TestChannels.SMS_FROM);
			assertThat(form.get("Body")).isNotBlank();
			assertThat(form.get("StatusCallback")).isEqualTo(TestChannels.PUBLIC_BASE_URL + TwilioWebhooks.STATUS_PATH);
		});
		assertThat(outboundStatus()).isEqualTo("SENT");
	}

	@Test
	void twoWorkersDrainingAtOnceAnswerEachMessageOnce() throws Exception {
		for (int i = 0; i < 30; i++) {
			mvc.perform(incoming(incomingJson("sms", null, "hello number " + i,
					"+1201555" + String.format("%04d", i % 6), "two-" + i), now()))
				.andExpect(status().isAccepted());
		}
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Future<Integer> first = two.submit(worker::drain);
			java.util.concurrent.Future<Integer> second = two.submit(worker::drain);
			assertThat(first.get() + second.get()).isEqualTo(30);
		}
		finally {
			two.shutdown();
		}
		assertThat(data.jdbc()
			.queryForObject("select count(*) from conversation_message where sender = 'PATIENT'", Integer.class))
			.isEqualTo(30);
		assertThat(data.jdbc()
			.queryForObject("select count(*) from conversation_message where sender = 'BOT'", Integer.class))
			.isEqualTo(30);
		assertThat(data.count("channel_outbound")).isEqualTo(30);
		assertThat(data.count("conversation")).isEqualTo(6);
	}

	@Test
	void theGenericWebhookRefusesWhatItCannotAuthenticateAndStoresNothing() throws Exception {
		String json = incomingJson("sms", null, "hello", PATIENT_PHONE, "ext-2");
		mvc.perform(post(IncomingMessageWebhook.PATH).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isUnauthorized())
			.andExpect(problemJson());
		mvc.perform(incoming(json, now()).header("X-SmileDesk-Signature", "sha256=00"))
			.andExpect(status().isUnauthorized())
			.andExpect(problemJson());
		mvc.perform(incoming(json, now() - Duration.ofMinutes(6).toSeconds()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The timestamp is more than 5 minutes from the server's time."));
		mvc.perform(incoming(json, now() + Duration.ofMinutes(6).toSeconds())).andExpect(status().isUnauthorized());
		mvc.perform(incoming(json, now()).header("X-SmileDesk-Timestamp", "yesterday"))
			.andExpect(status().isUnauthorized());
		// a body changed after signing
		mvc.perform(incoming(json, now()).content(json.replace("hello", "HELLO"))).andExpect(status().isUnauthorized());
		assertThat(data.count("channel_inbound")).isZero();
	}

	@Test
	void aSignedButUnreadablePayloadIsRefusedWithTheFieldAndKeptAsADeadLetter() throws Exception {
		mvc.perform(incoming("{\"channel\":\"pigeon\",\"message_content\":\"hi\",\"from\":\"x\",\"message_id\":\"1\"}",
				now()))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		mvc.perform(incoming("not json", now())).andExpect(status().isBadRequest()).andExpect(problemJson());
		mvc.perform(incoming(incomingJson("sms", null, "hi", "not a phone", "ext-3"), now()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		assertThat(data.count("channel_inbound")).isZero();
		assertThat(data.count("channel_dead_letter")).isEqualTo(3);
		mvc.perform(get("/api/v1/admin/channels/dead-letters").with(staff("OFFICE_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].provider").value("generic"));
	}

	@Test
	void twilioMessagesAreCheckedWithTwilioSignatureAndAnsweredThroughTheOutbox() throws Exception {
		Map<String, String> params = Map.of("MessageSid", "SM_in_1", "From", "whatsapp:" + PATIENT_PHONE, "To",
				"whatsapp:" + TestChannels.WHATSAPP_FROM, "Body", "Do you take walk-ins?", "NumMedia", "0");
		mvc.perform(twilio(TwilioWebhooks.MESSAGING_PATH, params, "forged"))
			.andExpect(status().isUnauthorized())
			.andExpect(problemJson());
		assertThat(data.count("channel_inbound")).isZero();

		mvc.perform(twilio(TwilioWebhooks.MESSAGING_PATH, params))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<Response></Response>")));
		worker.drain();
		dispatcher.drain();
		assertThat(twilio.received()).singleElement()
			.satisfies(form -> assertThat(form).containsEntry("To", "whatsapp:" + PATIENT_PHONE)
				.containsEntry("From", "whatsapp:" + TestChannels.WHATSAPP_FROM));

		// delivery reports move the message forward only
		String sid = data.jdbc().queryForObject("select provider_message_id from channel_outbound", String.class);
		report(sid, "delivered");
		assertThat(outboundStatus()).isEqualTo("DELIVERED");
		report(sid, "sent");
		assertThat(outboundStatus()).isEqualTo("DELIVERED");
		report(sid, "read");
		assertThat(outboundStatus()).isEqualTo("READ");
		// a report for a message nobody knows is acknowledged
		report("SM_unknown", "delivered");
	}

	@Test
	void aFailingProviderIsRetriedWithBackoffUntilTheMessageFailsAndStaffMayRetryIt() throws Exception {
		receiveSms("ext-4", "hi there");
		for (int i = 0; i < 5; i++) {
			twilio.failNext(503, 20500);
		}
		assertThat(dispatcher.drain()).isZero();
		assertThat(outboundStatus()).isEqualTo("PENDING");
		// not before the backoff has passed
		assertThat(dispatcher.drain()).isZero();
		assertThat(twilio.received()).hasSize(1);
		clock.advance(Duration.ofSeconds(30));
		dispatcher.drain();
		clock.advance(Duration.ofSeconds(59));
		dispatcher.drain();
		assertThat(twilio.received()).hasSize(2);
		clock.advance(Duration.ofSeconds(1));
		dispatcher.drain();
		clock.advance(Duration.ofMinutes(2));
		dispatcher.drain();
		clock.advance(Duration.ofMinutes(4));
		dispatcher.drain();
		assertThat(twilio.received()).hasSize(5);
		assertThat(outboundStatus()).isEqualTo("FAILED");

		UUID message = data.jdbc().queryForObject("select conversation_message_id from channel_outbound", UUID.class);
		UUID conversation = data.jdbc().queryForObject("select conversation_id from channel_outbound", UUID.class);
		mvc.perform(get("/api/v1/admin/conversations/{id}/messages", conversation).with(staff("FRONT_DESK")))
			.andExpect(jsonPath("$.messages[1].delivery.status").value("failed"))
			.andExpect(jsonPath("$.messages[1].delivery.attempts").value(5))
			.andExpect(jsonPath("$.messages[1].delivery.channel").value("SMS"))
			.andExpect(jsonPath("$.messages[0].delivery").doesNotExist());
		mvc.perform(post("/api/v1/admin/messages/{id}/retry", message).with(staff("FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("pending"));
		assertThat(dispatcher.drain()).isEqualTo(1);
		assertThat(outboundStatus()).isEqualTo("SENT");
		mvc.perform(post("/api/v1/admin/messages/{id}/retry", message).with(staff("FRONT_DESK")))
			.andExpect(status().isConflict())
			.andExpect(problemJson());
		mvc.perform(post("/api/v1/admin/messages/{id}/retry", UUID.randomUUID()).with(staff("FRONT_DESK")))
			.andExpect(status().isNotFound())
			.andExpect(problemJson());
	}

	@Test
	void aNumberTheProviderRefusesFailsAtOnce() throws Exception {
		receiveSms("ext-5", "hello");
		twilio.failNext(400, 21211);
		dispatcher.drain();
		assertThat(outboundStatus()).isEqualTo("FAILED");
		assertThat(data.jdbc().queryForObject("select last_error from channel_outbound", String.class))
			.contains("21211");
	}

	@Test
	void stopIsConfirmedOnceAndStartResubscribesWhileCancellingAnAppointmentIsNoOptOut() throws Exception {
		receiveSms("ext-6", "STOP");
		receiveSms("ext-7", "stop");
		assertThat(optedOut()).isTrue();
		assertThat(botReplies()).hasSize(1).first().asString().contains("no more messages", "START");

		receiveSms("ext-8", "Yes");
		assertThat(optedOut()).isFalse();
		assertThat(botReplies()).hasSize(2).last().asString().contains("receive our messages again");

		receiveSms("ext-9", "HELP");
		assertThat(botReplies()).last().asString().contains("Brightside Dental", "STOP");

		receiveSms("ext-10", "I need to cancel my appointment");
		assertThat(optedOut()).isFalse();
		assertThat(botReplies()).hasSize(4);
	}

	@Test
	void aStaffReplyToAnSmsConversationGoesOutAsAnSms() throws Exception {
		receiveSms("ext-11", "can someone call me back");
		dispatcher.drain();
		UUID conversation = data.jdbc().queryForObject("select conversation_id from channel_thread", UUID.class);
		String staffId = UUID.randomUUID().toString();
		mvc.perform(post("/api/v1/admin/conversations/{id}/take-over", conversation).with(
				jwt().jwt(token -> token.subject(staffId)).authorities(new SimpleGrantedAuthority("ROLE_FRONT_DESK"))))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/admin/conversations/{id}/messages", conversation)
			.with(jwt().jwt(token -> token.subject(staffId)).authorities(new SimpleGrantedAuthority("ROLE_FRONT_DESK")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Hi, this is Jo at the front desk, calling you in 5 minutes.\"}"))
			.andExpect(status().isCreated());
		twilio.reset();
		dispatcher.drain();
		assertThat(twilio.received()).extracting(form -> form.get("Body"))
			.containsExactly("Hi, this is Jo at the front desk, calling you in 5 minutes.");

		mvc.perform(get("/api/v1/admin/inbox").param("channel", "sms").with(staff("DENTIST")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].conversation_id").value(conversation.toString()))
			.andExpect(jsonPath("$.items[0].channel").value("SMS"))
			.andExpect(jsonPath("$.items[0].status").value("HUMAN_ACTIVE"))
			.andExpect(jsonPath("$.items[0].patient_id").isNotEmpty())
			.andExpect(jsonPath("$.items[0].last_message.sender").value("STAFF"));
		mvc.perform(get("/api/v1/admin/inbox").param("channel", "email").with(staff("DENTIST")))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/admin/inbox").param("channel", "fax").with(staff("DENTIST")))
			.andExpect(status().isBadRequest())
			.andExpect(problemJson());
	}

	@Test
	void anUnknownSenderBecomesALeadAndAKnownOneIsRecognised() throws Exception {
		receiveSms("ext-12", "hi");
		assertThat(data.jdbc().queryForObject("select patient_type from patient", String.class)).isEqualTo("COLD_LEAD");
		receiveSms("ext-13", "me again");
		assertThat(data.count("patient")).isEqualTo(1);
		assertThat(data.count("channel_thread")).isEqualTo(1);
		assertThat(data.count("conversation")).isEqualTo(1);
	}

	@Test
	void anEmailFromAnotherProviderIsAnsweredThroughGmailUnderItsMessageId() throws Exception {
		// Gmail is the email provider of every integration test; without any provider the
		// message is kept as not sent (OutboxDispatcherTests)
		FakeGmailServer.shared().reset();
		mvc.perform(incoming(incomingJson("email", "thread-1", "Hello, do you do implants?", "Ana <ana@example.com>",
				"<m1@example.com>"), now()))
			.andExpect(status().isAccepted());
		worker.drain();
		dispatcher.drain();
		assertThat(outboundStatus()).isEqualTo("SENT");
		// not a Gmail thread: no threadId, threaded by its Message-ID alone
		assertThat(FakeGmailServer.shared().sent()).singleElement().satisfies(sent -> {
			assertThat(sent.threadId()).isEqualTo(sent.id());
			assertThat(sent.raw()).contains("To: ana@example.com", "In-Reply-To: <m1@example.com>");
		});
		assertThat(FakeGmailServer.shared().calls()).singleElement()
			.satisfies(call -> assertThat(call.body()).doesNotContain("threadId"));
	}

	@Autowired
	ProactiveMessages proactive;

	@Autowired
	io.smiledesk.patient.Patients patients;

	@Test
	void aProactiveMessageRespectsConsentAndTheDailyCap() throws Exception {
		var patient = patients.register(new io.smiledesk.patient.Patients.NewPatient("Ana Ruiz",
				new io.smiledesk.patient.Patients.Contact(null, PATIENT_PHONE), null,
				io.smiledesk.patient.PatientType.EXISTING, io.smiledesk.patient.Channel.SMS));
		var queued = proactive.send(patient.id(), io.smiledesk.conversation.ConversationChannel.SMS,
				"Time for your check-up: reply to book.");
		assertThat(queued).isInstanceOf(ProactiveMessages.Outcome.Queued.class);
		assertThat(data.jdbc().queryForObject("select kind from channel_outbound", String.class))
			.isEqualTo("PROACTIVE");
		assertThat(proactive.send(patient.id(), io.smiledesk.conversation.ConversationChannel.SMS, "Again?"))
			.isInstanceOf(ProactiveMessages.Outcome.Deferred.class);
		assertThat(proactive.send(patient.id(), io.smiledesk.conversation.ConversationChannel.EMAIL, "By email?"))
			.isInstanceOf(ProactiveMessages.Outcome.Refused.class);

		// the patient's answer lands in the same conversation; a STOP refuses the next
		// one
		receiveSms("ext-20", "STOP");
		assertThat(data.count("conversation")).isEqualTo(1);
		clock.advance(Duration.ofDays(1));
		assertThat(proactive.send(patient.id(), io.smiledesk.conversation.ConversationChannel.SMS, "Tomorrow?"))
			.isInstanceOf(ProactiveMessages.Outcome.Refused.class);
	}

	@Test
	void sendFirstMovesOnPastARefusalAndStopsAtADeferral() {
		var patient = patients.register(new io.smiledesk.patient.Patients.NewPatient("Ana Ruiz",
				new io.smiledesk.patient.Patients.Contact(null, PATIENT_PHONE), null,
				io.smiledesk.patient.PatientType.EXISTING, io.smiledesk.patient.Channel.SMS));
		var email = io.smiledesk.conversation.ConversationChannel.EMAIL;
		var sms = io.smiledesk.conversation.ConversationChannel.SMS;

		// no email address: on to SMS
		assertThat(proactive.sendFirst(patient.id(), List.of(email, sms), "Time for your check-up: reply to book."))
			.isInstanceOfSatisfying(ProactiveMessages.FirstOutcome.Queued.class,
					queued -> assertThat(queued.channel()).isEqualTo(sms));
		// the daily cap puts SMS off: the channel after it is not tried
		assertThat(proactive.sendFirst(patient.id(), List.of(sms, email), "Again?")).isInstanceOfSatisfying(
				ProactiveMessages.FirstOutcome.Deferred.class,
				deferred -> assertThat(deferred.channel()).isEqualTo(sms));
		assertThat(proactive.sendFirst(patient.id(), List.of(email, io.smiledesk.conversation.ConversationChannel.WEB),
				"Anywhere?"))
			.isInstanceOfSatisfying(ProactiveMessages.FirstOutcome.Refused.class,
					refused -> assertThat(refused.reasons()).hasSize(2).allMatch(r -> r.startsWith("no-address")));
		assertThat(data.count("channel_outbound")).isEqualTo(1);
	}

	private void receiveSms(String messageId, String text) throws Exception {
		mvc.perform(incoming(incomingJson("sms", null, text, PATIENT_PHONE, messageId), now()))
			.andExpect(status().isAccepted());
		worker.drain();
	}

	private void report(String sid, String status) throws Exception {
		mvc.perform(twilio(TwilioWebhooks.STATUS_PATH, Map.of("MessageSid", sid, "MessageStatus", status)))
			.andExpect(status().isNoContent());
	}

	private String outboundStatus() {
		return data.jdbc().queryForObject("select status from channel_outbound", String.class);
	}

	private boolean optedOut() {
		List<Boolean> rows = data.jdbc().queryForList("select opted_out from channel_consent", Boolean.class);
		return !rows.isEmpty() && rows.get(0);
	}

	private List<String> botReplies() {
		return data.jdbc()
			.queryForList("select id from conversation_message where sender = 'BOT' order by position", UUID.class)
			.stream()
			.map(id -> data.jdbc()
				.queryForObject("select body from channel_outbound where conversation_message_id = ?", String.class,
						id))
			.map(this::decrypt)
			.toList();
	}

	@Autowired
	io.smiledesk.system.FieldCipher cipher;

	private String decrypt(String stored) {
		return cipher.decrypt(stored);
	}

	private static RequestPostProcessor staff(String role) {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
