package io.smiledesk.channel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.Urgency;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.FakeGmailServer;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The overdue-handoff email leaves through the outbox: one message per manager, once
 * however often the event is delivered, with the dispatcher's retries, and listed in the
 * console when it does not go out.
 */
@IntegrationTest
class ManagerAlertsIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MockMvc mvc;

	final FakeGmailServer gmail = FakeGmailServer.shared();

	ConversationEvents.HandoffOverdue overdue;

	@BeforeEach
	void reset() {
		data.reset();
		gmail.reset();
		overdue = new ConversationEvents.HandoffOverdue(UUID.randomUUID(), Urgency.URGENT, "emergency", clock.instant(),
				clock.instant().plus(Duration.ofMinutes(2)));
		clock.advance(Duration.ofMinutes(3));
	}

	@Test
	void eachManagerIsMailedOnceEvenWhenTheEventComesTwice() throws Exception {
		List<String> managers = managers();
		assertThat(managers).isNotEmpty();

		publish(overdue);
		publish(overdue);

		assertThat(data.count("channel_outbound where kind = 'ALERT'")).isEqualTo(managers.size());
		assertThat(drainAll()).isEqualTo(managers.size());
		assertThat(gmail.sent()).hasSize(managers.size());
		List<String> recipients = gmail.sent().stream().map(ManagerAlertsIntegrationTests::to).toList();
		assertThat(recipients).containsExactlyInAnyOrderElementsOf(managers);
		MimeMessage mail = mail(gmail.sent().get(0));
		assertThat(mail.getSubject()).isEqualTo("Brightside Dental: an urgent handoff is waiting");
		assertThat(mail.getHeader("In-Reply-To")).isNull();

		// delivered again after they went out: still nothing more
		publish(overdue);
		assertThat(data.count("channel_outbound where kind = 'ALERT'")).isEqualTo(managers.size());
		assertThat(drainAll()).isZero();
	}

	@Test
	void aLaterHandoffOfTheSameConversationIsMailedAgain() {
		publish(overdue);
		publish(new ConversationEvents.HandoffOverdue(overdue.conversationId(), Urgency.NORMAL, "asked_for_person",
				clock.instant(), clock.instant().plus(Duration.ofMinutes(15))));

		assertThat(data.count("channel_outbound where kind = 'ALERT'")).isEqualTo(2 * managers().size());
	}

	@Test
	void aFailedSendIsRetriedWithBackoff() {
		int managers = managers().size();
		publish(overdue);
		gmail.failNext("/messages/send", 503);

		assertThat(drainAll()).isEqualTo(managers - 1);
		assertThat(data.jdbc()
			.queryForObject("select attempts from channel_outbound where status = 'PENDING' and kind = 'ALERT'",
					Integer.class))
			.isEqualTo(1);
		assertThat(drainAll()).isZero();

		clock.advance(Duration.ofSeconds(30));
		assertThat(drainAll()).isOne();
		assertThat(data.count("channel_outbound where kind = 'ALERT' and status = 'SENT'")).isEqualTo(managers);
	}

	@Test
	void anEmailThatCannotGoOutIsListedInTheConsole() throws Exception {
		publish(overdue);
		gmail.failNext("/messages/send", 400);
		drainAll();

		assertThat(data.count("channel_outbound where status = 'FAILED' and kind = 'ALERT'")).isOne();
		String page = mvc
			.perform(get("/console/inbox").with(ConsoleStaff.signedIn(accounts, (Clock) clock, StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String failed = page.substring(page.indexOf("id=\"inbox-failed\""));
		assertThat(failed).contains("failed (1)").containsPattern("[a-z0-9]•••@");
	}

	private void publish(ConversationEvents.HandoffOverdue event) {
		new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(event));
		data.awaitEvents();
	}

	/** Drains until a round sends nothing (the outbox sends in batches). */
	private int drainAll() {
		int sent = 0;
		int round;
		do {
			round = dispatcher.drain();
			sent += round;
		}
		while (round > 0);
		return sent;
	}

	private List<String> managers() {
		return accounts.list()
			.stream()
			.filter(StaffMember::active)
			.filter(member -> member.role() == StaffRole.ADMIN || member.role() == StaffRole.OFFICE_MANAGER)
			.map(member -> member.email().toLowerCase(Locale.ROOT))
			.toList();
	}

	private static MimeMessage mail(FakeGmailServer.Sent sent) {
		try {
			return new MimeMessage(Session.getInstance(new Properties()),
					new ByteArrayInputStream(sent.raw().getBytes(StandardCharsets.UTF_8)));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String to(FakeGmailServer.Sent sent) {
		try {
			return mail(sent).getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
