package io.smiledesk.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deposits in the console, beside their module: those still to pay with their deadline
 * and payment page, those staff must look at, the ones settled lately, and waiving one.
 * The front office handles them, as in the staff API.
 */
@Controller
@ConsolePage
@RequestMapping("/console/deposits")
@PreAuthorize(Access.FRONT_OFFICE)
class DepositConsoleController {

	static final int SHOWN = 200;

	static final Duration SETTLED_SHOWN = Duration.ofDays(30);

	private final DepositBoard board;

	private final DepositSettlement settlement;

	private final StripeGateway gateway;

	private final DepositWording wording;

	private final ClinicCatalog catalog;

	private final Clock clock;

	DepositConsoleController(DepositBoard board, DepositSettlement settlement, StripeGateway gateway,
			DepositWording wording, ClinicCatalog catalog, Clock clock) {
		this.board = board;
		this.settlement = settlement;
		this.gateway = gateway;
		this.wording = wording;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping
	String page(Model model) {
		ClinicSnapshot clinic = catalog.snapshot();
		model.addAttribute("collecting", gateway.configured());
		model.addAttribute("policy", wording.policy(clinic.rules().cancellationNotice()));
		model.addAttribute("awaiting", board.awaiting(clinic, SHOWN));
		model.addAttribute("review", board.toReview(clinic, SHOWN));
		model.addAttribute("settled", board.settledSince(clinic, clock.instant().minus(SETTLED_SHOWN), SHOWN));
		model.addAttribute("zone", clinic.zone());
		return "console/deposits/page";
	}

	@PostMapping("/{appointmentId}/waive")
	String waive(@PathVariable UUID appointmentId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		DepositSettlement.Waiver waiver = settlement.waive(appointmentId);
		if (waiver instanceof DepositSettlement.Waiver.Waived) {
			redirect.addFlashAttribute("notice", "deposits.notice.waived");
			return "redirect:/console/deposits";
		}
		if (waiver instanceof DepositSettlement.Waiver.NotFound) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("status", 404);
			model.addAttribute("message", "error.not-found");
			return "console/error";
		}
		boolean settled = waiver instanceof DepositSettlement.Waiver.NotWaivable;
		response.setStatus(settled ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_GATEWAY);
		model.addAttribute("problem", settled ? "deposits.problem.not-waivable" : "deposits.problem.provider");
		model.addAttribute("problemDetail",
				waiver instanceof DepositSettlement.Waiver.ProviderFailed failed ? failed.detail() : null);
		return page(model);
	}

}
