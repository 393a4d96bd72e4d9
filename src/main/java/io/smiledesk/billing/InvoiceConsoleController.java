package io.smiledesk.billing;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** A visit's statement in the console, printable, and its PDF. Every member of staff. */
@Controller
@ConsolePage
@RequestMapping("/console/invoices/{id}")
@PreAuthorize(Access.ANY_STAFF)
class InvoiceConsoleController {

	private final LedgerBook book;

	private final ClinicCatalog catalog;

	InvoiceConsoleController(LedgerBook book, ClinicCatalog catalog) {
		this.book = book;
		this.catalog = catalog;
	}

	@GetMapping
	String page(@PathVariable UUID id, Model model, HttpServletResponse response) {
		var invoice = book.invoice(id);
		if (invoice.isEmpty()) {
			return LedgerConsoleController.notFound(model, response);
		}
		model.addAttribute("invoice", invoice.get());
		model.addAttribute("clinic", catalog.snapshot().profile());
		model.addAttribute("zone", catalog.snapshot().zone());
		return "console/billing/invoice";
	}

	@GetMapping("/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return book.invoice(id)
			.map(invoice -> InvoiceRestController.pdfResponse(invoice, catalog))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
