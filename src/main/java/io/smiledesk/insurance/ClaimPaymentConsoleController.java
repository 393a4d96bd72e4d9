package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.format.annotation.DateTimeFormat;
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
 * Recording the insurer's payment of a claim in the console: what it paid and what the
 * clinic writes off, per procedure, posted through {@link ClaimPayments} as the staff API
 * does. The front office only.
 */
@Controller
@ConsolePage
@RequestMapping("/console/insurance/claims/{id}/payment")
@PreAuthorize(Access.FRONT_OFFICE)
class ClaimPaymentConsoleController {

	private final Claims claims;

	private final ClaimPayments payments;

	ClaimPaymentConsoleController(Claims claims, ClaimPayments payments) {
		this.claims = claims;
		this.payments = payments;
	}

	record LineForm(@NotNull UUID lineId, BigDecimal paid, BigDecimal writtenOff) {
	}

	record PaymentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@Size(max = 100) String reference, @NotEmpty @Size(max = 50) List<@NotNull @Valid LineForm> lines) {

		/** The insurer's estimate as the likely payment, nothing written off. */
		static PaymentForm of(Claim claim, LocalDate today) {
			return new PaymentForm(today, "",
					claim.lines()
						.stream()
						.map(line -> new LineForm(line.id(), line.estimate(claim.currency()).amount(), null))
						.toList());
		}

	}

	/** A claim line as the form shows it beside its inputs. */
	record LineRow(int lineNo, String code, String description, String fee, String estimate) {
	}

	@GetMapping
	String page(@PathVariable UUID id, Model model, HttpServletResponse response) {
		Optional<Claims.ClaimView> view = claims.read(id);
		if (view.isEmpty()) {
			return InsuranceForms.notFound(model, response);
		}
		return show(view.get(), PaymentForm.of(view.get().claim(), claims.today()), model);
	}

	@PostMapping
	String post(@PathVariable UUID id, @Valid @ModelAttribute("payment") PaymentForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			Result<Claims.ClaimView> result = payments.post(id, form.paidOn(), form.reference(),
					form.lines()
						.stream()
						.map(line -> new ClaimPayments.LinePayment(line.lineId(), line.paid(), line.writtenOff()))
						.toList());
			if (result instanceof Result.Done<Claims.ClaimView>) {
				redirect.addFlashAttribute("notice", "claims.notice.paid");
				return "redirect:/console/insurance/claims";
			}
			Result.Refused<Claims.ClaimView> refused = (Result.Refused<Claims.ClaimView>) result;
			if (refused.reason() == Result.Reason.NOT_FOUND) {
				return InsuranceForms.notFound(model, response);
			}
			reject(refused, errors);
			response.setStatus(InsuranceForms.status(refused));
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		Optional<Claims.ClaimView> view = claims.read(id);
		if (view.isEmpty()) {
			return InsuranceForms.notFound(model, response);
		}
		return show(view.get(), form, model);
	}

	/** A line's amounts are refused as {@code lines[i]}: shown at its paid amount. */
	private static void reject(Result.Refused<?> refused, BindingResult errors) {
		String subject = refused.subject();
		if (subject.equals("paid_on")) {
			errors.rejectValue("paidOn", "insurance.refused", refused.detail());
		}
		else if (subject.matches("lines\\[\\d+]")) {
			errors.rejectValue(subject + ".paid", "insurance.refused", refused.detail());
		}
		else {
			errors.reject("insurance.refused", refused.detail());
		}
	}

	private String show(Claims.ClaimView view, PaymentForm form, Model model) {
		Claim claim = view.claim();
		String currency = claim.currency();
		model.addAttribute("claimId", claim.id());
		model.addAttribute("serviceDate", claim.serviceDate());
		model.addAttribute("carrier", view.coverage() == null ? "-" : view.coverage().carrier().name());
		model.addAttribute("claimStatus", claim.status().json());
		model.addAttribute("currency", currency);
		model.addAttribute("rows", claim.lines()
			.stream()
			.map(line -> new LineRow(line.lineNo(), line.procedureCode(), line.description(),
					line.fee(currency).amount().toPlainString(), line.estimate(currency).amount().toPlainString()))
			.toList());
		if (form.lines() == null || form.lines().size() != claim.lines().size()) {
			// a form that lost or gained lines cannot be shown against the claim's: start
			// again
			model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "payment");
			model.addAttribute("payment", PaymentForm.of(claim, claims.today()));
			model.addAttribute("problem", "payment.lines-mismatch");
		}
		else if (!model.containsAttribute("payment")) {
			model.addAttribute("payment", form);
		}
		return "console/insurance/payment";
	}

}
