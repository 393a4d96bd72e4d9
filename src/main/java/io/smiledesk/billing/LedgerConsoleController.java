package io.smiledesk.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's ledger in the console: entries with the running balance, the visits'
 * statements, taking a payment at the desk, adjustments and write-offs. Every member of
 * staff reads; the front office and managers take payments, as in the staff API.
 */
@Controller
@ConsolePage
@RequestMapping("/console/patients/{patientId}/ledger")
class LedgerConsoleController {

	static final List<String> METHODS = List.of("cash", "check", "card_terminal");

	private final LedgerBook book;

	private final LedgerPosting posting;

	private final ClinicCatalog catalog;

	LedgerConsoleController(LedgerBook book, LedgerPosting posting, ClinicCatalog catalog) {
		this.book = book;
		this.posting = posting;
		this.catalog = catalog;
	}

	/**
	 * @param key made when the form is shown: submitting it twice posts once
	 */
	record PaymentForm(@NotNull BigDecimal amount, @NotBlank @Size(max = 20) String method,
			@Size(max = 255) String reference, UUID invoiceId, @Size(max = 64) String key) {

		static PaymentForm blank() {
			return new PaymentForm(null, "cash", "", null, UUID.randomUUID().toString());
		}

	}

	/**
	 * @param kind adjustment (signed: positive raises what is owed) or write_off
	 */
	record AdjustmentForm(@NotBlank @Size(max = 20) String kind, @NotNull BigDecimal amount,
			@Size(max = 200) String reason, UUID invoiceId, @Size(max = 64) String key) {

		static AdjustmentForm blank() {
			return new AdjustmentForm("adjustment", null, "", null, UUID.randomUUID().toString());
		}

	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping
	String page(@PathVariable UUID patientId, Model model, HttpServletResponse response) {
		return show(patientId, model, response);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/adjustments")
	String adjust(@PathVariable UUID patientId, @Valid @ModelAttribute("adjustment") AdjustmentForm form,
			BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			EntryKind kind = switch (form.kind()) {
				case "adjustment" -> EntryKind.ADJUSTMENT;
				case "write_off" -> EntryKind.WRITE_OFF;
				default -> null;
			};
			if (kind == null) {
				errors.rejectValue("kind", "invalid", "must be adjustment or write_off");
			}
			else {
				LedgerPosting.Outcome outcome = posting
					.post(new LedgerPosting.Post(patientId, form.invoiceId(), kind, null, form.amount(), null,
							blankToNull(form.reason()), blankToNull(form.key()), BillingJson.fingerprint(form)));
				if (outcome instanceof LedgerPosting.Outcome.Posted) {
					redirect.addFlashAttribute("notice", "ledger.notice.adjusted");
					return "redirect:/console/patients/" + patientId + "/ledger";
				}
				LedgerPosting.Outcome.Rejected rejected = (LedgerPosting.Outcome.Rejected) outcome;
				if (rejected.refusal() == LedgerPosting.Refusal.PATIENT_NOT_FOUND) {
					return notFound(model, response);
				}
				errors.rejectValue(switch (rejected.field()) {
					case "invoice_id" -> "invoiceId";
					case "amount", "kind", "reason" -> rejected.field();
					default -> "key";
				}, "invalid", rejected.detail());
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return show(patientId, model, response);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/payments")
	String pay(@PathVariable UUID patientId, @Valid @ModelAttribute("payment") PaymentForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			PaymentMethod method = PaymentMethod.parse(form.method())
				.filter(PaymentMethod::recordedByStaff)
				.orElse(null);
			if (method == null) {
				errors.rejectValue("method", "invalid", "must be cash, check or card_terminal");
			}
			else {
				LedgerPosting.Outcome outcome = posting.post(new LedgerPosting.Post(patientId, form.invoiceId(),
						EntryKind.PAYMENT, method, form.amount(), null, blankToNull(form.reference()),
						blankToNull(form.key()), BillingJson.fingerprint(form)));
				if (outcome instanceof LedgerPosting.Outcome.Posted) {
					redirect.addFlashAttribute("notice", "ledger.notice.paid");
					return "redirect:/console/patients/" + patientId + "/ledger";
				}
				LedgerPosting.Outcome.Rejected rejected = (LedgerPosting.Outcome.Rejected) outcome;
				if (rejected.refusal() == LedgerPosting.Refusal.PATIENT_NOT_FOUND) {
					return notFound(model, response);
				}
				errors.rejectValue(switch (rejected.field()) {
					case "invoice_id" -> "invoiceId";
					case "amount", "method" -> rejected.field();
					default -> "key";
				}, "invalid", rejected.detail());
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return show(patientId, model, response);
	}

	private String show(UUID patientId, Model model, HttpServletResponse response) {
		var ledger = book.ofPatient(patientId);
		if (ledger.isEmpty()) {
			return notFound(model, response);
		}
		if (!model.containsAttribute("payment")) {
			model.addAttribute("payment", PaymentForm.blank());
		}
		if (!model.containsAttribute("adjustment")) {
			model.addAttribute("adjustment", AdjustmentForm.blank());
		}
		model.addAttribute("ledger", ledger.get());
		model.addAttribute("methods", METHODS);
		model.addAttribute("mayPost", StaffName.frontOffice());
		model.addAttribute("zone", catalog.snapshot().zone());
		return "console/billing/ledger";
	}

	static String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("message", "error.not-found");
		return "console/error";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
