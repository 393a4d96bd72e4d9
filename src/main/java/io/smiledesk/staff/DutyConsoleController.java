package io.smiledesk.staff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;
import io.smiledesk.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff duty hours in the console's settings, beside the roster they edit: each active
 * member's week, and one member's week at a time to change. Managers only, like the duty
 * API; a change goes through {@link DutyRoster}, so it is checked and audited the same
 * way.
 */
@Controller
@ConsolePage
@RequestMapping("/console/settings/duty")
@PreAuthorize(Access.MANAGERS)
class DutyConsoleController {

	private static final String PAGE = "console/settings/duty";

	private static final String FRAGMENT = PAGE + " :: duty";

	private final StaffAccounts accounts;

	private final DutyRoster roster;

	DutyConsoleController(StaffAccounts accounts, DutyRoster roster) {
		this.accounts = accounts;
		this.roster = roster;
	}

	/** An active member of staff and their week, in week order. */
	record Member(StaffMember member, List<DutyHours> hours) {
	}

	@GetMapping
	String page(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		return show(model, null, null, Map.of(), htmx);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		Optional<StaffMember> member = find(id);
		if (member.isEmpty()) {
			return notFound(model, response);
		}
		return show(model, member.get(), DutyForm.of(roster.hours(id)), Map.of(), htmx);
	}

	@PostMapping("/{id}")
	String save(@PathVariable UUID id, @ModelAttribute("duty") DutyForm form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<StaffMember> member = find(id);
		if (member.isEmpty()) {
			return notFound(model, response);
		}
		Map<String, String> errors = new HashMap<>();
		List<DutyHours> week = form.read(errors);
		if (errors.isEmpty()) {
			try {
				roster.replace(id, week);
			}
			catch (InvalidInputException refused) {
				// overlapping or too many stretches: the week as a whole
				errors.put("hours", refused.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(model, member.get(), form, errors, htmx);
		}
		if (htmx != null) {
			model.addAttribute("saved", "duty.saved");
			return show(model, null, null, Map.of(), htmx);
		}
		redirect.addFlashAttribute("saved", "duty.saved");
		return "redirect:/console/settings/duty";
	}

	private String show(Model model, StaffMember editing, DutyForm form, Map<String, String> errors, String htmx) {
		List<Member> members = new ArrayList<>();
		for (StaffMember member : accounts.list()) {
			if (member.active()) {
				members.add(new Member(member, roster.hours(member.id())));
			}
		}
		model.addAttribute("members", members);
		model.addAttribute("editing", editing);
		model.addAttribute("rows", form == null ? List.of() : form.rows());
		model.addAttribute("errors", errors);
		return htmx != null ? FRAGMENT : PAGE;
	}

	private Optional<StaffMember> find(UUID id) {
		return accounts.list().stream().filter(member -> member.id().equals(id)).findFirst();
	}

	private static String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("message", "error.not-found");
		return "console/error";
	}

}
