package io.smiledesk.channel;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.system.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Finds the conversation of a message's thread, or starts one: the sender is matched to a
 * patient by phone or email, and an unknown sender becomes a lead.
 */
@Component
class Threads {

	private final ThreadRepository threads;

	private final PatientMessages patientMessages;

	private final Patients patients;

	private final Addresses addresses;

	private final Clock clock;

	Threads(ThreadRepository threads, PatientMessages patientMessages, Patients patients, Addresses addresses,
			Clock clock) {
		this.threads = threads;
		this.patientMessages = patientMessages;
		this.patients = patients;
		this.addresses = addresses;
		this.clock = clock;
	}

	/**
	 * Runs inside the caller's transaction, so a thread and its conversation start
	 * together.
	 */
	ChannelThread findOrStart(ConversationChannel channel, String threadKey, String address) {
		return threads.findByChannelAndThreadKey(channel, threadKey).orElseGet(() -> {
			UUID patient = patientOf(channel, address).map(found -> found.id().value()).orElse(null);
			UUID conversation = patientMessages.start(channel, patient);
			return threads.saveAndFlush(new ChannelThread(channel, threadKey, address, addresses.hash(address),
					conversation, patient, clock.instant()));
		});
	}

	/**
	 * The conversation of a phone call. A caller who hides their number is still
	 * answered, without being matched to a patient.
	 */
	ChannelThread findOrStartCall(String callSid, String from) {
		String threadKey = "call:" + callSid;
		String address;
		try {
			address = addresses.normalise(ConversationChannel.VOICE, from);
		}
		catch (InvalidInputException ex) {
			return threads.findByChannelAndThreadKey(ConversationChannel.VOICE, threadKey)
				.orElseGet(() -> threads.saveAndFlush(
						new ChannelThread(ConversationChannel.VOICE, threadKey, "withheld", addresses.hash(threadKey),
								patientMessages.start(ConversationChannel.VOICE), null, clock.instant())));
		}
		return findOrStart(ConversationChannel.VOICE, threadKey, address);
	}

	Optional<ChannelThread> of(UUID conversationId) {
		return threads.findByConversationId(conversationId);
	}

	private Optional<PatientSummary> patientOf(ConversationChannel channel, String address) {
		boolean email = channel == ConversationChannel.EMAIL;
		Patients.Contact contact = new Patients.Contact(email ? address : null, email ? null : address);
		return patients.findOrRegister(new Patients.NewPatient(address, contact, null, PatientType.COLD_LEAD,
				email ? Channel.EMAIL : channel == ConversationChannel.WHATSAPP ? Channel.WHATSAPP : Channel.SMS),
				true);
	}

}
