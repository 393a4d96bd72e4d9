package io.smiledesk.console;

import jakarta.servlet.http.HttpServletRequest;

import io.smiledesk.staff.StaffPrincipal;
import io.smiledesk.system.ConsolePage;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's layout needs: who is signed in, the navigation for their
 * role, the current section, and whether the request came from htmx (fragments only).
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class, annotations = ConsolePage.class)
class ConsoleModel {

	@ModelAttribute
	void layout(@AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request, Model model) {
		if (staff != null) {
			model.addAttribute("staff", staff);
			model.addAttribute("navigation", ConsoleNavigation.forRole(staff.role()));
		}
		model.addAttribute("section", ConsoleNavigation.of(request.getRequestURI()));
		model.addAttribute("htmx", request.getHeader("HX-Request") != null);
	}

}
