package io.smiledesk.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deposits the front desk looks after, with the patient and the visit beside each.
 */
@Component
class DepositBoard {

	/** One deposit as the console lists it. */
	record Row(UUID appointmentId, String patient, String service, String provider, Instant visit, BigDecimal amount,
			String currency, String status, Instant dueBy, String paymentUrl, String note, boolean waivable,
			Instant updatedAt) {
	}

	private final DepositRepository deposits;

	private final Appointments appointments;

	private final Patients patients;

	DepositBoard(DepositRepository deposits, Appointments appointments, Patients patients) {
		this.deposits = deposits;
		this.appointments = appointments;
		this.patients = patients;
	}

	/** Still to pay, the nearest deadline first. */
	@Transactional(readOnly = true)
	List<Row> awaiting(ClinicSnapshot clinic, int limit) {
		return rows(clinic, deposits.findByStatusOrderByDueBy(DepositStatus.PENDING, PageRequest.of(0, limit)));
	}

	/**
	 * Money that could not be settled automatically (a refund that failed, a late
	 * payment).
	 */
	@Transactional(readOnly = true)
	List<Row> toReview(ClinicSnapshot clinic, int limit) {
		return rows(clinic, deposits.findByNeedsReviewTrueOrderByUpdatedAt(PageRequest.of(0, limit)));
	}

	/** Settled since {@code since}, the latest first. */
	@Transactional(readOnly = true)
	List<Row> settledSince(ClinicSnapshot clinic, Instant since, int limit) {
		return rows(clinic, deposits.findByStatusNotAndUpdatedAtGreaterThanEqualOrderByUpdatedAtDesc(
				DepositStatus.PENDING, since, PageRequest.of(0, limit)));
	}

	private List<Row> rows(ClinicSnapshot clinic, List<Deposit> found) {
		Map<UUID, PatientSummary> names = patients.findAll(ids(found, Deposit::patientId));
		return found.stream().map(deposit -> {
			AppointmentView visit = appointments.find(deposit.appointmentId()).orElse(null);
			PatientSummary patient = names.get(deposit.patientId());
			return new Row(deposit.appointmentId(), patient == null ? "" : patient.name(),
					visit == null ? "" : clinic.serviceById(visit.serviceId()).map(ServiceInfo::name).orElse(""),
					visit == null || visit.providerId() == null ? ""
							: clinic.provider(visit.providerId()).map(ProviderInfo::name).orElse(""),
					visit == null ? null : visit.start(), deposit.money().amount(), deposit.money().currency(),
					deposit.status().json(), deposit.dueBy(), deposit.paymentUrl(), deposit.note(), deposit.waivable(),
					deposit.updatedAt());
		}).toList();
	}

	private static Collection<UUID> ids(List<Deposit> deposits, Function<Deposit, UUID> id) {
		return deposits.stream().map(id).collect(Collectors.toSet());
	}

}
