package io.smiledesk.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.stereotype.Component;

/**
 * Who is due for a recall visit: overdue, due within the coming days, or already
 * scheduled (an upcoming appointment), with the campaign writing to them if any.
 */
@Component
class RecallList {

	/** The longest list the console shows at once. */
	private static final int LIMIT = 500;

	enum State {

		OVERDUE, DUE, SCHEDULED

	}

	record Entry(UUID patientId, String patientName, LocalDate dueOn, String state, Instant scheduledFor,
			UUID campaignId, CampaignStatus campaignStatus) {
	}

	private final Patients patients;

	private final Appointments appointments;

	private final CampaignRepository campaigns;

	private final ClinicCatalog catalog;

	private final Clock clock;

	RecallList(Patients patients, Appointments appointments, CampaignRepository campaigns, ClinicCatalog catalog,
			Clock clock) {
		this.patients = patients;
		this.appointments = appointments;
		this.campaigns = campaigns;
		this.catalog = catalog;
		this.clock = clock;
	}

	List<Entry> upcoming(int days) {
		LocalDate today = LocalDate.now(clock.withZone(catalog.snapshot().zone()));
		Instant now = clock.instant();
		List<UUID> ids = patients.followUpDue(today.plusDays(days), 0, LIMIT);
		Map<UUID, PatientSummary> found = patients.findAll(ids);
		Map<UUID, Campaign> recall = new java.util.HashMap<>();
		for (Campaign campaign : campaigns.findByPatientIdInAndStatusIn(ids, CampaignStatus.ACTIVE)) {
			recall.put(campaign.patientId(), campaign);
		}
		List<Entry> entries = new ArrayList<>();
		for (UUID id : ids) {
			PatientSummary patient = found.get(id);
			if (patient == null) {
				continue;
			}
			Instant next = appointments.ofPatient(id)
				.stream()
				.filter(appointment -> (appointment.status() == AppointmentStatus.BOOKED
						|| appointment.status() == AppointmentStatus.CONFIRMED) && appointment.start().isAfter(now))
				.map(AppointmentView::start)
				.min(Comparator.naturalOrder())
				.orElse(null);
			State state = next != null ? State.SCHEDULED
					: patient.nextFollowUpDate().isBefore(today) ? State.OVERDUE : State.DUE;
			Campaign campaign = recall.get(id);
			entries.add(new Entry(id, patient.name(), patient.nextFollowUpDate(), state.name(), next,
					campaign == null ? null : campaign.id(), campaign == null ? null : campaign.status()));
		}
		return entries;
	}

}
