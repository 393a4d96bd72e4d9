package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.channel.ProactiveMessages;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the next batch of offers for a freed time, at most one batch per interval: to the
 * best ranked entries, on the patient's preferred channel, else another they can be
 * reached on. An offer is written in the same transaction as the message it queues.
 */
@Component
class Offers {

	static final Set<AppointmentStatus> OPEN = EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED);

	private final FreedSlotRepository slots;

	private final WaitlistEntryRepository entries;

	private final WaitlistOfferRepository offers;

	private final Matching matching;

	private final ProactiveMessages proactive;

	private final Patients patients;

	private final Appointments appointments;

	private final ClinicCatalog catalog;

	private final WaitlistProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Offers(FreedSlotRepository slots, WaitlistEntryRepository entries, WaitlistOfferRepository offers,
			Matching matching, ProactiveMessages proactive, Patients patients, Appointments appointments,
			ClinicCatalog catalog, WaitlistProperties properties, PlatformTransactionManager transactions,
			Clock clock) {
		this.slots = slots;
		this.entries = entries;
		this.offers = offers;
		this.matching = matching;
		this.proactive = proactive;
		this.patients = patients;
		this.appointments = appointments;
		this.catalog = catalog;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		// a batch stands on its own, also when a listener's transaction calls it
		this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Offers sent; 0 when the time is no longer open or its batch is not due yet. */
	int sendBatch(UUID slotId) {
		Integer sent = transaction.execute(tx -> {
			FreedSlot slot = slots.findById(slotId).orElse(null);
			Instant now = clock.instant();
			if (slot == null || slot.status() != FreedSlot.Status.OPEN) {
				return 0;
			}
			if (!slot.startsAt().isAfter(now)) {
				slot.lapse();
				return 0;
			}
			if (slot.lastBatchAt() != null && now.isBefore(slot.lastBatchAt().plus(properties.batchInterval()))) {
				return 0;
			}
			ClinicSnapshot clinic = catalog.snapshot();
			WaitlistWording wording = new WaitlistWording(clinic.zone());
			int queued = 0;
			for (WaitlistEntry entry : matching.candidates(slot)) {
				if (queued == properties.batchSize()) {
					break;
				}
				if (offer(slot, entry, clinic, wording, now)) {
					queued++;
				}
			}
			slot.batchSent(now);
			slots.save(slot);
			return queued;
		});
		return sent == null ? 0 : sent;
	}

	private boolean offer(FreedSlot slot, WaitlistEntry entry, ClinicSnapshot clinic, WaitlistWording wording,
			Instant now) {
		PatientSummary patient = patients.find(new PatientId(entry.patientId())).orElse(null);
		if (patient == null) {
			return false;
		}
		Instant moving = entry.appointmentId() == null ? null
				: appointments.find(entry.appointmentId()).map(AppointmentView::start).orElse(null);
		String service = clinic.serviceById(entry.serviceId()).map(info -> info.name()).orElse(entry.serviceId());
		String text = wording.offer(WaitlistWording.firstName(patient.name()), clinic.profile().name(), service,
				slot.startsAt(), moving, properties.offerExpiry());
		ProactiveMessages.FirstOutcome outcome = proactive.sendFirst(patient.id(), channels(patient), text);
		if (outcome instanceof ProactiveMessages.FirstOutcome.Queued queued) {
			offers.save(WaitlistOffer.sent(slot, entry, queued.channel(), queued.message().conversationId(), now,
					now.plus(properties.offerExpiry())));
			entry.offered(now);
			entries.save(entry);
			return true;
		}
		if (outcome instanceof ProactiveMessages.FirstOutcome.Refused refused) {
			offers.save(WaitlistOffer.failed(slot, entry,
					"No channel to reach the patient on: " + String.join("; ", refused.reasons()), now));
		}
		// deferred (quiet hours or the patient's cap): the next entry instead, this one
		// stays for another time
		return false;
	}

	/** The patient's preference first, then the rest. */
	private static List<ConversationChannel> channels(PatientSummary patient) {
		Set<ConversationChannel> order = new LinkedHashSet<>();
		if (patient.preferredChannel() != null) {
			order.add(ConversationChannel.valueOf(patient.preferredChannel().name()));
		}
		for (Channel channel : List.of(Channel.SMS, Channel.EMAIL, Channel.WHATSAPP)) {
			order.add(ConversationChannel.valueOf(channel.name()));
		}
		return List.copyOf(order);
	}

}
