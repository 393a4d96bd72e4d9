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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card payments online: a Stripe Checkout page for what a statement still asks, and the
 * payment posted once when Stripe reports the page paid (keyed by the session, however
 * often Stripe sends it, also by two events handled at the same moment).
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

	private final TransactionTemplate ownTransaction;

	StatementPayments(LedgerBook book, CheckoutLinks links, InvoiceRepository invoices, LedgerEntryRepository entries,
			ClinicCatalog catalog, Clock clock, PlatformTransactionManager transactions) {
		this.book = book;
		this.links = links;
		this.invoices = invoices;
		this.entries = entries;
		this.catalog = catalog;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

	/**
	 * Posts the payment once per session. The check and the insert run in a transaction
	 * of their own: two events for one session handled at the same moment can both find
	 * nothing posted, and the unique key then refuses the second insert, which is read as
	 * posted before (both events end processed). Called in the transaction that records
	 * Stripe's event as processed.
	 */
	@EventListener
	void on(StatementPaid paid) {
		Optional<Invoice> invoice = parse(paid.statementId()).flatMap(invoices::findById);
		if (invoice.isEmpty()) {
			log.warn("Stripe session {} paid for unknown statement {}", paid.sessionId(), paid.statementId());
			return;
		}
		String key = "stripe:" + paid.sessionId();
		try {
			ownTransaction.executeWithoutResult(status -> {
				if (entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key).isEmpty()) {
					entries.saveAndFlush(LedgerEntry.payment(invoice.get().patientId(), invoice.get().id(),
							PaymentMethod.CARD_ONLINE, Money.exact(paid.amount(), paid.currency()),
							paid.paymentIntentId(), clock.instant(), key, null, null));
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (entries.findByClinicIdAndIdempotencyKey(Clinics.DEFAULT, key).isEmpty()) {
				throw ex;
			}
			log.info("Stripe session {} was posted by another event at the same moment", paid.sessionId());
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
