package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;

import org.springframework.stereotype.Component;

/**
 * The entries a freed time may be offered to, best first: {@link Ranking} over the
 * waiting entries whose window covers the day, leaving out those already offered this
 * time, those with an offer still open, and the appointment that freed it. Whether a
 * service fits is asked of {@link Availability} with the freed provider, once per
 * service.
 */
@Component
class Matching {

	private final WaitlistEntryRepository entries;

	private final WaitlistOfferRepository offers;

	private final Availability availability;

	private final Appointments appointments;

	private final ClinicCatalog catalog;

	private final WaitlistProperties properties;

	private final Clock clock;

	Matching(WaitlistEntryRepository entries, WaitlistOfferRepository offers, Availability availability,
			Appointments appointments, ClinicCatalog catalog, WaitlistProperties properties, Clock clock) {
		this.entries = entries;
		this.offers = offers;
		this.availability = availability;
		this.appointments = appointments;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	List<WaitlistEntry> candidates(FreedSlot slot) {
		ClinicSnapshot clinic = catalog.snapshot();
		Instant now = clock.instant();
		LocalDate day = slot.startsAt().atZone(clinic.zone()).toLocalDate();
		List<WaitlistEntry> covering = entries.findCovering(EntryStatus.WAITING, day, now);
		if (covering.isEmpty()) {
			return List.of();
		}
		Set<UUID> excluded = new HashSet<>();
		offers.findBySlotId(slot.id()).forEach(offer -> excluded.add(offer.entryId()));
		offers.findByEntryIdInAndStatus(covering.stream().map(WaitlistEntry::id).toList(), OfferStatus.PENDING)
			.stream()
			.filter(offer -> offer.isLiveAt(now))
			.forEach(offer -> excluded.add(offer.entryId()));
		Map<UUID, WaitlistEntry> byId = new HashMap<>();
		List<Ranking.Candidate> candidates = covering.stream()
			.filter(entry -> !excluded.contains(entry.id()))
			.filter(entry -> !slot.sourceId().equals(entry.appointmentId()))
			.peek(entry -> byId.put(entry.id(), entry))
			.map(entry -> entry.candidate(movingStart(entry)))
			.toList();
		Map<String, Boolean> fits = new HashMap<>();
		return new Ranking(clinic.zone(), properties.recentlyOffered())
			.rank(slot.startsAt(), now, candidates,
					candidate -> fits.computeIfAbsent(
							candidate.serviceId() + "/" + byId.get(candidate.entryId()).appointmentId(),
							key -> fits(clinic, slot, day, byId.get(candidate.entryId()))))
			.stream()
			.map(candidate -> byId.get(candidate.entryId()))
			.toList();
	}

	/** The freed time is a bookable start for the entry's service with its provider. */
	private boolean fits(ClinicSnapshot clinic, FreedSlot slot, LocalDate day, WaitlistEntry entry) {
		Optional<ServiceInfo> service = clinic.serviceById(entry.serviceId());
		if (service.isEmpty() || !service.get().active()) {
			return false;
		}
		return availability
			.slots(service.get(), day, day, Optional.ofNullable(slot.providerId()), entry.appointmentId())
			.stream()
			.anyMatch(free -> free.start().equals(slot.startsAt()));
	}

	private Instant movingStart(WaitlistEntry entry) {
		if (entry.appointmentId() == null) {
			return null;
		}
		return appointments.find(entry.appointmentId())
			.filter(appointment -> Offers.OPEN.contains(appointment.status()))
			.map(AppointmentView::start)
			.orElse(null);
	}

}
