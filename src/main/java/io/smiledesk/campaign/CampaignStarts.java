package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.patient.TreatmentRecord;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.Appointments;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who the daily run starts a campaign for. Recovery: leads gone quiet, never written to
 * by a campaign that ended within the cool-down, and not while one is active. Recall:
 * existing patients whose next visit is due, once per due date, unless they have already
 * booked.
 */
@Component
class CampaignStarts {

	private static final Set<AppointmentStatus> UPCOMING = EnumSet.of(AppointmentStatus.BOOKED,
			AppointmentStatus.CONFIRMED);

	private final Patients patients;

	private final Appointments appointments;

	private final Conversations conversations;

	private final CampaignRepository campaigns;

	private final Recalls recalls;

	private final ClinicCatalog catalog;

	private final CampaignProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	CampaignStarts(Patients patients, Appointments appointments, Conversations conversations,
			CampaignRepository campaigns, Recalls recalls, ClinicCatalog catalog, CampaignProperties properties,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.patients = patients;
		this.appointments = appointments;
		this.conversations = conversations;
		this.campaigns = campaigns;
		this.recalls = recalls;
		this.catalog = catalog;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** One transaction per batch: a batch's campaigns are all started, or none. */
	private int inBatch(IntSupplier batch) {
		Integer created = transaction.execute(tx -> batch.getAsInt());
		return created == null ? 0 : created;
	}

	/** Starts what is due today; returns how many campaigns it created. */
	int startDue() {
		int created = 0;
		for (int page = 0;; page++) {
			List<UUID> leads = patients.ofType(PatientType.COLD_LEAD, page, properties.batch());
			created += inBatch(() -> startRecoveries(leads));
			if (leads.size() < properties.batch()) {
				break;
			}
		}
		LocalDate today = LocalDate.now(clock.withZone(catalog.snapshot().zone()));
		// the page does not move: patients who got a campaign drop out of "due" only by
		// booking, so walk by offset
		for (int page = 0;; page++) {
			List<UUID> due = patients.followUpDue(today, page, properties.batch());
			created += inBatch(() -> startRecalls(due));
			if (due.size() < properties.batch()) {
				break;
			}
		}
		return created;
	}

	private int startRecoveries(List<UUID> leads) {
		Instant now = clock.instant();
		Map<UUID, List<Campaign>> existing = byPatient(leads);
		Map<UUID, Instant> talked = conversations.lastActivity(leads);
		ClinicSnapshot clinic = catalog.snapshot();
		int created = 0;
		for (PatientSummary lead : patients.findAll(leads).values()) {
			List<Campaign> theirs = existing.getOrDefault(lead.id().value(), List.of());
			boolean busy = theirs.stream()
				.anyMatch(campaign -> campaign.status().isActive() || (campaign.type() == CampaignType.RECOVERY
						&& (campaign.status() == CampaignStatus.RECOVERY_DECLINED
								|| campaign.updatedAt().isAfter(now.minus(properties.recoveryCooldown())))));
			if (busy || !quiet(lead, talked.get(lead.id().value()), now)
					|| (!properties.recoverUnnamedLeads() && CampaignWording.unnamed(lead))) {
				continue;
			}
			String inquiry = theirs.stream()
				.map(Campaign::initialInquiry)
				.filter(text -> text != null)
				.findFirst()
				.orElse(null);
			Optional<ServiceInfo> service = inquiry == null ? Optional.empty() : serviceIn(inquiry, clinic);
			save(new Campaign(lead.id().value(), CampaignType.RECOVERY, service.map(ServiceInfo::name).orElse(null),
					inquiry, service.map(ServiceInfo::price).orElse(null),
					properties.maxAttempts(CampaignType.RECOVERY), now, today(clinic), now));
			created++;
		}
		return created;
	}

	private int startRecalls(List<UUID> due) {
		Instant now = clock.instant();
		Map<UUID, List<Campaign>> existing = byPatient(due);
		// one query each for the page, not one per patient
		Set<UUID> booked = appointments.patientsWith(due, UPCOMING, now);
		Map<UUID, List<TreatmentRecord>> histories = patients.histories(due);
		List<CampaignProperties.RecallType> types = recalls.all();
		ClinicSnapshot clinic = catalog.snapshot();
		int created = 0;
		for (PatientSummary patient : patients.findAll(due).values()) {
			LocalDate dueOn = patient.nextFollowUpDate();
			List<Campaign> theirs = existing.getOrDefault(patient.id().value(), List.of());
			boolean busy = theirs.stream()
				.anyMatch(campaign -> campaign.status().isActive()
						|| (campaign.type() == CampaignType.RECALL && !campaign.createdOn().isBefore(dueOn)));
			if (busy || booked.contains(patient.id().value())) {
				continue;
			}
			List<TreatmentRecord> history = histories.getOrDefault(patient.id().value(), List.of());
			LocalDate lastVisit = history.isEmpty() ? null : history.get(0).performedOn();
			Optional<CampaignProperties.RecallType> type = history.isEmpty() ? Optional.empty()
					: Recalls.typeOf(types, history.get(0).procedure(), patient.dateOfBirth(), lastVisit);
			Optional<ServiceInfo> service = type.flatMap(recall -> recalls.service(recall, clinic))
				.or(() -> types.stream()
					.filter(recall -> recall.code().equals("prophylaxis"))
					.findFirst()
					.flatMap(recall -> recalls.service(recall, clinic)));
			save(new Campaign(patient.id().value(), CampaignType.RECALL, service.map(ServiceInfo::name).orElse(null),
					null, service.map(ServiceInfo::price).orElse(null), properties.maxAttempts(CampaignType.RECALL),
					now, today(clinic), now));
			created++;
		}
		return created;
	}

	/** A recovery campaign staff start by hand for a lead. */
	@Transactional
	Campaign startRecovery(PatientId patient, String inquiry, BigDecimal estimatedValue) {
		Instant now = clock.instant();
		ClinicSnapshot clinic = catalog.snapshot();
		Optional<ServiceInfo> service = inquiry == null ? Optional.empty() : serviceIn(inquiry, clinic);
		return save(new Campaign(patient.value(), CampaignType.RECOVERY, service.map(ServiceInfo::name).orElse(null),
				inquiry, estimatedValue != null ? estimatedValue : service.map(ServiceInfo::price).orElse(null),
				properties.maxAttempts(CampaignType.RECOVERY), now, today(clinic), now));
	}

	private Campaign save(Campaign campaign) {
		Campaign saved = campaigns.save(campaign);
		events.publishEvent(new CampaignEvents.CampaignStarted(saved.id(), saved.patientId(), saved.type()));
		return saved;
	}

	private Map<UUID, List<Campaign>> byPatient(Collection<UUID> patientIds) {
		return campaigns.findByPatientIdInAndStatusIn(patientIds, EnumSet.allOf(CampaignStatus.class))
			.stream()
			.collect(Collectors.groupingBy(Campaign::patientId));
	}

	/**
	 * @param lastTalked when the lead's conversations last changed, null if never
	 */
	private boolean quiet(PatientSummary lead, Instant lastTalked, Instant now) {
		Instant quietSince = now.minus(properties.leadQuietFor());
		return lead.createdAt().isBefore(quietSince) && (lastTalked == null || lastTalked.isBefore(quietSince));
	}

	/** The clinic's service a lead asked about, when the inquiry names one. */
	static Optional<ServiceInfo> serviceIn(String inquiry, ClinicSnapshot clinic) {
		String folded = ReplyReading.fold(inquiry);
		return clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.filter(service -> ReplyReading.fold(service.name())
				.lines()
				.flatMap(name -> List.of(name.split(" ")).stream())
				.filter(word -> word.length() > 3)
				.anyMatch(folded::contains))
			.findFirst();
	}

	private LocalDate today(ClinicSnapshot clinic) {
		return LocalDate.now(clock.withZone(clinic.zone()));
	}

}
