package io.smiledesk.console;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.ClinicAdministration;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ProviderRole;
import io.smiledesk.clinic.SetupRefused;
import io.smiledesk.clinic.WeeklyHours;
import io.smiledesk.console.SettingsForms.ClosureForm;
import io.smiledesk.console.SettingsForms.HoursForm;
import io.smiledesk.console.SettingsForms.ProviderForm;
import io.smiledesk.console.SettingsForms.RulesForm;
import io.smiledesk.console.SettingsForms.ServiceForm;
import io.smiledesk.system.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's set-up for those who run the practice: opening hours, booking rules,
 * closures, providers and services. Every change goes through
 * {@link ClinicAdministration}, as the admin API's do, under the same rule.
 */
@Controller
@PreAuthorize(Access.MANAGERS)
@RequestMapping("/console/settings")
class SettingsController {

	private static final Map<SetupRefused.Field, String> CLOSURE_FIELDS = Map.of(SetupRefused.Field.CLOSURE_END,
			"endsOn");

	private static final Map<SetupRefused.Field, String> RULES_FIELDS = Map.of(SetupRefused.Field.BOOKING_HORIZON,
			"maxBookingHorizonDays", SetupRefused.Field.SLOT_INTERVAL, "slotIntervalMinutes",
			SetupRefused.Field.HOLD_TIME, "holdMinutes");

	private static final Map<SetupRefused.Field, String> PROVIDER_FIELDS = Map.of(SetupRefused.Field.NAME, "name",
			SetupRefused.Field.LANGUAGES, "languages");

	private static final Map<SetupRefused.Field, String> SERVICE_FIELDS = Map.of(SetupRefused.Field.NAME, "name",
			SetupRefused.Field.DURATION, "durationMinutes", SetupRefused.Field.BUFFER, "bufferMinutes",
			SetupRefused.Field.PROVIDER_ROLES, "roles");

	private final ClinicCatalog catalog;

	private final ClinicAdministration administration;

	SettingsController(ClinicCatalog catalog, ClinicAdministration administration) {
		this.catalog = catalog;
		this.administration = administration;
	}

	// --- opening hours, booking rules and closures

	@GetMapping
	String index(Model model) {
		return index(model, Map.of());
	}

	@PostMapping("/hours")
	String saveHours(@ModelAttribute("hours") HoursForm form, BindingResult errors, RedirectAttributes redirect,
			Model model) {
		Map<Integer, String> rowErrors = new HashMap<>();
		WeeklyHours hours = form.read("opening_hours", rowErrors, errors);
		if (errors.hasErrors()) {
			return index(model, rowErrors);
		}
		ClinicSnapshot clinic = catalog.snapshot();
		administration.configure(clinic.profile(), clinic.rules(), hours);
		return saved(redirect, "settings.saved.hours", "/console/settings");
	}

	@PostMapping("/rules")
	String saveRules(@ModelAttribute("rules") RulesForm form, BindingResult errors, RedirectAttributes redirect,
			Model model) {
		BookingRules rules = form.read(errors);
		if (!errors.hasErrors()) {
			ClinicSnapshot clinic = catalog.snapshot();
			try {
				administration.configure(clinic.profile(), rules, clinic.openingHours());
				return saved(redirect, "settings.saved.rules", "/console/settings");
			}
			catch (SetupRefused refused) {
				SettingsForms.reject(refused, errors, RULES_FIELDS, null);
			}
		}
		return index(model, Map.of());
	}

	@PostMapping("/closures")
	String addClosure(@ModelAttribute("closure") ClosureForm form, BindingResult errors, RedirectAttributes redirect,
			Model model) {
		LocalDate startsOn = SettingsForms.date(errors, "startsOn", form.startsOn());
		LocalDate endsOn = SettingsForms.date(errors, "endsOn", form.endsOn());
		String reason = SettingsForms.required(errors, "reason", form.reason(), 200);
		if (!errors.hasErrors()) {
			try {
				administration.addClosure(startsOn, endsOn, reason);
				return saved(redirect, "settings.saved.closure", "/console/settings");
			}
			catch (SetupRefused refused) {
				SettingsForms.reject(refused, errors, CLOSURE_FIELDS, null);
			}
		}
		return index(model, Map.of());
	}

	@PostMapping("/closures/{id}/delete")
	String removeClosure(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			administration.removeClosure(id);
		}
		catch (SetupRefused refused) {
			throw new ConsoleErrors.NotFound("Closure");
		}
		return saved(redirect, "settings.saved.closure-removed", "/console/settings");
	}

	/** An empty period row for a day (htmx adds it to the day's rows). */
	@GetMapping("/period")
	String period(@RequestParam DayOfWeek day, Model model) {
		model.addAttribute("day", day);
		return "console/settings/fragments :: period";
	}

	private String index(Model model, Map<Integer, String> rowErrors) {
		ClinicSnapshot clinic = catalog.snapshot();
		if (!model.containsAttribute("hours")) {
			model.addAttribute("hours", HoursForm.of(clinic.openingHours()));
		}
		if (!model.containsAttribute("rules")) {
			model.addAttribute("rules", RulesForm.of(clinic.rules()));
		}
		if (!model.containsAttribute("closure")) {
			model.addAttribute("closure", ClosureForm.empty());
		}
		model.addAttribute("days", ((HoursForm) model.getAttribute("hours")).byDay(rowErrors));
		model.addAttribute("closures", clinic.closures());
		return "console/settings/index";
	}

	// --- providers

	@GetMapping("/providers")
	String providers(Model model) {
		model.addAttribute("providers", catalog.snapshot().providers());
		model.addAttribute("weekdays", DayOfWeek.values());
		return "console/settings/providers";
	}

	@GetMapping("/providers/new")
	String newProvider(Model model) {
		return providerForm(model, ProviderForm.empty(), null, Map.of());
	}

	@GetMapping("/providers/{id}")
	String editProvider(@PathVariable String id, Model model) {
		return providerForm(model, ProviderForm.of(provider(id)), id, Map.of());
	}

	@PostMapping("/providers")
	String createProvider(@ModelAttribute("provider") ProviderForm form, BindingResult errors,
			RedirectAttributes redirect, Model model) {
		return saveProvider(null, form, errors, redirect, model);
	}

	@PostMapping("/providers/{id}")
	String updateProvider(@PathVariable String id, @ModelAttribute("provider") ProviderForm form, BindingResult errors,
			RedirectAttributes redirect, Model model) {
		return saveProvider(provider(id), form, errors, redirect, model);
	}

	private String saveProvider(ProviderInfo existing, ProviderForm form, BindingResult errors,
			RedirectAttributes redirect, Model model) {
		String id = null;
		if (existing == null && form.id() != null && !form.id().isBlank()) {
			id = form.id().strip();
			if (!SettingsForms.ID.matcher(id).matches()) {
				errors.rejectValue("id", "settings.error.id", "must be lowercase letters, digits, - or _");
			}
		}
		String name = SettingsForms.required(errors, "name", form.name(), 200);
		ProviderRole role = null;
		try {
			role = ProviderRole.valueOf(String.valueOf(form.role()));
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("role", "settings.error.role", "is not a provider role");
		}
		String title = SettingsForms.optional(errors, "title", form.title(), 100);
		String bio = SettingsForms.optional(errors, "bio", form.bio(), 2000);
		Map<Integer, String> rowErrors = new HashMap<>();
		WeeklyHours hours = form.hours().read("working_hours", rowErrors, errors);
		if (!errors.hasErrors()) {
			boolean active = Boolean.TRUE.equals(form.active());
			try {
				if (existing == null) {
					ProviderInfo created = administration.createProvider(new ClinicAdministration.ProviderDraft(id,
							name, role, title, bio, form.languageList(), active, hours, WeeklyHours.none()));
					return saved(redirect, "settings.saved.provider", "/console/settings/providers/" + created.id());
				}
				administration.updateProvider(existing.id(), new ClinicAdministration.ProviderDraft(existing.id(), name,
						role, title, bio, form.languageList(), active, hours, existing.breaks()));
				return saved(redirect, "settings.saved.provider", "/console/settings/providers/" + existing.id());
			}
			catch (SetupRefused refused) {
				SettingsForms.reject(refused, errors, PROVIDER_FIELDS, existing == null ? "id" : "name");
			}
		}
		return providerForm(model, form, existing == null ? null : existing.id(), rowErrors);
	}

	private String providerForm(Model model, ProviderForm form, String id, Map<Integer, String> rowErrors) {
		if (!model.containsAttribute("provider")) {
			model.addAttribute("provider", form);
		}
		model.addAttribute("providerId", id);
		model.addAttribute("roles", ProviderRole.values());
		model.addAttribute("days", form.hours().byDay(rowErrors));
		return "console/settings/provider";
	}

	private ProviderInfo provider(String id) {
		return catalog.snapshot().provider(id).orElseThrow(() -> new ConsoleErrors.NotFound("Provider"));
	}

	// --- services

	@GetMapping("/services")
	String services(Model model) {
		ClinicSnapshot clinic = catalog.snapshot();
		model.addAttribute("services", clinic.services());
		model.addAttribute("currency", clinic.profile().currency());
		return "console/settings/services";
	}

	@GetMapping("/services/new")
	String newService(Model model) {
		return serviceForm(model, ServiceForm.empty(), null);
	}

	@GetMapping("/services/{id}")
	String editService(@PathVariable String id, Model model) {
		return serviceForm(model,
				ServiceForm
					.of(catalog.snapshot().serviceById(id).orElseThrow(() -> new ConsoleErrors.NotFound("Service"))),
				id);
	}

	@PostMapping("/services")
	String createService(@ModelAttribute("service") ServiceForm form, BindingResult errors, RedirectAttributes redirect,
			Model model) {
		return saveService(null, form, errors, redirect, model);
	}

	@PostMapping("/services/{id}")
	String updateService(@PathVariable String id, @ModelAttribute("service") ServiceForm form, BindingResult errors,
			RedirectAttributes redirect, Model model) {
		catalog.snapshot().serviceById(id).orElseThrow(() -> new ConsoleErrors.NotFound("Service"));
		return saveService(id, form, errors, redirect, model);
	}

	private String saveService(String existing, ServiceForm form, BindingResult errors, RedirectAttributes redirect,
			Model model) {
		String id = null;
		if (existing == null && form.id() != null && !form.id().isBlank()) {
			id = form.id().strip();
			if (!SettingsForms.ID.matcher(id).matches()) {
				errors.rejectValue("id", "settings.error.id", "must be lowercase letters, digits, - or _");
			}
		}
		String name = SettingsForms.required(errors, "name", form.name(), 120);
		String description = SettingsForms.optional(errors, "description", form.description(), 1000);
		Integer duration = SettingsForms.number(errors, "durationMinutes", form.durationMinutes(), 5, 480);
		Integer buffer = SettingsForms.number(errors, "bufferMinutes", form.bufferMinutes(), 0, 120);
		BigDecimal price = SettingsForms.price(errors, "price", form.price());
		Set<ProviderRole> roles = EnumSet.noneOf(ProviderRole.class);
		for (String role : form.roles() == null ? List.<String>of() : form.roles()) {
			try {
				roles.add(ProviderRole.valueOf(role));
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("roles", "settings.error.role", "is not a provider role");
			}
		}
		if (!errors.hasErrors()) {
			ClinicAdministration.ServiceDraft draft = new ClinicAdministration.ServiceDraft(
					existing != null ? existing : id, name, description, duration, buffer, price, roles,
					Boolean.TRUE.equals(form.active()));
			try {
				String saved = existing == null ? administration.createService(draft).id()
						: administration.updateService(existing, draft).id();
				return saved(redirect, "settings.saved.service", "/console/settings/services/" + saved);
			}
			catch (SetupRefused refused) {
				SettingsForms.reject(refused, errors, SERVICE_FIELDS, existing == null ? "id" : "name");
			}
		}
		return serviceForm(model, form, existing);
	}

	private String serviceForm(Model model, ServiceForm form, String id) {
		if (!model.containsAttribute("service")) {
			model.addAttribute("service", form);
		}
		model.addAttribute("serviceId", id);
		model.addAttribute("roles", ProviderRole.values());
		model.addAttribute("currency", catalog.snapshot().profile().currency());
		return "console/settings/service";
	}

	private static String saved(RedirectAttributes redirect, String message, String to) {
		redirect.addFlashAttribute("saved", message);
		return "redirect:" + to;
	}

}
