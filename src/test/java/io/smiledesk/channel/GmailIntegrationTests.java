package io.smiledesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.system.FieldCipher;
import io.smiledesk.test.FakeGmailServer;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestChannels;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gmail end to end: pushes as Pub/Sub sends them (with an OIDC token signed by the fake
 * Google's key), the mailbox read from a fake Gmail that speaks its REST JSON, the
 * message answered once, and the reply sent back into its Gmail thread.
 */
@IntegrationTest
class GmailIntegrationTests {

	static final String PATIENT = "Ana Ruiz <ana@example.com>";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	GmailSync sync;

	@Autowired
	GmailWatch watch;

	@Autowired
	InboxWorker worker;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	FieldCipher cipher;

	final FakeGmailServer gmail = FakeGmailServer.shared();

	@BeforeEach
	void reset() {
		data.reset();
		gmail.reset();
	}

	@Test
	void aPushIsAcknowledgedAtOnceAndTheNewMessageIsAnsweredOnceInItsGmailThread() throws Exception {
		// given a mailbox read once already (no cursor yet: a full sync of recent mail)
		pushNow("ps-1").andExpect(status().isOk()).andExpect(content().string(""));
		assertThat(sync.drain()).isZero();
		assertThat(gmail.calls("/messages")).singleElement()
			.satisfies(call -> assertThat(call.param("q")).isEqualTo("newer_than:2d"));
		assertThat(cursor()).isEqualTo(gmail.historyId());

		// when a patient writes, replying above the quote of an earlier answer
		String id = gmail.deliver(PATIENT, "Implants",
				"Hello, do you do implants?\r\n\r\nOn Mon, 4 Aug 2025 at 08:00, Brightside Dental <\r\n"
						+ FakeGmailServer.MAILBOX + "> wrote:\r\n> Thanks for your message.\r\n");
		long before = cursor();
		pushNow("ps-2").andExpect(status().isOk());
		assertThat(data.count("gmail_push")).isEqualTo(2);
		assertThat(data.count("channel_inbound")).isZero();

		// then the sync reads the history from the cursor, then the message
		assertThat(sync.drain()).isEqualTo(1);
		assertThat(gmail.calls("/history")).singleElement().satisfies(call -> {
			assertThat(call.param("startHistoryId")).isEqualTo(Long.toString(before));
			assertThat(call.param("historyTypes")).isEqualTo("messageAdded");
		});
		assertThat(gmail.calls("/messages/" + id)).singleElement()
			.satisfies(call -> assertThat(call.param("format")).isEqualTo("full"));
		assertThat(cursor()).isEqualTo(gmail.historyId());
		Map<String, Object> inbound = data.jdbc().queryForMap("select * from channel_inbound");
		assertThat(inbound).containsEntry("provider", "gmail")
			.containsEntry("provider_message_id", id)
			.containsEntry("thread_key", id)
			.containsEntry("channel", "EMAIL");
		assertThat(cipher.decrypt((String) inbound.get("body"))).isEqualTo("Hello, do you do implants?");
		assertThat(cipher.decrypt((String) inbound.get("sender"))).isEqualTo("ana@example.com");

		// and it is answered once, through Gmail, in the patient's thread
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(dispatcher.drain()).isEqualTo(1);
		assertThat(gmail.sent()).singleElement().satisfies(sent -> {
			assertThat(sent.threadId()).isEqualTo(id);
			assertThat(sent.raw()).contains("To: ana@example.com", "Subject: Re: Implants",
					"In-Reply-To: <CA" + id + "@mail.gmail.com>", "References: <CA" + id + "@mail.gmail.com>");
		});
		assertThat(gmail.calls("/messages/" + id)).last()
			.satisfies(call -> assertThat(call.param("format")).isEqualTo("metadata"));
		assertThat(data.jdbc().queryForMap("select status, provider_message_id from channel_outbound"))
			.containsEntry("status", "SENT")
			.containsEntry("provider_message_id", gmail.sent().get(0).id());

		// a push delivered again is stored once; a later one finds only the clinic's own
		// reply (labelled SENT) and answers nothing
		String replayed = push("ps-2", gmail.pushData());
		mvc.perform(oidc(replayed, token(claims -> {
		}))).andExpect(status().isOk());
		assertThat(data.count("gmail_push")).isEqualTo(2);
		pushNow("ps-3").andExpect(status().isOk());
		assertThat(sync.drain()).isZero();
		assertThat(worker.drain()).isZero();
		assertThat(data.count("channel_inbound")).isEqualTo(1);
		assertThat(data.count("conversation_message")).isEqualTo(2);
		assertThat(gmail.sent()).hasSize(1);
	}

	@Test
	void aPushThatCannotBeAuthenticatedIsRefusedAndNothingIsStored() throws Exception {
		String body = push("ps-bad", gmail.pushData());
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(FakeGmailServer.KEY_ID).generate();
		JWTClaimsSet valid = claims(claims -> {
		});
		List<MockHttpServletRequestBuilder> refused = List.of(
				post(GmailPushWebhook.PATH).contentType(MediaType.APPLICATION_JSON).content(body),
				oidc(body, token(claims -> claims.audience("https://elsewhere.example/push"))),
				oidc(body, token(claims -> claims.claim("email", "intruder@evil.iam.gserviceaccount.com"))),
				oidc(body, token(claims -> claims.claim("email_verified", false))),
				oidc(body, token(claims -> claims.issuer("https://evil.example"))),
				oidc(body,
						token(claims -> claims.issueTime(Date.from(clock.instant().minus(Duration.ofHours(2))))
							.expirationTime(Date.from(clock.instant().minus(Duration.ofMinutes(5)))))),
				oidc(body, FakeGmailServer.sign(stranger, valid)), oidc(body, "not-a-jwt"),
				post(GmailPushWebhook.PATH).param("token", "wrong")
					.contentType(MediaType.APPLICATION_JSON)
					.content(body));
		for (MockHttpServletRequestBuilder request : refused) {
			mvc.perform(request).andExpect(status().isUnauthorized()).andExpect(problemJson());
		}
		assertThat(data.count("gmail_push")).isZero();
		assertThat(data.count("channel_dead_letter")).isZero();

		// the same token, valid, is accepted
		mvc.perform(oidc(body, FakeGmailServer.shared().signIdToken(valid))).andExpect(status().isOk());
		assertThat(data.count("gmail_push")).isEqualTo(1);
	}

	@Test
	void theSecretTokenInThePushUrlAuthenticatesTooWhenConfigured() throws Exception {
		mvc.perform(post(GmailPushWebhook.PATH).param("token", TestChannels.GMAIL_PUSH_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(push("ps-token", gmail.pushData()))).andExpect(status().isOk()).andExpect(content().string(""));
		assertThat(data.count("gmail_push")).isEqualTo(1);
	}

	@Test
	void anUnreadablePushIsAcknowledgedAndKeptAsADeadLetter() throws Exception {
		mvc.perform(oidc("not json", token(claims -> {
		}))).andExpect(status().isOk());
		mvc.perform(oidc("{\"message\":{\"data\":\"e30=\"},\"subscription\":\"s\"}", token(claims -> {
		}))).andExpect(status().isOk());
		assertThat(data.count("gmail_push")).isZero();

		// readable envelope, unreadable data: found by the sync
		mvc.perform(oidc(push("ps-junk", "%%%"), token(claims -> {
		}))).andExpect(status().isOk());
		mvc.perform(oidc(push("ps-empty", "e30="), token(claims -> {
		}))).andExpect(status().isOk());
		assertThat(sync.drain()).isZero();
		assertThat(data.jdbc()
			.queryForList("select reason from channel_dead_letter where provider = 'gmail' order by reason",
					String.class))
			.hasSize(4)
			.anySatisfy(reason -> assertThat(reason).contains("messageId"))
			.anySatisfy(reason -> assertThat(reason).contains("not a Pub/Sub push"))
			.anySatisfy(reason -> assertThat(reason).contains("not base64"))
			.anySatisfy(reason -> assertThat(reason).contains("historyId"));
		assertThat(
				data.jdbc().queryForObject("select count(*) from gmail_push where processed_at is null", Integer.class))
			.isZero();
		assertThat(gmail.calls()).isEmpty();
	}

	@Test
	void anExpiredHistoryCursorFallsBackToAFullSyncOfRecentMail() throws Exception {
		pushNow("ps-1");
		sync.drain();
		String own = gmail.deliver(null, FakeGmailServer.MAILBOX, "Newsletter", "From us", List.of("SENT"), Map.of());
		String away = gmail.deliver(null, "Bo <bo@example.com>", "Re: hi", "I am out of office", List.of("INBOX"),
				Map.of("Auto-Submitted", "auto-replied"));
		String first = gmail.deliver("Di <di@example.com>", "Cleaning", "Can I book a cleaning?");
		String second = gmail.deliver(null, "Cy <cy@example.com>", "Hours", "When are you open?", List.of("INBOX"),
				Map.of());
		gmail.forgetHistoryBefore(gmail.historyId());

		pushNow("ps-2");
		assertThat(sync.drain()).isEqualTo(2);
		assertThat(gmail.calls("/history")).singleElement();
		assertThat(gmail.calls("/messages")).hasSize(2);
		assertThat(gmail.calls("/messages/" + own)).hasSize(1);
		assertThat(gmail.calls("/messages/" + away)).hasSize(1);
		assertThat(data.jdbc()
			.queryForList("select provider_message_id from channel_inbound order by received_at, id", String.class))
			.containsExactlyInAnyOrder(first, second);
		assertThat(cursor()).isEqualTo(gmail.historyId());
	}

	@Test
	void aSyncThatFailsMovesNoCursorAndIsTriedAgainAfterADelay() throws Exception {
		pushNow("ps-1");
		sync.drain();
		long cursor = cursor();
		String id = gmail.deliver(PATIENT, "Parking", "Is parking free?");
		pushNow("ps-2");

		// the history is read, but Gmail fails on the message itself
		gmail.failNext("/messages/", 503);
		assertThat(sync.drain()).isZero();
		assertThat(cursor()).isEqualTo(cursor);
		assertThat(data.count("channel_inbound")).isZero();
		assertThat(data.jdbc()
			.queryForObject("select last_error from gmail_push where processed_at is null", String.class))
			.contains("503");

		// not before the retry delay
		int calls = gmail.calls().size();
		assertThat(sync.drain()).isZero();
		assertThat(gmail.calls()).hasSize(calls);
		clock.advance(Duration.ofSeconds(30));
		assertThat(sync.drain()).isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select provider_message_id from channel_inbound", String.class))
			.isEqualTo(id);
		assertThat(cursor()).isEqualTo(gmail.historyId());
	}

	@Test
	void theMailboxWatchIsRenewedDaily() {
		Instant expiration = clock.instant().plus(Duration.ofDays(7));
		gmail.watchExpiration(expiration);
		assertThat(watch.renew()).isTrue();
		assertThat(gmail.calls("/watch")).singleElement()
			.satisfies(call -> assertThat(call.body()).contains("\"topicName\":\"" + TestChannels.GMAIL_TOPIC + "\"",
					"\"labelIds\":[\"INBOX\"]"));
		assertThat(data.jdbc()
			.queryForObject("select watch_expires_at from gmail_mailbox", java.sql.Timestamp.class)
			.toInstant()).isEqualTo(expiration);

		clock.advance(Duration.ofHours(23));
		assertThat(watch.renew()).isFalse();
		clock.advance(Duration.ofHours(1));
		gmail.watchExpiration(clock.instant().plus(Duration.ofDays(7)));
		assertThat(watch.renew()).isTrue();
		assertThat(gmail.calls("/watch")).hasSize(2);
	}

	private ResultActions pushNow(String pubsubId) throws Exception {
		return mvc.perform(oidc(push(pubsubId, gmail.pushData()), token(claims -> {
		})));
	}

	/** Pub/Sub's push body, as its documentation shows it. */
	static String push(String messageId, String data) {
		return """
				{"message":{"attributes":{},"data":"%s","messageId":"%s","message_id":"%s",\
				"publishTime":"2025-08-04T12:00:00.000Z","publish_time":"2025-08-04T12:00:00.000Z"},\
				"subscription":"projects/smiledesk-test/subscriptions/gmail-push"}""".formatted(data, messageId,
				messageId);
	}

	static MockHttpServletRequestBuilder oidc(String body, String token) {
		return post(GmailPushWebhook.PATH).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	/** Pub/Sub's OIDC token, as Google signs it, changed by {@code change}. */
	private String token(Consumer<JWTClaimsSet.Builder> change) {
		return gmail.signIdToken(claims(change));
	}

	private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
		Instant now = clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://accounts.google.com")
			.audience(TestChannels.GMAIL_PUSH_AUDIENCE)
			.subject("113456789012345678901")
			.issueTime(Date.from(now.minusSeconds(10)))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
			.claim("azp", "113456789012345678901")
			.claim("email", TestChannels.GMAIL_PUSH_SERVICE_ACCOUNT)
			.claim("email_verified", true);
		change.accept(claims);
		return claims.build();
	}

	private long cursor() {
		Long cursor = data.jdbc().queryForObject("select history_id from gmail_mailbox", Long.class);
		return cursor == null ? 0 : cursor;
	}

}
