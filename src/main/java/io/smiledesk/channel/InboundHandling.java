package io.smiledesk.channel;

import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.conversation.PatientMessages;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One inbound message: its thread's conversation found or started, then STOP, START and
 * HELP answered by rule and everything else by the assistant.
 */
@Component
class InboundHandling {

	private final Threads threads;

	private final ConsentBook consents;

	private final PatientMessages patientMessages;

	private final ClinicCatalog catalog;

	private final TransactionTemplate transaction;

	InboundHandling(Threads threads, ConsentBook consents, PatientMessages patientMessages, ClinicCatalog catalog,
			PlatformTransactionManager transactions) {
		this.threads = threads;
		this.consents = consents;
		this.patientMessages = patientMessages;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Answers the message; returns its conversation. */
	UUID handle(InboundMessage message) {
		ChannelThread thread = threadOf(message);
		UUID conversation = thread.conversationId();
		String text = message.body();
		Keywords.Reading reading = Keywords.read(text);
		String id = message.providerMessageId();
		switch (reading.kind()) {
			case OPT_OUT -> {
				boolean changed = transaction
					.execute(tx -> consents.set(message.channel(), thread.addressHash(), true));
				// one confirmation: a second STOP is recorded, not answered
				patientMessages.answerByRule(conversation, text, id, "opt_out",
						changed ? Replies.optedOut(reading.language(), profile()) : null);
			}
			case OPT_IN -> {
				if (reading.onlyWhenOptedOut() && !consents.optedOut(message.channel(), thread.addressHash())) {
					// a bare "yes" from someone who never opted out answers the assistant
					patientMessages.receive(conversation, text, id);
				}
				else {
					transaction
						.executeWithoutResult(tx -> consents.set(message.channel(), thread.addressHash(), false));
					patientMessages.answerByRule(conversation, text, id, "opt_in",
							Replies.optedIn(reading.language(), profile()));
				}
			}
			case HELP -> patientMessages.answerByRule(conversation, text, id, "help",
					Replies.help(reading.language(), profile()));
			case OTHER -> patientMessages.receive(conversation, text, id);
		}
		return conversation;
	}

	private ChannelThread threadOf(InboundMessage message) {
		try {
			return thread(message);
		}
		catch (DataIntegrityViolationException ex) {
			// another worker started this thread's conversation at the same moment: use
			// it
			return thread(message);
		}
	}

	private ChannelThread thread(InboundMessage message) {
		return transaction.execute(tx -> {
			ChannelThread found = threads.findOrStart(message.channel(), message.threadKey(), message.sender());
			found.heard(message.providerMessageId(), message.subject(), message.receivedAt());
			return found;
		});
	}

	private ClinicProfile profile() {
		return catalog.snapshot().profile();
	}

}
