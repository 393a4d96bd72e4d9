package io.smiledesk.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.ConsolePage;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.system.Access;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit trail for administrators, beside the module it shows: newest first, filtered
 * and paged as the REST API does it, and the hash chain checked on request.
 */
@Controller
@ConsolePage
@RequestMapping("/console/audit")
@PreAuthorize(Access.ADMIN)
class AuditLogController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail trail;

	private final ClinicCatalog catalog;

	private final StaffAccounts accounts;

	AuditLogController(AuditTrail trail, ClinicCatalog catalog, StaffAccounts accounts) {
		this.trail = trail;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@GetMapping
	String log(@Valid @ModelAttribute("auditFilter") FilterForm filter, BindingResult errors, Model model,
			HttpServletResponse response) {
		ZoneId zone = zone();
		model.addAttribute("zone", zone);
		model.addAttribute("names", staffNames());
		model.addAttribute("outcomes", AuditEntry.Outcome.values());
		LocalDate from = day(filter.from(), "from", errors);
		LocalDate to = day(filter.to(), "to", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.rejectValue("to", "audit.to-before-from");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "console/audit/log";
		}
		int page = filter.page() == null ? 0 : filter.page();
		AuditTrail.Page found = trail.search(new AuditTrail.Filter(blankToNull(filter.actor()),
				blankToNull(filter.action()), blankToNull(filter.type()), null, outcome(filter.outcome()),
				start(from, zone), to == null ? null : start(to.plusDays(1), zone)), page, PAGE_SIZE);
		model.addAttribute("found", found);
		long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("pages", pages);
		model.addAttribute("previous", page > 0 ? link(filter, page - 1) : null);
		model.addAttribute("next", page + 1 < pages ? link(filter, page + 1) : null);
		return "console/audit/log";
	}

	/** Recomputes the whole chain: on request, as it reads every entry. */
	@GetMapping("/verify")
	String verify(Model model) {
		model.addAttribute("verification", trail.verify());
		return "console/audit/log :: verification";
	}

	/** Times are shown in the clinic's zone (UTC until the clinic is set up). */
	private ZoneId zone() {
		try {
			return catalog.snapshot().zone();
		}
		catch (IllegalStateException notSetUp) {
			return ZoneOffset.UTC;
		}
	}

	/** Account id (as audit entries record it) to name, in name order. */
	private Map<String, String> staffNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (StaffMember member : accounts.list()) {
			names.put(member.id().toString(), member.name());
		}
		return names;
	}

	private static AuditEntry.Outcome outcome(String value) {
		return value == null || value.isBlank() ? null : AuditEntry.Outcome.valueOf(value);
	}

	/** A day as the date field sends it (2025-08-20); blank is no limit. */
	private static LocalDate day(String value, String field, BindingResult errors) {
		if (value == null || value.isBlank() || errors.hasFieldErrors(field)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue(field, "audit.invalid-date");
			return null;
		}
	}

	private static Instant start(LocalDate day, ZoneId zone) {
		return day == null ? null : day.atStartOfDay(zone).toInstant();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String link(FilterForm filter, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/audit");
		add(uri, "action", filter.action());
		add(uri, "type", filter.type());
		add(uri, "actor", filter.actor());
		add(uri, "outcome", filter.outcome());
		add(uri, "from", filter.from());
		add(uri, "to", filter.to());
		uri.queryParam("page", page);
		return uri.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value.strip());
		}
	}

	/**
	 * @param action such as staff.login
	 * @param type the resource type, such as patient
	 * @param actor an account id, public or system
	 * @param from first day, in the clinic's time zone
	 * @param to last day, included
	 */
	record FilterForm(@Size(max = 60) String action, @Size(max = 40) String type, @Size(max = 64) String actor,
			@jakarta.validation.constraints.Pattern(regexp = "|SUCCESS|FAILURE|DENIED") String outcome,
			@Size(max = 10) String from, @Size(max = 10) String to, @Min(0) Integer page) {
	}

}
