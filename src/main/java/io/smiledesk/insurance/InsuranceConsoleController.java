package io.smiledesk.insurance;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claims with their statuses and aging. Everyone reads; the front office moves claims
 * along (clinical roles see no buttons, and are refused).
 */
@Controller
@ConsolePage
@PreAuthorize(Access.ANY_STAFF)
class InsuranceConsoleController {

	private final Claims claims;

	private final ClinicCatalog catalog;

	InsuranceConsoleController(Claims claims, ClinicCatalog catalog) {
		this.claims = claims;
		this.catalog = catalog;
	}

	/**
	 * A claim as the list shows it (records: templates call public accessors only); days
	 * since sent only while open.
	 */
	record Row(UUID id, UUID patientId, LocalDate serviceDate, String carrier, String status, LocalDate sentOn,
			Long days, String bucket, String total, String paid, List<String> next, boolean payable) {

		static Row of(Claims.ClaimView view, LocalDate today) {
			Claim claim = view.claim();
			Long days = claim.status().open() ? claim.daysSinceSent(today).orElse(0) : null;
			return new Row(claim.id(), claim.patientId(), claim.serviceDate(),
					view.coverage() == null ? "-" : view.coverage().carrier().name(), claim.status().json(),
					claim.sentOn(), days, days == null ? null : BUCKETS[ClaimAging.index(days)],
					claim.total().amount().toPlainString(), claim.paid().amount().toPlainString(),
					claim.status()
						.next()
						.stream()
						.filter(next -> next != ClaimStatus.PAID)
						.map(ClaimStatus::json)
						.sorted()
						.toList(),
					claim.status().canBecome(ClaimStatus.PAID));
		}

	}

	@GetMapping("/console/insurance/claims")
	String claims(Model model) {
		LocalDate today = claims.today();
		List<Claims.ClaimView> all = claims.all();
		model.addAttribute("rows", all.stream().map(view -> Row.of(view, today)).toList());
		model.addAttribute("aging", ClaimAging.of(all.stream().map(Claims.ClaimView::claim).toList(), today,
				catalog.snapshot().profile().currency()));
		model.addAttribute("mayPost", InsuranceForms.frontOffice());
		return "console/insurance/claims";
	}

	private static final String[] BUCKETS = { "0-30", "31-60", "61-90", "90+" };

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/console/insurance/claims/{id}/status")
	String move(@PathVariable UUID id, @RequestParam String status, @RequestParam(required = false) String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ClaimStatus target = ClaimStatus.parse(status)
			.filter(s -> s == ClaimStatus.SENT || s == ClaimStatus.RECEIVED || s == ClaimStatus.DENIED)
			.orElse(null);
		Result<Claims.ClaimView> result = target == null ? Result.invalid("status", "must be sent, received or denied")
				: claims.change(id, target, null, reason);
		if (result instanceof Result.Done<Claims.ClaimView>) {
			redirect.addFlashAttribute("notice", "claims.notice.changed");
			return "redirect:/console/insurance/claims";
		}
		Result.Refused<Claims.ClaimView> refused = (Result.Refused<Claims.ClaimView>) result;
		if (refused.reason() == Result.Reason.NOT_FOUND) {
			return notFound(model, response);
		}
		response.setStatus(refused.reason() == Result.Reason.CONFLICT ? HttpServletResponse.SC_CONFLICT
				: HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("problem", refused.detail());
		return claims(model);
	}

	@GetMapping("/console/insurance/claims/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return claims.read(id)
			.map(view -> ClaimRestController.pdfResponse(view, claims, catalog))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static String notFound(Model model, HttpServletResponse response) {
		return InsuranceForms.notFound(model, response);
	}

}
