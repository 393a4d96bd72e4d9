package io.smiledesk.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How reminders and campaigns write to a patient first: through the patient's
 * conversation on the channel (so a reply lands there), the outbox, and the
 * {@link ProactivePolicy}: consent, quiet hours and caps.
 */
@Service
public class ProactiveMessages {

	/** What came of a proactive message. */
	public sealed interface Outcome {

		/**
		 * In the outbox, in the conversation.
		 *
		 * @param threadKey how the channel finds the thread again (a number, an email
		 * thread)
		 */
		record Queued(UUID conversationId, UUID messageId, int position, String threadKey) implements Outcome {
		}

		/** Not now: try again at {@code notBefore}; nothing was written. */
		record Deferred(Instant notBefore, String reason) implements Outcome {
		}

		/** Not at all: the patient opted out or has no address on the channel. */
		record Refused(String reason) implements Outcome {
		}

	}

	/** What came of trying a patient's channels in order. */
	public sealed interface FirstOutcome {

		/** Queued on {@code channel}, the first that took it. */
		record Queued(ConversationChannel channel, Outcome.Queued message) implements FirstOutcome {
		}

		/**
		 * Put off on {@code channel}: quiet hours or a cap, so that channel later rather
		 * than the next one now; nothing was written.
		 */
		record Deferred(ConversationChannel channel, Outcome.Deferred deferral) implements FirstOutcome {
		}

		/** Every channel refused it, each reason in the channels' order. */
		record Refused(List<String> reasons) implements FirstOutcome {

			public Refused {
				reasons = List.copyOf(reasons);
			}

		}

	}

	private final Patients patients;

	private final Addresses addresses;

	private final Threads threads;

	private final ConsentBook consents;

	private final OutboundRepository outbound;

	private final PatientMessages patientMessages;

	private final ClinicCatalog catalog;

	private final ChannelProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ProactiveMessages(Patients patients, Addresses addresses, Threads threads, ConsentBook consents,
			OutboundRepository outbound, PatientMessages patientMessages, ClinicCatalog catalog,
			ChannelProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.patients = patients;
		this.addresses = addresses;
		this.threads = threads;
		this.consents = consents;
		this.outbound = outbound;
		this.patientMessages = patientMessages;
		this.catalog = catalog;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * An email about the patient's own booking, with its calendar file: their consent
	 * applies (an opt-out is kept), quiet hours and caps do not.
	 */
	public Outcome notice(PatientId patientId, String subject, String text, MailAttachment file) {
		PatientSummary patient = patients.find(patientId).orElse(null);
		if (patient == null || patient.email() == null) {
			return new Outcome.Refused("no-address: the patient has no email address");
		}
		String hash = addresses.hash(patient.email());
		if (consents.optedOut(ConversationChannel.EMAIL, hash)) {
			return new Outcome.Refused("opted-out: the patient asked for no more messages on this channel");
		}
		return transaction.execute(tx -> {
			ChannelThread thread = threads.findOrStart(ConversationChannel.EMAIL, "address:" + hash, patient.email());
			MessageView message = patientMessages.notice(thread.conversationId(), text);
			// the outbox row was written by the message's listener, in this transaction
			outbound.findByConversationMessageId(message.id()).ifPresent(row -> row.describe(subject, file));
			return new Outcome.Queued(thread.conversationId(), message.id(), message.position(), thread.threadKey());
		});
	}

	/**
	 * Sends on the first of the channels that takes the message: a refusal (opt-out, no
	 * address) moves on to the next channel, a deferral stops there.
	 */
	public FirstOutcome sendFirst(PatientId patientId, List<ConversationChannel> order, String text) {
		List<String> refusals = new ArrayList<>();
		for (ConversationChannel channel : order) {
			Outcome outcome = send(patientId, channel, text);
			if (outcome instanceof Outcome.Queued queued) {
				return new FirstOutcome.Queued(channel, queued);
			}
			if (outcome instanceof Outcome.Deferred deferred) {
				return new FirstOutcome.Deferred(channel, deferred);
			}
			refusals.add(((Outcome.Refused) outcome).reason());
		}
		return new FirstOutcome.Refused(refusals);
	}

	public Outcome send(PatientId patientId, ConversationChannel channel, String text) {
		PatientSummary patient = patients.find(patientId).orElse(null);
		String address = patient == null ? null
				: channel == ConversationChannel.EMAIL ? patient.email() : patient.phone();
		if (address == null || channel == ConversationChannel.WEB || channel == ConversationChannel.VOICE) {
			return new Outcome.Refused(
					"no-address: the patient has no " + channel.name().toLowerCase(Locale.ROOT) + " address");
		}
		String hash = addresses.hash(address);
		Instant now = clock.instant();
		ProactivePolicy.Decision decision = new ProactivePolicy(properties.proactive(), catalog.snapshot().zone())
			.decide(now, consents.optedOut(channel, hash),
					outbound.proactiveSince(hash, now.minus(Duration.ofDays(7))));
		if (decision instanceof ProactivePolicy.Decision.Refuse refuse) {
			return new Outcome.Refused(refuse.reason());
		}
		if (decision instanceof ProactivePolicy.Decision.Defer defer) {
			return new Outcome.Deferred(defer.until(), defer.reason());
		}
		return transaction.execute(tx -> {
			ChannelThread thread = threads.findOrStart(channel, "address:" + hash, address);
			MessageView message = patientMessages.announce(thread.conversationId(), text);
			return new Outcome.Queued(thread.conversationId(), message.id(), message.position(), thread.threadKey());
		});
	}

}
