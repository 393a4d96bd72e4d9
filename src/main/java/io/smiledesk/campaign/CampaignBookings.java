package io.smiledesk.campaign;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentEvents;
import io.smiledesk.scheduling.CampaignAttribution;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Where campaigns meet bookings: a booking is credited to the campaign whose link it came
 * through, else to the patient's most recent open campaign (one they answered first); and
 * a completed visit of a recall type sets when the next is due, unless staff gave a date.
 */
@Component
class CampaignBookings implements CampaignAttribution {

	private final CampaignRepository campaigns;

	private final CampaignLinks links;

	private final Recalls recalls;

	private final Patients patients;

	private final ClinicCatalog catalog;

	CampaignBookings(CampaignRepository campaigns, CampaignLinks links, Recalls recalls, Patients patients,
			ClinicCatalog catalog) {
		this.campaigns = campaigns;
		this.links = links;
		this.recalls = recalls;
		this.patients = patients;
		this.catalog = catalog;
	}

	@Override
	public Optional<String> fromLink(String token) {
		return links.verify(token)
			.flatMap(campaigns::findById)
			.filter(campaign -> campaign.status().isActive())
			.map(campaign -> campaign.id().toString());
	}

	@Override
	public Optional<String> forPatient(UUID patientId) {
		for (EnumSet<CampaignStatus> statuses : java.util.List.of(
				EnumSet.of(CampaignStatus.RE_ENGAGED, CampaignStatus.HANDOFF_REQUIRED),
				EnumSet.of(CampaignStatus.ATTEMPTING_RECOVERY))) {
			Optional<String> found = campaigns.findRecent(patientId, statuses, PageRequest.of(0, 1))
				.stream()
				.findFirst()
				.map(campaign -> campaign.id().toString());
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/**
	 * Runs inside the completion's transaction, before the treatment is recorded: a date
	 * staff gave with the completion then replaces this one.
	 */
	@EventListener
	void on(AppointmentEvents.AppointmentCompleted event) {
		PatientId patientId = new PatientId(event.patientId());
		Optional<PatientSummary> patient = patients.find(patientId);
		String service = catalog.snapshot().serviceById(event.serviceId()).map(info -> info.name()).orElse(null);
		LocalDate visit = event.start().atZone(catalog.snapshot().zone()).toLocalDate();
		patient.flatMap(found -> recalls.typeOf(service, found.dateOfBirth(), visit))
			.ifPresent(type -> patients.scheduleFollowUp(patientId, recalls.nextDue(type, visit)));
	}

}
