package io.smiledesk.billing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reading billing: a patient's ledger with its statements, and one statement. Each read
 * by staff is announced for the audit trail (financial records, read like a chart), so
 * these are not read-only transactions.
 */
@Service
class LedgerBook {

	private final LedgerEntryRepository entries;

	private final InvoiceRepository invoices;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<InsuranceEstimates> estimates;

	LedgerBook(LedgerEntryRepository entries, InvoiceRepository invoices, Patients patients, ClinicCatalog catalog,
			ApplicationEventPublisher events, ObjectProvider<InsuranceEstimates> estimates) {
		this.entries = entries;
		this.invoices = invoices;
		this.patients = patients;
		this.catalog = catalog;
		this.events = events;
		this.estimates = estimates;
	}

	/**
	 * A visit's statement with what it was for.
	 *
	 * @param estimate what the insurers are expected to pay, null without coverage
	 */
	record InvoiceView(UUID id, UUID appointmentId, PatientSummary patient, String service, String provider,
			java.time.Instant visitAt, String currency, Statement statement,
			InsuranceEstimates.VisitEstimate estimate) {
	}

	record InvoiceSummary(UUID id, java.time.Instant visitAt, String service, Statement statement) {
	}

	record PatientLedger(PatientSummary patient, Ledger ledger, List<InvoiceSummary> invoices) {
	}

	Optional<PatientLedger> ofPatient(UUID patientId) {
		Optional<PatientSummary> patient = patients.find(new PatientId(patientId));
		if (patient.isEmpty()) {
			return Optional.empty();
		}
		ClinicSnapshot clinic = catalog.snapshot();
		String currency = clinic.profile().currency();
		List<LedgerLine> lines = entries.findByClinicIdAndPatientId(Clinics.DEFAULT, patientId)
			.stream()
			.map(LedgerEntry::line)
			.toList();
		Map<UUID, List<LedgerLine>> byInvoice = lines.stream()
			.filter(line -> line.invoiceId() != null)
			.collect(Collectors.groupingBy(LedgerLine::invoiceId));
		List<InvoiceSummary> visits = invoices.findByClinicIdAndPatientIdOrderByVisitAtDesc(Clinics.DEFAULT, patientId)
			.stream()
			.map(invoice -> new InvoiceSummary(invoice.id(), invoice.visitAt(), serviceName(clinic, invoice),
					Statement.of(invoice.currency(), byInvoice.getOrDefault(invoice.id(), List.of()))))
			.toList();
		events.publishEvent(new BillingEvents.BillingRecordViewed(patientId, "ledger", patientId));
		return Optional.of(new PatientLedger(patient.get(), Ledger.of(currency, lines), visits));
	}

	Optional<InvoiceView> invoice(UUID id) {
		Optional<Invoice> found = invoices.findById(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Invoice invoice = found.get();
		ClinicSnapshot clinic = catalog.snapshot();
		PatientSummary patient = patients.find(new PatientId(invoice.patientId())).orElse(null);
		List<LedgerLine> lines = entries.findByClinicIdAndInvoiceId(Clinics.DEFAULT, id)
			.stream()
			.map(LedgerEntry::line)
			.toList();
		String provider = invoice.providerId() == null ? null
				: clinic.provider(invoice.providerId()).map(ProviderInfo::name).orElse(invoice.providerId());
		events.publishEvent(new BillingEvents.BillingRecordViewed(invoice.patientId(), "invoice", id));
		Statement statement = Statement.of(invoice.currency(), lines);
		return Optional.of(new InvoiceView(id, invoice.appointmentId(), patient, serviceName(clinic, invoice), provider,
				invoice.visitAt(), invoice.currency(), statement, estimate(invoice, statement, clinic)));
	}

	private InsuranceEstimates.VisitEstimate estimate(Invoice invoice, Statement statement, ClinicSnapshot clinic) {
		List<InsuranceEstimates.ChargedProcedure> procedures = statement.charges()
			.stream()
			.map(line -> new InsuranceEstimates.ChargedProcedure(line.code(), line.amount()))
			.toList();
		return estimates.stream()
			.findFirst()
			.flatMap(insurance -> insurance.forVisit(invoice.patientId(),
					invoice.visitAt().atZone(clinic.zone()).toLocalDate(), invoice.id(), procedures))
			.orElse(null);
	}

	private static String serviceName(ClinicSnapshot clinic, Invoice invoice) {
		return clinic.serviceById(invoice.serviceId()).map(ServiceInfo::name).orElse(invoice.serviceId());
	}

}
