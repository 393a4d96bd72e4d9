package io.smiledesk.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the console's waitlist page shows, with names in place of ids: the entries still
 * waiting, and the freed times of a range with every offer made for each.
 */
@Component
class WaitlistBoard {

	private final WaitlistEntryRepository entries;

	private final FreedSlotRepository slots;

	private final WaitlistOfferRepository offers;

	private final Patients patients;

	private final Appointments appointments;

	WaitlistBoard(WaitlistEntryRepository entries, FreedSlotRepository slots, WaitlistOfferRepository offers,
			Patients patients, Appointments appointments) {
		this.entries = entries;
		this.slots = slots;
		this.offers = offers;
		this.patients = patients;
		this.appointments = appointments;
	}

	/**
	 * @param moving the start of the appointment to move earlier, or null
	 */
	record Waiting(UUID id, String patient, String service, LocalDate earliest, LocalDate latest,
			List<PartOfDay> partsOfDay, Instant moving, String source, Instant since, Instant expiresAt,
			Instant lastOfferedAt) {
	}

	record Offer(UUID id, String patient, OfferStatus status, String channel, Instant sentAt, Instant expiresAt,
			Instant respondedAt, String reason) {
	}

	record Freed(UUID id, Instant start, Instant end, String provider, String cause, String status, Instant freedAt,
			List<Offer> offers) {
	}

	@Transactional(readOnly = true)
	List<Waiting> waiting(ClinicSnapshot clinic, int limit) {
		Map<UUID, String> names = new HashMap<>();
		return entries.findByStatusOrderByCreatedAtAscIdAsc(EntryStatus.WAITING, PageRequest.of(0, limit))
			.stream()
			.map(WaitlistEntry::view)
			.map(entry -> new Waiting(entry.id(), name(entry.patientId(), names),
					clinic.serviceById(entry.serviceId()).map(ServiceInfo::name).orElse(entry.serviceId()),
					entry.earliest(), entry.latest(), entry.partsOfDay().stream().sorted().toList(),
					Optional.ofNullable(entry.appointmentId())
						.flatMap(appointments::find)
						.map(AppointmentView::start)
						.orElse(null),
					entry.source(), entry.createdAt(), entry.expiresAt(), entry.lastOfferedAt()))
			.toList();
	}

	/**
	 * The times that came free starting from one instant until another, earliest first.
	 */
	@Transactional(readOnly = true)
	List<Freed> freed(ClinicSnapshot clinic, Instant from, Instant to, int limit) {
		List<FreedSlot> found = slots.startingBetween(from, to, PageRequest.of(0, limit));
		Map<UUID, List<WaitlistOffer>> bySlot = found.isEmpty() ? Map.of()
				: offers.findBySlotIdInOrderBySentAtAscIdAsc(found.stream().map(FreedSlot::id).toList())
					.stream()
					.collect(Collectors.groupingBy(WaitlistOffer::slotId));
		Map<UUID, String> names = new HashMap<>();
		return found.stream()
			.map(slot -> new Freed(slot.id(), slot.startsAt(), slot.endsAt(), slot.providerId() == null ? null : clinic
				.provider(slot.providerId())
				.map(ProviderInfo::name)
				.orElse(slot.providerId()), slot.cause().name(), slot.status().name(), slot.freedAt(), bySlot
					.getOrDefault(slot.id(), List.of())
					.stream()
					.map(WaitlistOffer::view)
					.map(offer -> new Offer(offer.offerId(), name(offer.patientId(), names), offer.status(),
							offer.channel(), offer.sentAt(), offer.expiresAt(), offer.respondedAt(), offer.reason()))
					.toList()))
			.toList();
	}

	private String name(UUID patientId, Map<UUID, String> names) {
		return names.computeIfAbsent(patientId,
				id -> patients.find(new PatientId(id)).map(PatientSummary::name).orElse("?"));
	}

}
