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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A visit's statement in the console, printable, and its PDF: every member of staff;
 * emailing it to the patient: the front office.
 */
@Controller
@ConsolePage
@RequestMapping("/console/invoices/{id}")
@PreAuthorize(Access.ANY_STAFF)
class InvoiceConsoleController {

	private final LedgerBook book;

	private final ClinicCatalog catalog;

	private final StatementMail mail;

	InvoiceConsoleController(LedgerBook book, ClinicCatalog catalog, StatementMail mail) {
		this.book = book;
		this.catalog = catalog;
		this.mail = mail;
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
		model.addAttribute("mayPost", StaffName.frontOffice());
		return "console/billing/invoice";
	}

	/**
	 * Emails the statement, with a payment page when one can be opened (front office).
	 */
	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/send")
	String send(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StatementMail.Sending sending = mail.send(id);
		if (sending instanceof StatementMail.Sending.NotFound) {
			return LedgerConsoleController.notFound(model, response);
		}
		if (sending instanceof StatementMail.Sending.Refused refused) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problem", refused.reason());
			return page(id, model, response);
		}
		redirect.addFlashAttribute("notice", ((StatementMail.Sending.Queued) sending).paymentUrl() == null
				? "invoice.notice.sent" : "invoice.notice.sent-with-link");
		return "redirect:/console/invoices/" + id;
	}

	@GetMapping("/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return book.invoice(id)
			.map(invoice -> InvoiceRestController.pdfResponse(invoice, catalog))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
