package io.smiledesk.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;
import io.smiledesk.system.InvalidInputException;

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
 * The waitlist in the console, beside its module: who is waiting, putting a patient on
 * the list, taking one off, and the freed times of a range with each offer and its state.
 * The front office manages it, as in the staff API.
 */
@Controller
@ConsolePage
@RequestMapping("/console/waitlist")
@PreAuthorize(Access.FRONT_OFFICE)
class WaitlistConsoleController {

	static final int ENTRIES_SHOWN = 200;

	static final int FREED_SHOWN = 200;

	/** As long as the offers API allows. */
	static final int MAX_RANGE_DAYS = 92;

	/** The API's field names, as the form calls them. */
	private static final Map<String, String> FIELDS = Map.of("name", "name", "email", "email", "phone", "phone",
			"service_name", "service", "earliest", "earliest", "latest", "latest", "parts_of_day", "partsOfDay",
			"appointment_id", "appointmentId", "expires_at", "expiresOn");

	private final Waitlist waitlist;

	private final WaitlistBoard board;

	private final ClinicCatalog catalog;

	private final Clock clock;

	WaitlistConsoleController(Waitlist waitlist, WaitlistBoard board, ClinicCatalog catalog, Clock clock) {
		this.waitlist = waitlist;
		this.board = board;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A patient to put on the list; {@code expiresOn} is the last clinic-local day. */
	record EntryForm(@NotBlank @Size(max = 200) String name, @Size(max = 254) String email,
			@Size(max = 32) String phone, @NotBlank @Size(max = 200) String service,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate earliest,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate latest, List<PartOfDay> partsOfDay,
			UUID appointmentId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {

		static EntryForm blank(LocalDate today) {
			return new EntryForm("", "", "", "", today, today.plusDays(14), List.of(), null, null);
		}

	}

	/** The clinic-local days whose freed times are shown, both included. */
	record RangeForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
	}

	@GetMapping
	String page(@ModelAttribute("range") RangeForm range, BindingResult rangeErrors, Model model,
			HttpServletResponse response) {
		if (!model.containsAttribute("entry")) {
			model.addAttribute("entry", EntryForm.blank(today()));
		}
		return show(range, rangeErrors, model, response);
	}

	@PostMapping
	String join(@Valid @ModelAttribute("entry") EntryForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Waitlist.Outcome outcome = waitlist.joinByStaff(
						new Waitlist.Contact(form.name(), form.email(), form.phone()),
						new Waitlist.Wish(form.service(), form.earliest(), form.latest(), parts(form.partsOfDay()),
								form.appointmentId(), form.expiresOn() == null ? null
										: form.expiresOn().plusDays(1).atStartOfDay(zone()).toInstant()));
				if (outcome instanceof Waitlist.Outcome.Joined joined) {
					redirect.addFlashAttribute("notice",
							joined.existing() ? "waitlist.notice.already" : "waitlist.notice.added");
					return "redirect:/console/waitlist";
				}
				Waitlist.Outcome.Refused refused = (Waitlist.Outcome.Refused) outcome;
				errors.rejectValue(field(refused.field()), "invalid", refused.reason());
			}
			catch (InvalidInputException ex) {
				// the contact details, read by the patient module
				errors.rejectValue(field(ex.field()), "invalid", ex.getMessage());
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return show(new RangeForm(null, null), null, model, response);
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!waitlist.withdraw(id)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("status", 404);
			model.addAttribute("message", "error.not-found");
			return "console/error";
		}
		redirect.addFlashAttribute("notice", "waitlist.notice.withdrawn");
		return "redirect:/console/waitlist";
	}

	private String show(RangeForm range, BindingResult rangeErrors, Model model, HttpServletResponse response) {
		ClinicSnapshot clinic = catalog.snapshot();
		LocalDate today = today();
		LocalDate from = range.from() != null ? range.from() : today.minusDays(7);
		LocalDate to = range.to() != null ? range.to() : today.plusDays(14);
		String rangeProblem = null;
		if (rangeErrors != null && rangeErrors.hasErrors()) {
			rangeProblem = "waitlist.range.invalid";
		}
		else if (to.isBefore(from)) {
			rangeProblem = "waitlist.range.reversed";
		}
		else if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
			rangeProblem = "waitlist.range.too-long";
		}
		if (rangeProblem != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			from = today.minusDays(7);
			to = today.plusDays(14);
		}
		model.addAttribute("rangeProblem", rangeProblem);
		model.addAttribute("maxRangeDays", MAX_RANGE_DAYS);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("waiting", board.waiting(clinic, ENTRIES_SHOWN));
		model.addAttribute("freed", board.freed(clinic, from.atStartOfDay(clinic.zone()).toInstant(),
				to.plusDays(1).atStartOfDay(clinic.zone()).toInstant(), FREED_SHOWN));
		model.addAttribute("services", clinic.services().stream().filter(ServiceInfo::active).toList());
		model.addAttribute("parts", PartOfDay.values());
		model.addAttribute("zone", clinic.zone());
		return "console/waitlist/page";
	}

	private static java.util.Set<PartOfDay> parts(List<PartOfDay> chosen) {
		java.util.Set<PartOfDay> parts = EnumSet.noneOf(PartOfDay.class);
		if (chosen != null) {
			chosen.stream().filter(java.util.Objects::nonNull).forEach(parts::add);
		}
		return parts;
	}

	private static String field(String apiField) {
		return FIELDS.getOrDefault(apiField, "name");
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone()));
	}

	private ZoneId zone() {
		return catalog.snapshot().zone();
	}

}
