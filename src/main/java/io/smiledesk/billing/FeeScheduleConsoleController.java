package io.smiledesk.billing;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fee schedule in the console: everyone reads the fee per procedure code, managers
 * set one (as they set prices), through {@link FeeSchedule} as the staff API does. With
 * htmx a change answers its row alone: saved, or refused with the reason.
 */
@Controller
@ConsolePage
@RequestMapping("/console/billing/fees")
@PreAuthorize(Access.ANY_STAFF)
class FeeScheduleConsoleController {

	/** As {@code Access.MANAGERS}. */
	private static final java.util.Set<String> MANAGERS = java.util.Set.of("ROLE_ADMIN", "ROLE_OFFICE_MANAGER");

	private final FeeSchedule fees;

	private final MessageSource messages;

	FeeScheduleConsoleController(FeeSchedule fees, MessageSource messages) {
		this.fees = fees;
		this.messages = messages;
	}

	record FeeForm(@NotNull BigDecimal amount) {
	}

	/** A fee as the page shows it (records: templates call public accessors only). */
	record FeeRow(String code, String description, String amount, String currency, boolean overridden) {

		static FeeRow of(Fee fee) {
			return new FeeRow(fee.code(), fee.description(), fee.amount().amount().toPlainString(),
					fee.amount().currency(), fee.overridden());
		}

	}

	@GetMapping
	String page(Model model) {
		return show(model);
	}

	@PreAuthorize(Access.MANAGERS)
	@PostMapping("/{code}")
	String change(@PathVariable String code, @Valid @ModelAttribute("fee") FeeForm form, BindingResult errors,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		if (!errors.hasErrors()) {
			FeeSchedule.Change change = fees.change(code, form.amount());
			if (change instanceof FeeSchedule.Change.Changed changed) {
				if (htmx != null) {
					model.addAttribute("savedCode", code);
					return row(changed.fee(), model);
				}
				redirect.addFlashAttribute("notice", "fees.notice.changed");
				return "redirect:/console/billing/fees";
			}
			if (change instanceof FeeSchedule.Change.UnknownCode) {
				return LedgerConsoleController.notFound(model, response);
			}
			FeeSchedule.Change.Invalid invalid = (FeeSchedule.Change.Invalid) change;
			errors.rejectValue("amount", "invalid", invalid.reason());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		FieldError error = errors.getFieldError("amount");
		model.addAttribute("failed", new Failed(code, java.util.Objects.toString(errors.getFieldValue("amount"), ""),
				error == null ? null : messages.getMessage(error, locale)));
		if (htmx != null) {
			return fees.find(code).map(fee -> row(fee, model)).orElseThrow();
		}
		return show(model);
	}

	/** The row htmx swaps in for the one its form was sent from. */
	private String row(Fee fee, Model model) {
		model.addAttribute("f", FeeRow.of(fee));
		model.addAttribute("mayEdit", true);
		return "console/billing/fees :: row";
	}

	/** The row whose change was refused: what was typed and why. */
	record Failed(String code, String amount, String error) {
	}

	private String show(Model model) {
		model.addAttribute("fees", fees.all().stream().map(FeeRow::of).toList());
		model.addAttribute("mayEdit", manager());
		return "console/billing/fees";
	}

	private static boolean manager() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(granted -> MANAGERS.contains(granted.getAuthority()));
	}

}
