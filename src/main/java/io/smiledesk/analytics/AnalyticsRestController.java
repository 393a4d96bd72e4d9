package io.smiledesk.analytics;

import java.time.LocalDate;

import io.smiledesk.system.Access;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The practice's figures for integrators (reporting tools, spreadsheets). */
@RestController
class AnalyticsRestController {

	private final PracticeAnalytics analytics;

	AnalyticsRestController(PracticeAnalytics analytics) {
		this.analytics = analytics;
	}

	/**
	 * Figures for clinic-local dates from and to (inclusive); by default the last twelve
	 * weeks up to today.
	 */
	@PreAuthorize(Access.MANAGERS)
	@GetMapping(path = "/api/v1/admin/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
	PracticeReport report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return analytics.report(from, to);
	}

}
