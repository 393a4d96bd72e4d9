package io.smiledesk.billing;

import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A visit's statement as JSON, or as a PDF for {@code Accept: application/pdf}. */
@RestController
@PreAuthorize(Access.ANY_STAFF)
class InvoiceRestController {

	private final LedgerBook book;

	private final ClinicCatalog catalog;

	InvoiceRestController(LedgerBook book, ClinicCatalog catalog) {
		this.book = book;
		this.catalog = catalog;
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
