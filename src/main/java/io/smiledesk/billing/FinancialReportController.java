package io.smiledesk.billing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The financial report in the console: a table per provider, production and collections
 * per month as a chart, and the same figures as CSV. The practice's takings are the front
 * office's and the managers', as billing is; clinicians read their patients' ledgers, not
 * the practice's books.
 */
@Controller
@ConsolePage
@RequestMapping("/console/reports")
@PreAuthorize(Access.FRONT_OFFICE)
class FinancialReportController {

	/** A year of the ledger at most in one report. */
	static final long LONGEST_DAYS = 366;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final FinancialReport reports;

	private final ClinicCatalog catalog;

	private final MessageSource messages;

	private final Clock clock;

	FinancialReportController(FinancialReport reports, ClinicCatalog catalog, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.catalog = catalog;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/financial")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			Locale locale, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate[] range = range(from, to, errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			errors.replaceAll((field, key) -> messages.getMessage(key, null, locale));
			range = range(null, null, new LinkedHashMap<>());
		}
		FinancialReport.Report report = reports.of(range[0], range[1]);
		model.addAttribute("errors", errors);
		model.addAttribute("from", errors.isEmpty() ? range[0].toString() : from);
		model.addAttribute("to", errors.isEmpty() ? range[1].toString() : to);
		model.addAttribute("report", report);
		model.addAttribute("chart", chart(report, locale));
		return "console/billing/financial";
	}

	@GetMapping("/financial.csv")
	ResponseEntity<?> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate[] range = range(from, to, errors);
		if (!errors.isEmpty()) {
			String field = errors.keySet().iterator().next();
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Map.of("type", "about:blank", "title", "Bad Request", "status", 400, "detail",
						messages.getMessage(errors.get(field), null, Locale.ENGLISH), "errors",
						List.of(Map.of("field", field))));
		}
		FinancialReport.Report report = reports.of(range[0], range[1]);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("financial-" + range[0] + "-" + range[1] + ".csv")
						.build()
						.toString())
			.body(FinancialCsv.of(report));
	}

	/**
	 * The days asked for, this month so far by default; message keys of the refusals in
	 * {@code errors}.
	 */
	private LocalDate[] range(String from, String to, Map<String, String> errors) {
		LocalDate today = LocalDate.now(clock.withZone(catalog.snapshot().zone()));
		LocalDate first = date("from", from, errors);
		LocalDate last = date("to", to, errors);
		if (!errors.isEmpty()) {
			return new LocalDate[0];
		}
		last = last != null ? last : today;
		first = first != null ? first : last.withDayOfMonth(1);
		if (last.isBefore(first)) {
			errors.put("to", "financial.error.order");
		}
		else if (ChronoUnit.DAYS.between(first, last) >= LONGEST_DAYS) {
			errors.put("to", "financial.error.long");
		}
		return new LocalDate[] { first, last };
	}

	private static LocalDate date(String field, String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "financial.error.date");
			return null;
		}
	}

	/** Production and collections per month, in the chart script's shape. */
	private String chart(FinancialReport.Report report, Locale locale) {
		List<String> labels = report.months().stream().map(month -> month.month().toString()).toList();
		List<BigDecimal> production = report.months().stream().map(FinancialReport.Month::production).toList();
		List<BigDecimal> collections = report.months().stream().map(FinancialReport.Month::collections).toList();
		return JSON.writeValueAsString(Map.of("labels", labels, "series", List.of(
				Map.of("label", messages.getMessage("financial.production", null, locale), "data", production),
				Map.of("label", messages.getMessage("financial.collections", null, locale), "data", collections))));
	}

}
