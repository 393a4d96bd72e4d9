package io.smiledesk.billing;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.smiledesk.channel.ProactiveMessages;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.patient.PatientId;
import io.smiledesk.payment.Money;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Emails a visit's statement to the patient through the channels' outbox, with a payment
 * page for what is owed when card payments online are collected. The patient's consent
 * applies (an opt-out is kept). Text, in {@code i18n/billing.properties}.
 */
@Component
class StatementMail {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final LedgerBook book;

	private final StatementPayments payments;

	private final ProactiveMessages messages;

	private final MessageSource wording;

	private final ClinicCatalog catalog;

	StatementMail(LedgerBook book, StatementPayments payments, ProactiveMessages messages, MessageSource wording,
			ClinicCatalog catalog) {
		this.book = book;
		this.payments = payments;
		this.messages = messages;
		this.wording = wording;
		this.catalog = catalog;
	}

	sealed interface Sending {

		record Queued(UUID messageId, String paymentUrl) implements Sending {
		}

		/** No email address, or the patient opted out. */
		record Refused(String reason) implements Sending {
		}

		record NotFound() implements Sending {
		}

	}

	Sending send(UUID invoiceId) {
		var found = book.invoice(invoiceId);
		if (found.isEmpty() || found.get().patient() == null) {
			return new Sending.NotFound();
		}
		LedgerBook.InvoiceView invoice = found.get();
		String url = payments.open(invoiceId) instanceof StatementPayments.Opening.Opened opened ? opened.url() : null;
		ClinicSnapshot clinic = catalog.snapshot();
		ProactiveMessages.Outcome outcome = messages.notice(new PatientId(invoice.patient().id().value()),
				text("statement.subject", clinic.profile().name()), body(invoice, url, clinic), null);
		if (outcome instanceof ProactiveMessages.Outcome.Queued queued) {
			return new Sending.Queued(queued.messageId(), url);
		}
		return new Sending.Refused(outcome instanceof ProactiveMessages.Outcome.Refused refused ? refused.reason()
				: "not now: " + outcome);
	}

	private String body(LedgerBook.InvoiceView invoice, String url, ClinicSnapshot clinic) {
		Statement statement = invoice.statement();
		List<String> lines = new ArrayList<>();
		lines.add(text("statement.intro", invoice.service(), DAY.format(invoice.visitAt().atZone(clinic.zone()))));
		lines.add("");
		statement.charges().forEach(charge -> lines.add(text("statement.line", charge.description(), charge.amount())));
		if (!statement.depositsApplied().isZero()) {
			lines.add(text("statement.deposit", statement.depositsApplied()));
		}
		if (!statement.adjustments().isZero()) {
			lines.add(text("statement.adjustments", statement.adjustments()));
		}
		if (!statement.writeOffs().isZero()) {
			lines.add(text("statement.write-offs", statement.writeOffs()));
		}
		if (!statement.paymentsTotal().isZero()) {
			lines.add(text("statement.payments", statement.paymentsTotal()));
		}
		Money balance = statement.balance();
		lines.add(text("statement.balance", balance));
		lines.add("");
		lines.add(balance.signum() <= 0 ? text("statement.paid") : url == null ? "" : text("statement.pay", url));
		return String.join("\n", lines).strip();
	}

	private String text(String key, Object... args) {
		return wording.getMessage(key, args, Locale.ENGLISH);
	}

}
