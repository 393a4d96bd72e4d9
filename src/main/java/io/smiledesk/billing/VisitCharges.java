package io.smiledesk.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.payment.PaidDeposits;
import io.smiledesk.payment.PaymentEvents.DepositChanged;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentCompleted;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Bills a completed visit: its statement, its procedures as charges at the fee schedule's
 * fees, and the deposit paid ahead as a credit. Exactly once per appointment: one
 * statement per appointment (unique in the database), each entry under an idempotency
 * key. Runs in the completion's own transaction, so a completed visit never lacks its
 * charges and a completion that rolls back leaves none.
 */
@Component
class VisitCharges {

	private final InvoiceRepository invoices;

	private final LedgerEntryRepository entries;

	private final FeeSchedule fees;

	private final Appointments appointments;

	private final PaidDeposits deposits;

	private final ClinicCatalog catalog;

	private final Clock clock;

	VisitCharges(InvoiceRepository invoices, LedgerEntryRepository entries, FeeSchedule fees, Appointments appointments,
			PaidDeposits deposits, ClinicCatalog catalog, Clock clock) {
		this.invoices = invoices;
		this.entries = entries;
		this.fees = fees;
		this.appointments = appointments;
		this.deposits = deposits;
		this.catalog = catalog;
		this.clock = clock;
	}

	@EventListener
	void on(AppointmentCompleted event) {
		if (invoices.findByClinicIdAndAppointmentId(Clinics.DEFAULT, event.appointmentId()).isPresent()) {
			return;
		}
		Optional<ServiceInfo> service = catalog.snapshot().serviceById(event.serviceId());
		String provider = appointments.find(event.appointmentId()).map(AppointmentView::providerId).orElse(null);
		Instant now = clock.instant();
		Invoice invoice = invoices.save(new Invoice(event.patientId(), event.appointmentId(), event.serviceId(),
				provider, event.start(), catalog.snapshot().profile().currency(), now));
		service.map(fees::forService).orElse(java.util.List.of()).forEach(fee -> {
			if (fee.amount().signum() > 0) {
				entries.save(LedgerEntry.charge(event.patientId(), invoice.id(), fee, now,
						"charge:" + event.appointmentId() + ":" + fee.code()));
			}
		});
		deposits.heldFor(event.appointmentId()).ifPresent(paid -> credit(invoice, paid, now));
	}

	/**
	 * A deposit paid (or returned) after the visit was billed moves its statement too.
	 */
	@EventListener
	void on(DepositChanged event) {
		// a paid deposit waived is refunded too
		boolean returned = "refunded".equals(event.action()) || "waived".equals(event.action());
		if (!"paid".equals(event.action()) && !returned) {
			return;
		}
		invoices.findByClinicIdAndAppointmentId(Clinics.DEFAULT, event.appointmentId()).ifPresent(invoice -> {
			Instant now = clock.instant();
			if ("paid".equals(event.action())) {
				deposits.heldFor(event.appointmentId()).ifPresent(paid -> credit(invoice, paid, now));
			}
			else {
				// the credit stood for money the clinic no longer holds: owed again
				entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, "deposit:" + event.depositId())
					.filter(credit -> entries
						.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, "deposit-refund:" + event.depositId())
						.isEmpty())
					.ifPresent(credit -> entries.save(LedgerEntry.correction(invoice.patientId(), invoice.id(),
							EntryKind.ADJUSTMENT, credit.line().amount().negate(), "Deposit refunded", now,
							"deposit-refund:" + event.depositId(), null, null)));
			}
		});
	}

	private void credit(Invoice invoice, PaidDeposits.PaidDeposit paid, Instant now) {
		if (entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, "deposit:" + paid.depositId()).isEmpty()) {
			entries.save(
					LedgerEntry.depositCredit(invoice.patientId(), invoice.id(), paid.money(), now, paid.depositId()));
		}
	}

}
