package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waitlist's capability: joining it (staff, the assistant), reading entries and
 * offers, answering an offer, and running the round on demand.
 */
@Service
public class Waitlist {

	/** What came of a request to join. */
	public sealed interface Outcome {

		/**
		 * @param existing the patient was already waiting for the service
		 */
		record Joined(UUID entryId, boolean existing) implements Outcome {
		}

		/**
		 * @param field the request's field at fault
		 * @param notFound the thing named does not exist (rather than being malformed)
		 */
		record Refused(String field, String reason, boolean notFound) implements Outcome {
		}

	}

	/**
	 * One patient's wish, with the window clinic-local; an empty set of parts means any
	 * part of the day; a null latest day means as long as entries last.
	 */
	public record Wish(String service, LocalDate earliest, LocalDate latest, Set<PartOfDay> partsOfDay,
			UUID appointmentId, Instant expiresAt) {
	}

	/** A patient staff name by their contact details; registered when new. */
	public record Contact(String name, String email, String phone) {
	}

	/** What a round of the job did. */
	public record RoundResult(int offersSent, int offersExpired, int slotsLapsed) {
	}

	private final WaitlistEntryRepository entries;

	private final WaitlistOfferRepository offers;

	private final Patients patients;

	private final Appointments appointments;

	private final ClinicCatalog catalog;

	private final Acceptance acceptance;

	private final WaitlistRun run;

	private final WaitlistProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Waitlist(WaitlistEntryRepository entries, WaitlistOfferRepository offers, Patients patients,
			Appointments appointments, ClinicCatalog catalog, Acceptance acceptance, WaitlistRun run,
			WaitlistProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.entries = entries;
		this.offers = offers;
		this.patients = patients;
		this.appointments = appointments;
		this.catalog = catalog;
		this.acceptance = acceptance;
		this.run = run;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Staff put a patient on the list; nothing is written when it is refused. */
	public Outcome joinByStaff(Contact contact, Wish wish) {
		return register(contact, wish, WaitlistEntry.Source.STAFF);
	}

	/**
	 * The assistant puts a patient on the list by the name and contact they gave in the
	 * chat, as a booking does.
	 */
	public Outcome joinFromChat(Contact contact, Wish wish) {
		return register(contact, wish, WaitlistEntry.Source.ASSISTANT);
	}

	private Outcome register(Contact contact, Wish wish, WaitlistEntry.Source source) {
		if (contact.name() == null || contact.name().isBlank()) {
			return new Outcome.Refused("name", "must not be blank", false);
		}
		Patients.Contact reachable = patients.contact(contact.email(), contact.phone());
		Optional<Outcome.Refused> refused = check(wish, null);
		if (refused.isPresent()) {
			return refused.get();
		}
		return transaction.execute(tx -> {
			PatientSummary patient = patients
				.findOrRegister(new Patients.NewPatient(contact.name().strip(), reachable, null, PatientType.NEW,
						reachable.phone() != null ? Channel.SMS : Channel.EMAIL), true)
				.orElseThrow();
			if (wish.appointmentId() != null) {
				Optional<Outcome.Refused> notTheirs = check(wish, patient.id().value());
				if (notTheirs.isPresent()) {
					tx.setRollbackOnly();
					return notTheirs.get();
				}
			}
			return add(patient.id().value(), wish, source);
		});
	}

	/**
	 * The assistant puts the patient it identified on the list ({@code fromReply}: in
	 * answer to a message the clinic sent).
	 */
	public Outcome join(PatientId patient, Wish wish, boolean fromReply) {
		Optional<Outcome.Refused> refused = check(wish, patient.value());
		if (refused.isPresent()) {
			return refused.get();
		}
		return transaction.execute(tx -> add(patient.value(), wish,
				fromReply ? WaitlistEntry.Source.REPLY : WaitlistEntry.Source.ASSISTANT));
	}

	public List<WaitlistView> entries(int limit) {
		return entries.listed(PageRequest.of(0, limit)).stream().map(WaitlistEntry::view).toList();
	}

	/** Offers sent from one instant until another, oldest first. */
	public List<OfferView> offers(Instant from, Instant to, int limit) {
		return offers.sentBetween(from, to, PageRequest.of(0, limit)).stream().map(WaitlistOffer::view).toList();
	}

	/**
	 * Staff take an entry off the list; its open offers lapse, so a late yes books
	 * nothing. False when there is no such entry; withdrawing twice is harmless.
	 */
	public boolean withdraw(UUID entryId) {
		return Boolean.TRUE.equals(transaction.execute(tx -> {
			Optional<WaitlistEntry> entry = entries.findById(entryId);
			if (entry.isEmpty()) {
				return false;
			}
			entry.get().withdraw(clock.instant());
			offers.findByEntryIdInAndStatus(List.of(entryId), OfferStatus.PENDING).forEach(WaitlistOffer::expire);
			return true;
		}));
	}

	/** The patient's yes to an offer. */
	public Response accept(UUID offerId) {
		return acceptance.accept(offerId);
	}

	/** The patient's no to an offer; the entry keeps waiting. */
	public Response decline(UUID offerId) {
		return acceptance.decline(offerId);
	}

	/** Runs the round now (the job does every minute); empty while another runs it. */
	public Optional<RoundResult> runNow() {
		return run.runNow()
			.map(result -> new RoundResult(result.offersSent(), result.offersExpired(), result.slotsLapsed()));
	}

	private Optional<Outcome.Refused> check(Wish wish, UUID patientId) {
		Optional<ServiceInfo> service = wish.service() == null ? Optional.empty()
				: catalog.snapshot().service(wish.service().strip());
		if (service.isEmpty() || !service.get().active()) {
			return Optional.of(new Outcome.Refused("service_name", "The clinic does not offer that service.", true));
		}
		LocalDate today = LocalDate.now(clock.withZone(zone()));
		LocalDate latest = latest(wish);
		if (wish.earliest() != null && latest.isBefore(wish.earliest())) {
			return Optional.of(new Outcome.Refused("latest", "must not be before earliest", false));
		}
		if (latest.isBefore(today)) {
			return Optional.of(new Outcome.Refused("latest", "must not be in the past", false));
		}
		if (wish.expiresAt() != null && !wish.expiresAt().isAfter(clock.instant())) {
			return Optional.of(new Outcome.Refused("expires_at", "must be in the future", false));
		}
		if (wish.appointmentId() != null && patientId != null) {
			Optional<AppointmentView> appointment = appointments.find(wish.appointmentId())
				.filter(found -> found.patientId().equals(patientId) && Offers.OPEN.contains(found.status()));
			if (appointment.isEmpty()) {
				return Optional.of(new Outcome.Refused("appointment_id",
						"No open appointment of this patient with id " + wish.appointmentId() + ".", true));
			}
		}
		return Optional.empty();
	}

	private Outcome add(UUID patientId, Wish wish, WaitlistEntry.Source source) {
		ServiceInfo service = catalog.snapshot().service(wish.service().strip()).orElseThrow();
		Optional<WaitlistEntry> existing = entries
			.findByPatientIdAndServiceIdAndStatus(patientId, service.id(), EntryStatus.WAITING)
			.stream()
			.findFirst();
		if (existing.isPresent()) {
			return new Outcome.Joined(existing.get().id(), true);
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(zone()));
		LocalDate earliest = wish.earliest() == null || wish.earliest().isBefore(today) ? today : wish.earliest();
		LocalDate latest = latest(wish);
		Instant endOfWindow = latest.plusDays(1).atStartOfDay(zone()).toInstant();
		Instant expires = wish.expiresAt() != null && wish.expiresAt().isBefore(endOfWindow) ? wish.expiresAt()
				: endOfWindow;
		Set<PartOfDay> parts = wish.partsOfDay() == null || wish.partsOfDay().isEmpty() ? EnumSet.allOf(PartOfDay.class)
				: wish.partsOfDay();
		WaitlistEntry entry = entries.save(new WaitlistEntry(patientId, service.id(), earliest, latest, parts,
				wish.appointmentId(), source, expires, now));
		return new Outcome.Joined(entry.id(), false);
	}

	private LocalDate latest(Wish wish) {
		return wish.latest() != null ? wish.latest()
				: LocalDate.now(clock.withZone(zone())).plusDays(properties.entryExpiry().toDays());
	}

	private ZoneId zone() {
		return catalog.snapshot().zone();
	}

}
