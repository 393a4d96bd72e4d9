package io.smiledesk.channel;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.test.MutableClock;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The dispatcher with every sender there is and none set up (the integration tests set
 * them all up, against fakes).
 */
class OutboxDispatcherTests {

	final MutableClock clock = new MutableClock(MutableClock.DEFAULT);

	@Test
	void withoutAnyProviderAMessageIsKeptAsNotSent() {
		OutboundRepository outbound = mock(OutboundRepository.class);
		OutboundMessage email = new OutboundMessage(ConversationChannel.EMAIL, null, null, "ana@example.com", "hash",
				"Hello", OutboundMessage.Kind.REPLY, clock.instant());
		when(outbound.findDue(any(), any())).thenReturn(List.of(email.id()));
		when(outbound.lock(email.id())).thenReturn(Optional.of(email));
		ChannelProperties channels = ChannelSettings.of(Map.of());
		GmailProperties gmail = new GmailProperties("me", null, null, null, null, null,
				"https://oauth2.googleapis.com/token", "https://gmail.googleapis.com", null, true,
				new GmailProperties.Push(null, null, "https://www.googleapis.com/oauth2/v3/certs", null),
				new GmailProperties.Sync(Duration.ofSeconds(1), "newer_than:2d", 100, Duration.ofSeconds(30),
						Duration.ofHours(1), Duration.ofDays(6)));
		ClinicCatalog catalog = mock(ClinicCatalog.class);
		List<ChannelSender> senders = List.of(
				new GmailSender(new GmailApi(gmail, new GmailAccessTokens(gmail, clock)), gmail, catalog),
				new TwilioSender(channels),
				new EmailSender(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), catalog,
						mock(MailThreads.class)));
		OutboxDispatcher dispatcher = new OutboxDispatcher(outbound, mock(Threads.class), senders, channels,
				mock(PlatformTransactionManager.class), clock);

		assertThat(dispatcher.drain()).isZero();

		assertThat(email.status()).isEqualTo(OutboundMessage.Status.NOT_SENT);
		assertThat(email.lastError()).contains("no provider");
	}

}
