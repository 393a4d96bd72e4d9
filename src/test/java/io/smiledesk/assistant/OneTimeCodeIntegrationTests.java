package io.smiledesk.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.conversation.ConversationStatus;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.conversation.ChatReply;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stronger identity check: a code mailed to the address on file (through a real SMTP
 * server, GreenMail) must be typed before an appointment is changed.
 */
@IntegrationTest
@TestPropertySource(properties = "smiledesk.assistant.verification=ONE_TIME_CODE")
class OneTimeCodeIntegrationTests {

	// started before the Spring context, which needs its port
	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		mail.start();
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	Patients patients;

	@Autowired
	Booking booking;

	@Autowired
	Appointments appointments;

	@Autowired
	TestData data;

	private Booking.Done appointment;

	@BeforeEach
	void patientWithAnAppointment() throws Exception {
		data.reset();
		mail.purgeEmailFromAllMailboxes();
		PatientSummary patient = patients
			.register(new Patients.NewPatient("Rita Vale", patients.contact("rita.vale@example.com", null),
					LocalDate.of(1980, 1, 2), PatientType.EXISTING, Channel.EMAIL));
		appointment = (Booking.Done) booking.book(new Booking.BookRequest(patient.name(), patient.email(), null, null,
				Channel.EMAIL, "annual_cleaning", Instant.parse("2025-08-12T14:00:00Z"), Optional.empty(),
				Optional.empty(), null, CreatedFrom.MANUAL_ADMIN, null, null, null, null));
	}

	@Test
	void theCodeFromTheEmailUnlocksTheChange() throws Exception {
		ChatReply reply = ChatReply
			.of(patientMessages.receive(null, "I want to cancel my appointment", ConversationChannel.WEB));
		reply = ChatReply.of(patientMessages.receive(reply.sessionId(), "Rita Vale, rita.vale@example.com",
				ConversationChannel.WEB));
		reply = ChatReply.of(patientMessages.receive(reply.sessionId(), "2 January 1980", ConversationChannel.WEB));
		assertThat(reply.state().stage()).isEqualTo("code");
		assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage sent = mail.getReceivedMessages()[0];
		assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("rita.vale@example.com");
		Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(sent));
		assertThat(code.find()).isTrue();
		assertThat(data.jdbc().queryForObject("select code_hash from verification_code", String.class))
			.doesNotContain(code.group(1));

		String wrong = code.group(1).equals("000000") ? "111111" : "000000";
		reply = ChatReply.of(patientMessages.receive(reply.sessionId(), wrong, ConversationChannel.WEB));
		assertThat(reply.state().identityChecked()).isNull();
		assertThat(reply.reply()).contains("doesn't match");

		reply = ChatReply.of(patientMessages.receive(reply.sessionId(), code.group(1), ConversationChannel.WEB));
		assertThat(reply.state().identityChecked()).isTrue();
		assertThat(reply.state().stage()).isEqualTo("confirm");
		reply = ChatReply.of(patientMessages.receive(reply.sessionId(), "yes", ConversationChannel.WEB));
		assertThat(reply.appointment().action()).isEqualTo("cancelled");
		assertThat(appointments.find(appointment.appointment().id()).orElseThrow().status())
			.isEqualTo(AppointmentStatus.CANCELLED);
	}

	@Test
	void aCodeCannotBeReusedOrGuessedForever() {
		ChatReply reply = ChatReply
			.of(patientMessages.receive(null, "I want to cancel my appointment", ConversationChannel.WEB));
		reply = ChatReply.of(patientMessages.receive(reply.sessionId(), "Rita Vale, rita.vale@example.com",
				ConversationChannel.WEB));
		reply = ChatReply.of(patientMessages.receive(reply.sessionId(), "1980-01-02", ConversationChannel.WEB));
		for (int attempt = 0; attempt < 3; attempt++) {
			reply = ChatReply
				.of(patientMessages.receive(reply.sessionId(), "99999" + attempt, ConversationChannel.WEB));
		}
		assertThat(reply.status()).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);
		assertThat(appointments.find(appointment.appointment().id()).orElseThrow().status())
			.isEqualTo(AppointmentStatus.BOOKED);
	}

}
