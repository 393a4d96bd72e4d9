package io.smiledesk.billing;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.payment.CheckoutLinks;
import io.smiledesk.payment.Money;
import io.smiledesk.payment.PaymentEvents.StatementPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Card payments online: a Stripe Checkout page for what a statement still asks, and the
 * payment posted once when Stripe reports the page paid (keyed by the session, however
 * often Stripe sends it).
 */
@Component
class StatementPayments {

	private static final Logger log = LoggerFactory.getLogger(StatementPayments.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final LedgerBook book;

	private final CheckoutLinks links;

	private final InvoiceRepository invoices;

	private final LedgerEntryRepository entries;

	private final ClinicCatalog catalog;

	private final Clock clock;

	StatementPayments(LedgerBook book, CheckoutLinks links, InvoiceRepository invoices, LedgerEntryRepository entries,
			ClinicCatalog catalog, Clock clock) {
		this.book = book;
		this.links = links;
		this.invoices = invoices;
		this.entries = entries;
		this.catalog = catalog;
		this.clock = clock;
	}

	sealed interface Opening {

		record Opened(String url, Money amount) implements Opening {
		}

		record NothingOwed() implements Opening {
		}

		record NotFound() implements Opening {
		}

		record Failed(CheckoutLinks.Link why) implements Opening {
		}

	}

	Opening open(UUID invoiceId) {
		Optional<LedgerBook.InvoiceView> found = book.invoice(invoiceId);
		if (found.isEmpty()) {
			return new Opening.NotFound();
		}
		LedgerBook.InvoiceView invoice = found.get();
		Money owed = invoice.statement().balance();
		if (owed.signum() <= 0) {
			return new Opening.NothingOwed();
		}
		String description = catalog.snapshot().profile().name() + ": " + invoice.service() + ", "
				+ DAY.format(invoice.visitAt().atZone(catalog.snapshot().zone()));
		CheckoutLinks.Link link = links.open(invoiceId.toString(), owed, description);
		return link instanceof CheckoutLinks.Link.Opened opened ? new Opening.Opened(opened.url(), owed)
				: new Opening.Failed(link);
	}

	/** In the transaction that records Stripe's event as processed. */
	@EventListener
	void on(StatementPaid paid) {
		Optional<Invoice> invoice = parse(paid.statementId()).flatMap(invoices::findById);
		if (invoice.isEmpty()) {
			log.warn("Stripe session {} paid for unknown statement {}", paid.sessionId(), paid.statementId());
			return;
		}
		String key = "stripe:" + paid.sessionId();
		if (entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key).isEmpty()) {
			entries.save(LedgerEntry.payment(invoice.get().patientId(), invoice.get().id(), PaymentMethod.CARD_ONLINE,
					Money.exact(paid.amount(), paid.currency()), paid.paymentIntentId(), clock.instant(), key, null,
					null));
		}
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
