package io.smiledesk.insurance;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * What the insurance console pages share: a refusal of the domain put next to the form
 * field it names (the API's field names, mapped per form), the not-found page, and
 * whether the signed-in member of staff sees the forms.
 */
final class InsuranceForms {

	/** As {@code Access.FRONT_OFFICE}. */
	private static final Set<String> FRONT_OFFICE = Set.of("ROLE_ADMIN", "ROLE_OFFICE_MANAGER", "ROLE_FRONT_DESK");

	private InsuranceForms() {
	}

	/**
	 * Puts the refusal on the form field its subject maps to (an INVALID field, or a
	 * CONFLICT type), else on the form as a whole.
	 */
	static void reject(Result.Refused<?> refused, BindingResult errors, Map<String, String> fields) {
		String field = fields.get(refused.subject());
		if (field != null) {
			errors.rejectValue(field, "insurance.refused", refused.detail());
		}
		else {
			errors.reject("insurance.refused", refused.detail());
		}
	}

	/** The HTTP status of a refusal shown on its form again. */
	static int status(Result.Refused<?> refused) {
		return refused.reason() == Result.Reason.CONFLICT ? HttpServletResponse.SC_CONFLICT
				: HttpServletResponse.SC_BAD_REQUEST;
	}

	static String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("message", "error.not-found");
		return "console/error";
	}

	static boolean frontOffice() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(granted -> FRONT_OFFICE.contains(granted.getAuthority()));
	}

}
