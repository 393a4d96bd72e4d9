package io.smiledesk.billing;

import java.math.BigDecimal;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.payment.CheckoutLinks;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A visit's statement as JSON, or as a PDF for {@code Accept: application/pdf}. */
@RestController
@PreAuthorize(Access.ANY_STAFF)
class InvoiceRestController {

	private final LedgerBook book;

	private final ClinicCatalog catalog;

	private final StatementPayments payments;

	private final StatementMail mail;

	InvoiceRestController(LedgerBook book, ClinicCatalog catalog, StatementPayments payments, StatementMail mail) {
		this.book = book;
		this.catalog = catalog;
		this.payments = payments;
		this.mail = mail;
	}

	record SentJson(UUID invoiceId, UUID messageId, String paymentUrl) {
	}

	/**
	 * Emails the statement to the patient, with a payment page for what is owed when card
	 * payments online are collected (the front office).
	 */
	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/invoices/{id}/send", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SentJson> send(@PathVariable UUID id) {
		StatementMail.Sending sending = mail.send(id);
		if (sending instanceof StatementMail.Sending.Queued queued) {
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(new SentJson(id, queued.messageId(), queued.paymentUrl()));
		}
		if (sending instanceof StatementMail.Sending.Refused refused) {
			throw ApiProblem.conflict("statement-not-sendable", "The statement cannot be emailed: " + refused.reason());
		}
		throw ApiProblem.notFound("invoice", "No invoice with id " + id + ".");
	}

	record PaymentLinkJson(UUID invoiceId, String paymentUrl, BigDecimal amount, String currency) {
	}

	/** A Stripe Checkout page for what the statement still asks (the front office). */
	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/invoices/{id}/payment-link", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PaymentLinkJson> paymentLink(@PathVariable UUID id) {
		StatementPayments.Opening opening = payments.open(id);
		if (opening instanceof StatementPayments.Opening.Opened opened) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(new PaymentLinkJson(id, opened.url(), opened.amount().amount(), opened.amount().currency()));
		}
		if (opening instanceof StatementPayments.Opening.NothingOwed) {
			throw ApiProblem.conflict("nothing-owed", "Nothing is owed on this invoice.");
		}
		if (opening instanceof StatementPayments.Opening.Failed failed) {
			if (failed.why() instanceof CheckoutLinks.Link.ProviderFailed provider) {
				throw new ApiProblem(HttpStatus.BAD_GATEWAY, "payment-provider-failed", "Payment provider error",
						provider.detail());
			}
			throw ApiProblem.conflict("card-payments-off",
					"Card payments online are not collected here: no Stripe API key is set.");
		}
		throw ApiProblem.notFound("invoice", "No invoice with id " + id + ".");
	}

	@GetMapping(path = "/api/v1/admin/invoices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	BillingJson.InvoiceJson json(@PathVariable UUID id) {
		return BillingJson.InvoiceJson.of(find(id));
	}

	@GetMapping(path = "/api/v1/admin/invoices/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return pdfResponse(find(id), catalog);
	}

	static ResponseEntity<byte[]> pdfResponse(LedgerBook.InvoiceView invoice, ClinicCatalog catalog) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("statement-" + invoice.id() + ".pdf").build().toString())
			.body(InvoicePdf.render(invoice, catalog.snapshot().profile()));
	}

	private LedgerBook.InvoiceView find(UUID id) {
		return book.invoice(id).orElseThrow(() -> ApiProblem.notFound("invoice", "No invoice with id " + id + "."));
	}

}
