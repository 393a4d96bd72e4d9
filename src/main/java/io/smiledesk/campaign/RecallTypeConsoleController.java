package io.smiledesk.campaign;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.staff.StaffPrincipal;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recall types in the console: the front office sees them, managers change one or add
 * one, with the same checks as the staff API.
 */
@Controller
@ConsolePage
@RequestMapping("/console/campaigns/recall-types")
@PreAuthorize(Access.FRONT_OFFICE)
class RecallTypeConsoleController {

	private static final Set<StaffRole> EDITORS = Set.of(StaffRole.ADMIN, StaffRole.OFFICE_MANAGER);

	private final RecallTypes types;

	private final ClinicCatalog catalog;

	RecallTypeConsoleController(RecallTypes types, ClinicCatalog catalog) {
		this.types = types;
		this.catalog = catalog;
	}

	record RecallTypeForm(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}") String code,
			@NotBlank @Size(max = 200) String name, List<String> services, @NotBlank @Size(max = 20) String interval,
			@Size(max = 10) String audience) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		return page(staff, new RecallTypeForm(null, null, List.of(), null, null), model);
	}

	@PostMapping
	@PreAuthorize(Access.MANAGERS)
	String change(@Valid @ModelAttribute("recallType") RecallTypeForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal staff, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!errors.hasErrors()) {
			RecallTypes.Outcome outcome = types.change(form.code(), new RecallTypes.Change(form.name(),
					form.services() == null ? List.of() : form.services(), form.interval(), form.audience()));
			if (outcome instanceof RecallTypes.Outcome.Changed) {
				redirect.addFlashAttribute("notice", "recall-types.saved");
				return "redirect:/console/campaigns/recall-types";
			}
			RecallTypes.Outcome.Rejected rejected = (RecallTypes.Outcome.Rejected) outcome;
			errors.rejectValue(rejected.field(), "recall-types.invalid", rejected.reason());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return page(staff, form, model);
	}

	private String page(StaffPrincipal staff, RecallTypeForm form, Model model) {
		model.addAttribute("types", types.all());
		model.addAttribute("skipped",
				types.all().stream().filter(type -> !types.offered(type)).map(type -> type.code()).toList());
		model.addAttribute("services",
				catalog.snapshot().services().stream().filter(ServiceInfo::active).map(ServiceInfo::name).toList());
		model.addAttribute("canEdit", staff != null && EDITORS.contains(staff.role()));
		if (!model.containsAttribute("recallType")) {
			model.addAttribute("recallType", form);
		}
		return "console/campaigns/recall-types";
	}

}
