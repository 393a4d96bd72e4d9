package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.conversation.ConversationPurpose;
import io.smiledesk.conversation.Reply;
import io.smiledesk.scheduling.Appointments;

import org.springframework.stereotype.Component;

/**
 * A reply on a thread where the clinic sent a waitlist offer the patient has not answered
 * yet: a yes accepts it, a no declines it, and the patient is told what came of it
 * (booked, just taken with the next free times, lapsed). Anything else is the assistant's
 * to answer. The outcome travels in the reply's metadata.
 */
@Component
class WaitlistConversations implements ConversationPurpose {

	static final String KEY = "waitlist";

	/** A yes days later is about something else. */
	private static final Duration ANSWERS_WITHIN = Duration.ofHours(24);

	private final WaitlistOfferRepository offers;

	private final WaitlistEntryRepository entries;

	private final Acceptance acceptance;

	private final Appointments appointments;

	private final ClinicCatalog catalog;

	private final Clock clock;

	WaitlistConversations(WaitlistOfferRepository offers, WaitlistEntryRepository entries, Acceptance acceptance,
			Appointments appointments, ClinicCatalog catalog, Clock clock) {
		this.offers = offers;
		this.entries = entries;
		this.acceptance = acceptance;
		this.appointments = appointments;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	public Reply review(UUID conversationId, String text, Reply reply) {
		Optional<WaitlistOffer> found = offers.findFirstByConversationIdOrderBySentAtDesc(conversationId)
			.filter(offer -> offer.respondedAt() == null
					&& clock.instant().isBefore(offer.sentAt().plus(ANSWERS_WITHIN)));
		if (found.isEmpty() || reply.handoff() != null) {
			// the assistant's safety checks and handoffs come first
			return reply;
		}
		OfferReplies.Answer answer = OfferReplies.read(text);
		if (answer == OfferReplies.Answer.OTHER) {
			return reply;
		}
		WaitlistOffer offer = found.get();
		Response response = answer == OfferReplies.Answer.YES ? acceptance.accept(offer.id())
				: acceptance.decline(offer.id());
		ClinicSnapshot clinic = catalog.snapshot();
		WaitlistWording wording = new WaitlistWording(clinic.zone());
		String said = null;
		if (response instanceof Response.Booked booked) {
			said = booked(clinic, wording, booked, offer);
		}
		else if (response instanceof Response.Taken taken) {
			said = wording.taken(taken.alternatives());
		}
		else if (response instanceof Response.Expired) {
			said = wording.expired();
		}
		else if (response instanceof Response.Declined) {
			said = wording.declined();
		}
		if (said == null) {
			return reply;
		}
		Map<String, Object> metadata = new LinkedHashMap<>(reply.metadata());
		metadata.put(KEY, Map.of("offer_id", offer.id().toString(), "outcome",
				response.getClass().getSimpleName().toLowerCase(Locale.ROOT)));
		return new Reply(said, "waitlist_offer", reply.language(), List.of(), null, null, false, reply.patientId(),
				reply.progress(), reply.state(), metadata);
	}

	private String booked(ClinicSnapshot clinic, WaitlistWording wording, Response.Booked booked, WaitlistOffer offer) {
		String service = entries.findById(offer.entryId())
			.flatMap(entry -> clinic.serviceById(entry.serviceId()))
			.map(info -> info.name())
			.orElse("appointment");
		String provider = appointments.find(booked.appointmentId())
			.flatMap(appointment -> clinic.provider(appointment.providerId()))
			.map(info -> info.name())
			.orElse(null);
		return booked.moved() ? wording.moved(service, booked.start(), provider)
				: wording.booked(service, booked.start(), provider);
	}

}
