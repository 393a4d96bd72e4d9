package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.Slot;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's yes or no to an offer. The first yes claims the freed time (one conditional
 * update: the database decides who was first) and then books it through {@link Booking},
 * whose slot claims keep anyone outside the waitlist from the same time; later yeses hear
 * it was taken and get the next free times. Moving an appointment earlier frees its old
 * time, which is offered in turn.
 */
@Component
class Acceptance {

	private final WaitlistOfferRepository offers;

	private final FreedSlotRepository slots;

	private final WaitlistEntryRepository entries;

	private final Booking booking;

	private final Availability availability;

	private final Appointments appointments;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final WaitlistProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Acceptance(WaitlistOfferRepository offers, FreedSlotRepository slots, WaitlistEntryRepository entries,
			Booking booking, Availability availability, Appointments appointments, Patients patients,
			ClinicCatalog catalog, WaitlistProperties properties, PlatformTransactionManager transactions,
			Clock clock) {
		this.offers = offers;
		this.slots = slots;
		this.entries = entries;
		this.booking = booking;
		this.availability = availability;
		this.appointments = appointments;
		this.patients = patients;
		this.catalog = catalog;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	Response accept(UUID offerId) {
		Response decided = transaction.execute(tx -> {
			WaitlistOffer offer = offers.findById(offerId).orElse(null);
			if (offer == null) {
				return new Response.NotFound();
			}
			Instant now = clock.instant();
			if (offer.respondedAt() != null) {
				return new Response.AlreadyAnswered(offer.status());
			}
			if (offer.status() == OfferStatus.TAKEN) {
				offer.answeredLate(now);
				return taken(offer, List.of());
			}
			if (offer.status() != OfferStatus.PENDING || !offer.isLiveAt(now)) {
				offer.expire();
				offer.answeredLate(now);
				return new Response.Expired();
			}
			if (slots.claim(offer.slotId(), offer.id(), now) == 0) {
				offer.taken(now);
				return taken(offer, List.of());
			}
			// claimed: the booking below runs in its own transactions
			return null;
		});
		return decided != null ? decided : book(offerId);
	}

	Response decline(UUID offerId) {
		return transaction.execute(tx -> {
			WaitlistOffer offer = offers.findById(offerId).orElse(null);
			if (offer == null) {
				return new Response.NotFound();
			}
			if (offer.respondedAt() != null) {
				return new Response.AlreadyAnswered(offer.status());
			}
			Instant now = clock.instant();
			if (offer.status() == OfferStatus.PENDING) {
				offer.declined(now);
			}
			else {
				offer.answeredLate(now);
			}
			return new Response.Declined();
		});
	}

	private Response book(UUID offerId) {
		WaitlistOffer offer = offers.findById(offerId).orElseThrow();
		WaitlistEntry entry = entries.findById(offer.entryId()).orElseThrow();
		FreedSlot slot = slots.findById(offer.slotId()).orElseThrow();
		Optional<String> provider = Optional.ofNullable(slot.providerId());
		Optional<AppointmentView> moving = Optional.ofNullable(entry.appointmentId())
			.flatMap(appointments::find)
			.filter(appointment -> Offers.OPEN.contains(appointment.status()));
		Booking.Outcome outcome;
		if (moving.isPresent()) {
			// the clinic offered the move, so its rules are staff's (short notice is
			// fine)
			outcome = booking.reschedule(moving.get().id(), slot.startsAt(), provider, Booking.Actor.staff());
		}
		else {
			PatientSummary patient = patients.find(new PatientId(entry.patientId())).orElse(null);
			outcome = patient == null ? new Booking.Rejected(null, "The patient's record is gone.", List.of())
					: booking.book(new Booking.BookRequest(patient.name(), patient.email(), patient.phone(), null,
							patient.preferredChannel(), entry.serviceId(), slot.startsAt(), provider, Optional.empty(),
							"From the waitlist", CreatedFrom.CHAT, null, null, null, null));
		}
		Response settled = transaction.execute(tx -> {
			Instant now = clock.instant();
			WaitlistOffer current = offers.findById(offerId).orElseThrow();
			FreedSlot claimed = slots.findById(offer.slotId()).orElseThrow();
			WaitlistEntry waiting = entries.findById(offer.entryId()).orElseThrow();
			if (outcome instanceof Booking.Done done) {
				current.accepted(now);
				claimed.filled(done.appointment().id(), now);
				waiting.booked(done.appointment().id(), now);
				for (WaitlistOffer other : offers.findBySlotIdAndStatus(claimed.id(), OfferStatus.PENDING)) {
					other.superseded();
				}
				return new Response.Booked(done.appointment().id(), slot.startsAt(), moving.isPresent());
			}
			// booked by another route meanwhile (or no longer bookable): nobody gets it
			// from the waitlist
			claimed.gone();
			current.taken(now);
			for (WaitlistOffer other : offers.findBySlotIdAndStatus(claimed.id(), OfferStatus.PENDING)) {
				other.superseded();
			}
			List<Slot> alternatives = outcome instanceof Booking.Rejected rejected ? rejected.alternatives()
					: List.of();
			return taken(current, alternatives);
		});
		// the old time of a move is freed by the move's event, like any other move
		return settled;
	}

	/**
	 * The free times nearest the one that was taken (the booking's own suggestions when
	 * it refused), for the entry's service.
	 */
	private Response taken(WaitlistOffer offer, List<Slot> known) {
		Instant now = clock.instant();
		if (!known.isEmpty()) {
			return new Response.Taken(
					known.stream().filter(free -> free.start().isAfter(now)).limit(properties.alternatives()).toList());
		}
		Optional<ServiceInfo> service = entries.findById(offer.entryId())
			.flatMap(entry -> catalog.snapshot().serviceById(entry.serviceId()));
		if (service.isEmpty()) {
			return new Response.Taken(List.of());
		}
		return new Response.Taken(
				availability.nearest(service.get(), offer.slotStart(), Optional.empty(), properties.alternatives() * 3)
					.stream()
					.filter(free -> free.start().isAfter(now) && !free.start().equals(offer.slotStart()))
					.limit(properties.alternatives())
					.toList());
	}

}
