package io.smiledesk.billing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface LedgerEntryRepository extends JpaRepository<LedgerEntry, UUID> {

	boolean existsByClinicIdAndCurrency(int clinicId, String currency);

	List<LedgerEntry> findByClinicIdAndPatientId(int clinicId, UUID patientId);

	List<LedgerEntry> findByClinicIdAndInvoiceId(int clinicId, UUID invoiceId);

	Optional<LedgerEntry> findByClinicIdAndIdempotencyKey(int clinicId, String key);

}

interface InvoiceRepository extends JpaRepository<Invoice, UUID> {

	Optional<Invoice> findByClinicIdAndAppointmentId(int clinicId, UUID appointmentId);

	List<Invoice> findByClinicIdAndPatientIdOrderByVisitAtDesc(int clinicId, UUID patientId);

}

interface ProcedureFeeRepository extends JpaRepository<ProcedureFee, ProcedureFee.Key> {

}
