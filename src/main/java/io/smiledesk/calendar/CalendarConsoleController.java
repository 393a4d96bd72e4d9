package io.smiledesk.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.staff.StaffPrincipal;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Staff calendars in the console's settings, beside their module: the iCalendar feeds
 * (made, listed, revoked; a new feed's secret address shown once, on the answer to the
 * form, never stored) and each provider's Google Calendar sync. Managers only, like the
 * two APIs.
 */
@Controller
@ConsolePage
@RequestMapping("/console/settings/calendars")
@PreAuthorize(Access.MANAGERS)
class CalendarConsoleController {

	private static final String PAGE = "console/settings/calendars";

	private final CalendarFeeds feeds;

	private final CalendarLinks links;

	private final CalendarWatch watch;

	private final CalendarImport imports;

	private final GoogleCalendarApi api;

	private final CalendarProperties properties;

	private final ClinicCatalog catalog;

	private final Clock clock;

	CalendarConsoleController(CalendarFeeds feeds, CalendarLinks links, CalendarWatch watch, CalendarImport imports,
			GoogleCalendarApi api, CalendarProperties properties, ClinicCatalog catalog, Clock clock) {
		this.feeds = feeds;
		this.links = links;
		this.watch = watch;
		this.imports = imports;
		this.api = api;
		this.properties = properties;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A new feed: one provider's, or the clinic's when {@code providerId} is empty. */
	record FeedForm(@Size(max = 100) String providerId) {
	}

	record LinkForm(@NotBlank @Size(max = 300) String calendarId) {
	}

	/**
	 * A provider's row in the sync table.
	 *
	 * @param link the calendar linked, or null
	 */
	record SyncRow(String providerId, String providerName, CalendarLinks.Link link, boolean watched) {
	}

	@GetMapping
	String page(Model model) {
		return show(model);
	}

	@PostMapping("/feeds")
	String createFeed(@Valid @ModelAttribute("feed") FeedForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal staff, Model model, HttpServletResponse response) {
		if (!errors.hasErrors()) {
			String providerId = form.providerId() == null || form.providerId().isBlank() ? null
					: form.providerId().strip();
			CalendarFeeds.Creation creation = feeds.create(providerId, staff.id().toString());
			if (creation instanceof CalendarFeeds.Made made) {
				// the page is the only place the secret is ever shown: keep it out of
				// caches
				response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
				model.addAttribute("createdUrl",
						CalendarFeedAdminRestController.feedUrl(properties, made.created().token()));
				model.addAttribute("createdFor", providerId);
				model.addAttribute("feed", new FeedForm(""));
				return show(model);
			}
			errors.rejectValue("providerId", "calendars.feed.provider.unknown");
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return show(model);
	}

	@PostMapping("/feeds/{id}/revoke")
	String revoke(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!feeds.revoke(id)) {
			return notFound(model, response);
		}
		redirect.addFlashAttribute("saved", "calendars.feed.revoked");
		return "redirect:/console/settings/calendars";
	}

	/** Links the provider's calendar, opens a push channel and reads it in full. */
	@PostMapping("/sync/{providerId}")
	String connect(@PathVariable String providerId, @Valid @ModelAttribute("link") LinkForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (catalog.snapshot().provider(providerId).isEmpty()) {
			return notFound(model, response);
		}
		if (!api.configured()) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("syncProblem", "calendars.sync.not-configured");
			return show(model);
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("linkFor", providerId);
			model.addAttribute("linkError", "calendars.sync.calendar-id.invalid");
			return show(model);
		}
		CalendarLinks.Link link = links.link(providerId, form.calendarId().strip());
		watch.ensure(link);
		imports.sync(providerId);
		redirect.addFlashAttribute("saved", "calendars.sync.connected");
		return "redirect:/console/settings/calendars";
	}

	@PostMapping("/sync/{providerId}/now")
	String syncNow(@PathVariable String providerId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<CalendarLinks.Link> link = links.ofProvider(providerId);
		if (link.isEmpty()) {
			return notFound(model, response);
		}
		if (!api.configured()) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("syncProblem", "calendars.sync.not-configured");
			return show(model);
		}
		imports.sync(providerId);
		redirect.addFlashAttribute("saved", "calendars.sync.synced");
		return "redirect:/console/settings/calendars";
	}

	@PostMapping("/sync/{providerId}/disconnect")
	String disconnect(@PathVariable String providerId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<CalendarLinks.Link> link = links.ofProvider(providerId);
		if (link.isEmpty()) {
			return notFound(model, response);
		}
		watch.stopQuietly(link.get());
		links.unlink(providerId);
		redirect.addFlashAttribute("saved", "calendars.sync.disconnected");
		return "redirect:/console/settings/calendars";
	}

	private String show(Model model) {
		ClinicSnapshot clinic = catalog.snapshot();
		Map<String, String> names = clinic.providers()
			.stream()
			.collect(Collectors.toMap(ProviderInfo::id, ProviderInfo::name));
		Map<String, CalendarLinks.Link> linked = links.all()
			.stream()
			.collect(Collectors.toMap(CalendarLinks.Link::providerId, Function.identity()));
		Instant now = clock.instant();
		List<SyncRow> rows = new ArrayList<>();
		for (ProviderInfo provider : clinic.providers()) {
			CalendarLinks.Link link = linked.get(provider.id());
			if (provider.active() || link != null) {
				rows.add(new SyncRow(provider.id(), provider.name(), link, link != null && link.watched(now)));
			}
		}
		if (!model.containsAttribute("feed")) {
			model.addAttribute("feed", new FeedForm(""));
		}
		model.addAttribute("feeds", feeds.list());
		model.addAttribute("providerNames", names);
		model.addAttribute("providers", clinic.activeProviders());
		model.addAttribute("syncRows", rows);
		model.addAttribute("configured", api.configured());
		model.addAttribute("zone", clinic.zone());
		return PAGE;
	}

	private static String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("message", "error.not-found");
		return "console/error";
	}

}
