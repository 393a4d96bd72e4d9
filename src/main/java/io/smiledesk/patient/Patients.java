package io.smiledesk.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smiledesk.patient.PatientEvents.PatientDeleted;
import io.smiledesk.patient.PatientEvents.PatientRecordViewed;
import io.smiledesk.patient.PatientEvents.PatientRegistered;
import io.smiledesk.patient.PatientEvents.PatientUpdated;
import io.smiledesk.patient.PatientEvents.PatientsSearched;
import io.smiledesk.patient.PatientEvents.TreatmentRecorded;
import io.smiledesk.system.FieldCipher;
import io.smiledesk.system.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding, registering and keeping the records of patients. */
@Service
@Transactional
public class Patients {

	private final PatientRepository patients;

	private final TreatmentRepository treatments;

	private final PatientProperties properties;

	private final ApplicationEventPublisher events;

	private final FieldCipher cipher;

	private final Clock clock;

	Patients(PatientRepository patients, TreatmentRepository treatments, PatientProperties properties,
			ApplicationEventPublisher events, FieldCipher cipher, Clock clock) {
		this.patients = patients;
		this.treatments = treatments;
		this.properties = properties;
		this.events = events;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Normalised contact details; throws {@link InvalidInputException} naming the bad
	 * field.
	 */
	public Contact contact(String email, String phone) {
		Contact contact = new Contact(ContactDetails.email(email).orElse(null),
				ContactDetails.phone(phone, properties.defaultPhoneRegion()).orElse(null));
		if (contact.email() == null && contact.phone() == null) {
			throw new InvalidInputException("email", "an email address or a phone number is required");
		}
		return contact;
	}

	/** The patient with this email, or else with this phone. */
	@Transactional(readOnly = true)
	public Optional<PatientSummary> identify(Contact contact) {
		return lookup(contact).map(Patient::summary);
	}

	/**
	 * Finds the patient by email or phone, or registers a new one when
	 * {@code mayRegister}.
	 */
	public Optional<PatientSummary> findOrRegister(NewPatient details, boolean mayRegister) {
		Optional<Patient> existing = lookup(details.contact());
		if (existing.isPresent() || !mayRegister) {
			return existing.map(Patient::summary);
		}
		Patient patient = new Patient(details.name(), details.contact().email(), details.contact().phone(),
				keys(details.contact()), details.dateOfBirth(), details.type(), details.channel(), clock.instant());
		patients.saveAndFlush(patient);
		events.publishEvent(new PatientRegistered(patient.id()));
		return Optional.of(patient.summary());
	}

	/** Patients by id, for lists that show names next to appointments. */
	@Transactional(readOnly = true)
	public Map<UUID, PatientSummary> findAll(Collection<UUID> ids) {
		return patients.findAllById(ids).stream().collect(Collectors.toMap(Patient::id, Patient::summary));
	}

	/**
	 * A member of staff opens a patient's record: the read is audited (so not a read-only
	 * transaction).
	 */
	public Optional<PatientSummary> view(PatientId id) {
		Optional<PatientSummary> patient = find(id);
		patient.ifPresent(found -> events.publishEvent(new PatientRecordViewed(id.value())));
		return patient;
	}

	@Transactional(readOnly = true)
	public Optional<PatientSummary> find(PatientId id) {
		return patients.findById(id.value()).map(Patient::summary);
	}

	/**
	 * Whether the given email or phone is the one on file, used to check who asks about
	 * an appointment.
	 */
	@Transactional(readOnly = true)
	public boolean isReachableAt(PatientId id, String email, String phone) {
		Contact contact;
		try {
			contact = contact(email, phone);
		}
		catch (InvalidInputException ex) {
			return false;
		}
		return patients.findById(id.value())
			.filter(patient -> (contact.email() != null && contact.email().equals(patient.email()))
					|| (contact.phone() != null && contact.phone().equals(patient.phone())))
			.isPresent();
	}

	/**
	 * Patients of a type, oldest first, a page at a time (for the daily campaign run).
	 */
	@Transactional(readOnly = true)
	public List<UUID> ofType(PatientType type, int page, int size) {
		return patients.idsOfType(type, PageRequest.of(page, size));
	}

	/**
	 * Existing patients whose next follow-up falls on or before {@code by}, most overdue
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<UUID> followUpDue(LocalDate by, int page, int size) {
		return patients.dueForFollowUp(by, PageRequest.of(page, size));
	}

	/**
	 * Sets when the patient is next due (a recall computed from the visit just completed,
	 * or a date staff chose).
	 */
	public void scheduleFollowUp(PatientId id, LocalDate date) {
		Patient patient = patients.findById(id.value()).orElseThrow(() -> PatientRefused.notFound(id));
		patient.scheduleFollowUp(date, clock.instant());
		events.publishEvent(new PatientUpdated(patient.id()));
	}

	/**
	 * The language the patient last spoke with the clinic when booking (ISO 639-1), empty
	 * when never recorded.
	 */
	@Transactional(readOnly = true)
	public Optional<String> language(PatientId id) {
		return patients.findById(id.value()).map(Patient::language);
	}

	/**
	 * Records the language the patient speaks with the clinic (ISO 639-1); anything else
	 * is not a language to write in and leaves what is on file.
	 */
	public void speaks(PatientId id, String language) {
		if (language == null || !language.matches("[a-z]{2}")) {
			return;
		}
		patients.findById(id.value()).ifPresent(patient -> {
			if (patient.speaks(language, clock.instant())) {
				events.publishEvent(new PatientUpdated(patient.id()));
			}
		});
	}

	/**
	 * Adds a performed procedure to the history; the patient now counts as an existing
	 * patient.
	 */
	public TreatmentRecord recordTreatment(PatientId id, TreatmentRecord record) {
		Patient patient = patients.findById(id.value()).orElseThrow(() -> PatientRefused.notFound(id));
		Treatment treatment = treatments.save(new Treatment(patient.id(), record));
		events.publishEvent(new TreatmentRecorded(patient.id(), treatment.view().id()));
		if (record.nextFollowUpDate() != null) {
			patient.scheduleFollowUp(record.nextFollowUpDate(), clock.instant());
		}
		patient.becomeExisting(clock.instant());
		return treatment.view();
	}

	@Transactional(readOnly = true)
	public List<TreatmentRecord> history(PatientId id) {
		return treatments.findByPatientIdOrderByPerformedOnDesc(id.value()).stream().map(Treatment::view).toList();
	}

	/**
	 * The histories of many patients at once, each latest first (one query for a page of
	 * the daily campaign run); a patient without treatments has no entry.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<TreatmentRecord>> histories(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return treatments.findByPatientIdInOrderByPerformedOnDesc(ids)
			.stream()
			.collect(Collectors.groupingBy(Treatment::patientId,
					Collectors.mapping(Treatment::view, Collectors.toList())));
	}

	/** Audited, like {@link #view}. */
	public Page<PatientSummary> search(String query, int page, int size) {
		String term = query == null || query.isBlank() ? "%"
				: "%" + escapeLike(query.trim().toLowerCase(Locale.ROOT)) + "%";
		String emailHash = null;
		String phoneHash = null;
		if (query != null && !query.isBlank()) {
			try {
				emailHash = ContactDetails.email(query).map(cipher::blindIndex).orElse(null);
			}
			catch (InvalidInputException notAnEmail) {
				// a name, or a phone number
			}
			try {
				phoneHash = ContactDetails.phone(query, properties.defaultPhoneRegion())
					.map(cipher::blindIndex)
					.orElse(null);
			}
			catch (InvalidInputException notAPhone) {
				// a name, or an email
			}
		}
		Page<PatientSummary> found = patients.search(term, emailHash, phoneHash, PageRequest.of(page, size))
			.map(Patient::summary);
		events.publishEvent(new PatientsSearched(found.getNumberOfElements()));
		return found;
	}

	public PatientSummary register(NewPatient details) {
		ensureUnique(null, details.contact());
		Patient patient = patients.saveAndFlush(new Patient(details.name(), details.contact().email(),
				details.contact().phone(), keys(details.contact()), details.dateOfBirth(), details.type(),
				details.channel(), clock.instant()));
		events.publishEvent(new PatientRegistered(patient.id()));
		return patient.summary();
	}

	public PatientSummary update(PatientId id, NewPatient details) {
		Patient patient = patients.findById(id.value()).orElseThrow(() -> PatientRefused.notFound(id));
		ensureUnique(patient.id(), details.contact());
		patient.update(details.name(), details.contact().email(), details.contact().phone(), keys(details.contact()),
				details.dateOfBirth(), details.type(), details.channel(), clock.instant());
		events.publishEvent(new PatientUpdated(patient.id()));
		return patients.saveAndFlush(patient).summary();
	}

	public void delete(PatientId id) {
		Patient patient = patients.findById(id.value()).orElseThrow(() -> PatientRefused.notFound(id));
		patients.delete(patient);
		patients.flush();
		events.publishEvent(new PatientDeleted(patient.id()));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Optional<Patient> lookup(Contact contact) {
		Patient.LookupKeys keys = keys(contact);
		Optional<Patient> byEmail = keys.emailHash() == null ? Optional.empty()
				: patients.findByEmailHash(keys.emailHash());
		return byEmail.isPresent() || keys.phoneHash() == null ? byEmail : patients.findByPhoneHash(keys.phoneHash());
	}

	private Patient.LookupKeys keys(Contact contact) {
		return new Patient.LookupKeys(cipher.blindIndex(contact.email()), cipher.blindIndex(contact.phone()));
	}

	private void ensureUnique(UUID self, Contact contact) {
		Patient.LookupKeys keys = keys(contact);
		if (keys.emailHash() != null) {
			patients.findByEmailHash(keys.emailHash())
				.filter(other -> !Objects.equals(other.id(), self))
				.ifPresent(other -> {
					throw PatientRefused.taken(PatientRefused.Field.EMAIL,
							"Another patient already has this email address.");
				});
		}
		if (keys.phoneHash() != null) {
			patients.findByPhoneHash(keys.phoneHash())
				.filter(other -> !Objects.equals(other.id(), self))
				.ifPresent(other -> {
					throw PatientRefused.taken(PatientRefused.Field.PHONE,
							"Another patient already has this phone number.");
				});
		}
	}

	public record Contact(String email, String phone) {
	}

	public record NewPatient(String name, Contact contact, LocalDate dateOfBirth, PatientType type, Channel channel) {
	}

}
