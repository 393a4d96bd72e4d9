package io.smiledesk.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Managers opt providers in to Google Calendar sync and see how it goes. */
@RestController
@RequestMapping(path = "/api/v1/admin/calendar-sync", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.MANAGERS)
class CalendarSyncAdminRestController {

	private final CalendarLinks links;

	private final CalendarWatch watch;

	private final CalendarImport imports;

	private final GoogleCalendarApi api;

	private final ClinicCatalog catalog;

	private final Clock clock;

	CalendarSyncAdminRestController(CalendarLinks links, CalendarWatch watch, CalendarImport imports,
			GoogleCalendarApi api, ClinicCatalog catalog, Clock clock) {
		this.links = links;
		this.watch = watch;
		this.imports = imports;
		this.api = api;
		this.catalog = catalog;
		this.clock = clock;
	}

	record LinkJson(@NotBlank @Size(max = 300) String calendarId) {
	}

	record StatusJson(String providerId, String calendarId, boolean watched, Instant channelExpiresAt,
			Instant lastSyncedAt, String lastError) {

		static StatusJson of(CalendarLinks.Link link, Instant now) {
			return new StatusJson(link.providerId(), link.calendarId(), link.watched(now), link.channelExpiresAt(),
					link.lastSyncedAt(), link.lastError());
		}

	}

	@GetMapping
	Map<String, Object> list() {
		Instant now = clock.instant();
		List<StatusJson> statuses = links.all().stream().map(link -> StatusJson.of(link, now)).toList();
		return Map.of("configured", api.configured(), "providers", statuses);
	}

	/** Links the provider's calendar, opens a push channel and reads it in full. */
	@PutMapping("/{providerId}")
	StatusJson link(@PathVariable String providerId, @Valid @RequestBody LinkJson body) {
		if (catalog.snapshot().provider(providerId).isEmpty()) {
			throw ApiProblem.notFound("provider", "There is no provider '" + providerId + "'.");
		}
		requireConfigured();
		CalendarLinks.Link link = links.link(providerId, body.calendarId().strip());
		watch.ensure(link);
		imports.sync(providerId);
		return StatusJson.of(links.ofProvider(providerId).orElseThrow(), clock.instant());
	}

	@PostMapping("/{providerId}/sync")
	StatusJson syncNow(@PathVariable String providerId) {
		CalendarLinks.Link link = links.ofProvider(providerId)
			.orElseThrow(() -> ApiProblem.notFound("calendar-link", providerId + " does not sync a calendar."));
		requireConfigured();
		imports.sync(link.providerId());
		return StatusJson.of(links.ofProvider(providerId).orElseThrow(), clock.instant());
	}

	@DeleteMapping("/{providerId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlink(@PathVariable String providerId) {
		CalendarLinks.Link link = links.ofProvider(providerId)
			.orElseThrow(() -> ApiProblem.notFound("calendar-link", providerId + " does not sync a calendar."));
		watch.stopQuietly(link);
		links.unlink(providerId);
	}

	private void requireConfigured() {
		if (!api.configured()) {
			throw ApiProblem.conflict("google-calendar-not-configured",
					"Google Calendar credentials are not set (SMILEDESK_GOOGLE_CALENDAR_*).");
		}
	}

}
