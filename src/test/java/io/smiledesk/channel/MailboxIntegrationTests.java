package io.smiledesk.channel;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.FieldCipher;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clinic's mailbox over real IMAP and SMTP (GreenMail): a patient's email read into
 * the inbox, answered once, the reply threaded under it, and the patient's answer back in
 * the same conversation. The reader and the email sender are built here against
 * GreenMail, in the context every integration test shares: turning mail on for that
 * context would send every test's emails.
 */
@IntegrationTest
class MailboxIntegrationTests {

	static final String PATIENT = "ana.ruiz@patient.test";

	static final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	@Autowired
	TestData data;

	@Autowired
	InboxWorker worker;

	@Autowired
	Inbox inbox;

	@Autowired
	MailThreads threads;

	@Autowired
	ImapMailboxRepository mailboxes;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	OutboundRepository outbound;

	@Autowired
	Threads conversations;

	@Autowired
	ChannelProperties channels;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	java.time.Clock clock;

	@Autowired
	FieldCipher cipher;

	ImapReader reader;

	OutboxDispatcher dispatcher;

	String clinic;

	@BeforeAll
	static void startMail() {
		mail.start();
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@BeforeEach
	void mailbox() throws Exception {
		data.reset();
		// TestData does not know this table (yet); every test reads a fresh GreenMail
		// anyway
		data.jdbc().update("delete from imap_mailbox");
		mail.reset();
		clinic = catalog.snapshot().profile().email();
		mail.setUser(clinic, "desk", "desk-secret");
		ImapProperties imap = new ImapProperties("127.0.0.1", mail.getImap().getPort(), "desk", "desk-secret", "INBOX",
				false, Duration.ofMinutes(1), true, Duration.ofMinutes(9), Duration.ofSeconds(5));
		reader = new ImapReader(imap, channels, inbox, threads, mailboxes, catalog, transactions, clock);
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(mail.getSmtp().getPort());
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mail", smtp);
		EmailSender email = new EmailSender(beans.getBeanProvider(JavaMailSender.class), catalog, threads);
		dispatcher = new OutboxDispatcher(outbound, conversations, List.of(email), channels, transactions, clock);
		// the first read marks where the mailbox stood: nothing in it yet
		assertThat(reader.poll()).isZero();
	}

	@Test
	void aPatientsEmailIsAnsweredOnceInItsThreadAndTheirReplyStaysInIt() throws Exception {
		deliver(email("<first@patient.test>", null, null, "What are your opening hours?"));

		assertThat(reader.poll()).isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select thread_key from channel_inbound", String.class))
			.isEqualTo("<first@patient.test>");
		assertThat(cipher.decrypt(data.jdbc().queryForObject("select body from channel_inbound", String.class)))
			.isEqualTo("What are your opening hours?");
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(worker.drain()).isZero();
		assertThat(dispatcher.drain()).isEqualTo(1);

		MimeMessage reply = receivedBy(PATIENT).get(0);
		assertThat(reply.getFrom()[0].toString()).contains(clinic);
		assertThat(reply.getHeader("In-Reply-To", ",")).isEqualTo("<first@patient.test>");
		assertThat(reply.getHeader("References", ",")).isEqualTo("<first@patient.test>");
		assertThat(reply.getSubject()).isEqualTo("Re: Question");
		String replyId = reply.getMessageID();
		assertThat(data.jdbc().queryForObject("select provider_message_id from channel_outbound", String.class))
			.isEqualTo(replyId);

		// a mail client that names only the message it answers still lands in the thread
		deliver(email("<second@patient.test>", replyId, null, "Thanks! Can I book a cleaning?\n\nOn Mon, 4 Aug"
				+ " 2025 at 12:00, Brightside Dental <" + clinic + "> wrote:\n> We are open 8 to 6."));
		assertThat(reader.poll()).isEqualTo(1);
		assertThat(data.jdbc()
			.queryForObject(
					"select thread_key from channel_inbound where provider_message_id = '<second@patient.test>'",
					String.class))
			.isEqualTo("<first@patient.test>");
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(data.count("channel_thread")).isEqualTo(1);
		assertThat(data.count("conversation")).isEqualTo(1);
		assertThat(dispatcher.drain()).isEqualTo(1);

		MimeMessage second = receivedBy(PATIENT).get(1);
		assertThat(second.getHeader("In-Reply-To", ",")).isEqualTo("<second@patient.test>");
		assertThat(second.getHeader("References", ",").split(" ")).containsExactly("<first@patient.test>", replyId,
				"<second@patient.test>");

		// and one whose References name the whole chain
		deliver(email("<third@patient.test>", second.getMessageID(),
				"<first@patient.test> " + replyId + " <second@patient.test> " + second.getMessageID(), "Tuesday."));
		assertThat(reader.poll()).isEqualTo(1);
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(data.count("channel_thread")).isEqualTo(1);
		assertThat(data.count("channel_inbound where thread_key = '<first@patient.test>'")).isEqualTo(3);
	}

	@Test
	void aReplyIsRePatientsSubjectOnceAndItsSubjectIsKeptEncrypted() throws Exception {
		deliver(email("<sore@patient.test>", null, null, "=?UTF-8?Q?Sore_tooth_=E2=80=94_today=3F?=",
				"Can you see me today?"));
		assertThat(reader.poll()).isEqualTo(1);
		String stored = data.jdbc().queryForObject("select subject from channel_inbound", String.class);
		assertThat(stored).doesNotContain("Sore");
		assertThat(cipher.decrypt(stored)).isEqualTo("Sore tooth \u2014 today?");
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(dispatcher.drain()).isEqualTo(1);
		MimeMessage reply = receivedBy(PATIENT).get(0);
		assertThat(reply.getSubject()).isEqualTo("Re: Sore tooth \u2014 today?");

		// the patient answers under "RE: ...": not "Re: RE: ..."
		deliver(email("<sore-2@patient.test>", reply.getMessageID(), null,
				"RE: =?UTF-8?Q?Sore_tooth_=E2=80=94_today=3F?=", "At 3?"));
		assertThat(reader.poll()).isEqualTo(1);
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(dispatcher.drain()).isEqualTo(1);
		assertThat(receivedBy(PATIENT).get(1).getSubject()).isEqualTo("RE: Sore tooth \u2014 today?");
	}

	@Test
	void withoutASubjectTheReplyNamesTheClinic() throws Exception {
		deliver(email("<bare@patient.test>", null, null, null, "What are your opening hours?"));
		assertThat(reader.poll()).isEqualTo(1);
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(dispatcher.drain()).isEqualTo(1);

		assertThat(receivedBy(PATIENT).get(0).getSubject())
			.isEqualTo("Re: your message to " + catalog.snapshot().profile().name());
	}

	@Test
	void aMessageReadAgainIsStoredOnce() throws Exception {
		deliver(email("<once@patient.test>", null, null, "Do you take new patients?"));
		assertThat(reader.poll()).isEqualTo(1);
		// a crash before the cursor moved, or a cursor lost: the inbox knows the message
		data.jdbc().update("update imap_mailbox set last_uid = 0");

		assertThat(reader.poll()).isZero();
		assertThat(data.count("channel_inbound")).isEqualTo(1);
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(data.count("channel_outbound")).isEqualTo(1);
	}

	@Test
	void aRenumberedMailboxIsReadAgainWithoutRepeats() throws Exception {
		deliver(email("<before@patient.test>", null, null, "Hello"));
		assertThat(reader.poll()).isEqualTo(1);
		data.jdbc().update("update imap_mailbox set uid_validity = uid_validity + 1");
		deliver(email("<after@patient.test>", null, null, "Hello again"));

		assertThat(reader.poll()).isEqualTo(1);
		assertThat(data.count("channel_inbound")).isEqualTo(2);
		assertThat(reader.poll()).isZero();
	}

	@Test
	void aMessageThatCannotBeReadBecomesADeadLetterAndTheNextIsStillRead() throws Exception {
		deliver("""
				From: Ana Ruiz <ana.ruiz@patient.test>
				To: %s
				Subject: broken
				Message-ID: <broken@patient.test>
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="never-there"

				no parts at all
				""".formatted(clinic));
		deliver(email("<fine@patient.test>", null, null, "Are you open on Saturday?"));

		assertThat(reader.poll()).isEqualTo(1);
		assertThat(data.count("channel_dead_letter")).isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select provider from channel_dead_letter", String.class))
			.isEqualTo("imap");
		assertThat(cipher.decrypt(data.jdbc().queryForObject("select payload from channel_dead_letter", String.class)))
			.contains("Message-ID: <broken@patient.test>");
		assertThat(data.count("channel_inbound")).isEqualTo(1);
		assertThat(reader.poll()).isZero();
		assertThat(data.count("channel_dead_letter")).isEqualTo(1);
	}

	@Test
	void autoRepliesAndTheClinicsOwnMailAreNotAnswered() throws Exception {
		deliver("Auto-Submitted: auto-replied\n" + email("<away@patient.test>", null, null, "I am away."));
		deliver(email("<own@desk.test>", null, null, "A note to self").replace("From: Ana Ruiz <" + PATIENT + ">",
				"From: " + clinic));

		assertThat(reader.poll()).isZero();
		assertThat(data.count("channel_inbound")).isZero();
		assertThat(data.count("channel_dead_letter")).isZero();
		assertThat(mailboxes.findAll()).singleElement().satisfies(cursor -> assertThat(cursor.lastUid()).isEqualTo(2));
	}

	@Test
	void idleReadsNewMailAsItArrives() throws Exception {
		ImapIdle idle = new ImapIdle(reader,
				new ImapProperties("127.0.0.1", mail.getImap().getPort(), "desk", "desk-secret", "INBOX", false,
						Duration.ofHours(1), true, Duration.ofMinutes(9), Duration.ofSeconds(5)));
		idle.begin();
		try {
			await().atMost(Duration.ofSeconds(10)).until(idle::idling);
			deliver(email("<idle@patient.test>", null, null, "Is parking free?"));

			await().atMost(Duration.ofSeconds(10)).until(() -> data.count("channel_inbound") == 1);
		}
		finally {
			idle.stop();
		}
		assertThat(idle.isRunning()).isFalse();
		assertThat(idle.idling()).isFalse();
	}

	private String email(String messageId, String inReplyTo, String references, String text) {
		return email(messageId, inReplyTo, references, "Question", text);
	}

	private String email(String messageId, String inReplyTo, String references, String subject, String text) {
		return "From: Ana Ruiz <" + PATIENT + ">\nTo: " + clinic + "\n"
				+ (subject == null ? "" : "Subject: " + subject + "\n") + "Message-ID: " + messageId + "\n"
				+ (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\n")
				+ (references == null ? "" : "References: " + references + "\n")
				+ "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + text + "\n";
	}

	/** Over SMTP as written: Transport.send would rewrite the message (and its id). */
	private void deliver(String raw) throws Exception {
		Properties settings = new Properties();
		settings.put("mail.smtp.host", "127.0.0.1");
		settings.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
		Session session = Session.getInstance(settings);
		MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(
				raw.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			transport.sendMessage(message, new InternetAddress[] { new InternetAddress(clinic) });
		}
	}

	private List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
			try {
				return message.getAllRecipients()[0].toString().contains(address);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
