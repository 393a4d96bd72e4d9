package io.smiledesk.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.ReasonStatus;
import io.smiledesk.system.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's landing page: the day at the clinic, one column per provider, and the
 * patients expected around now with what can be done for them.
 */
@Controller
class TodayController {

	private static final int MAX_REASON = 500;

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	private final ScheduleViews views;

	private final Booking booking;

	TodayController(ScheduleViews views, Booking booking) {
		this.views = views;
		this.booking = booking;
	}

	@ModelAttribute("can")
	ScheduleAccess can() {
		return ScheduleAccess.current();
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping("/console")
	String today(@RequestParam(required = false) String date, Model model, HttpServletResponse response) {
		Optional<LocalDate> day = date == null || date.isBlank() ? Optional.of(views.today())
				: ScheduleViews.parseDate(date);
		if (day.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("dateText", date);
			model.addAttribute("dateError", "schedule.date.invalid");
		}
		else {
			addDay(model, day.get());
		}
		return htmx(model) ? "console/schedule/day :: day-body" : "console/today";
	}

	@PreAuthorize(Access.VISIT_CLOSERS)
	@PostMapping("/console/appointments/{id}/complete")
	String complete(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return acted(id, booking.complete(id, null, null), "schedule.done.completed", model, response);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/console/appointments/{id}/confirm")
	String confirm(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return acted(id, booking.confirm(id, Booking.Actor.staff()), "schedule.done.confirmed", model, response);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/console/appointments/{id}/no-show")
	String noShow(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return acted(id, booking.markNoShow(id), "schedule.done.no-show", model, response);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/console/appointments/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
			HttpServletResponse response) {
		String text = reason == null || reason.isBlank() ? null : reason.trim();
		if (text != null && text.length() > MAX_REASON) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("result", new Result(id, null, null, "schedule.cancel.reason.too-long", reason));
			return actionView(model);
		}
		return acted(id, booking.cancel(id, text, Booking.Actor.staff()), "schedule.done.cancelled", model, response);
	}

	/**
	 * The panel again with the outcome on the appointment's row (and the day's calendar,
	 * swapped out of band); a refusal carries the domain's reason and status.
	 */
	private String acted(UUID id, Booking.Outcome outcome, String done, Model model, HttpServletResponse response) {
		if (outcome instanceof Booking.Rejected rejected) {
			response.setStatus(ReasonStatus.of(rejected.reason()).value());
			model.addAttribute("result", new Result(id, null, rejected.message(), null, null));
		}
		else {
			model.addAttribute("result", new Result(id, done, null, null, null));
		}
		return actionView(model);
	}

	private String actionView(Model model) {
		addDay(model, views.today());
		UUID acted = ((Result) model.getAttribute("result")).id();
		@SuppressWarnings("unchecked")
		List<ScheduleViews.Card> around = (List<ScheduleViews.Card>) model.getAttribute("around");
		// acted on from elsewhere (a link, an old page): the outcome shows above the
		// panel
		model.addAttribute("resultElsewhere", around.stream().noneMatch(card -> card.id().equals(acted)));
		return htmx(model) ? "console/schedule/day :: acted" : "console/today";
	}

	private static boolean htmx(Model model) {
		return Boolean.TRUE.equals(model.getAttribute("htmx"));
	}

	/** Any other console path: a console 404 page (more specific mappings win). */
	@GetMapping("/console/**")
	String unknown() {
		throw new ConsoleErrors.NotFound("Page");
	}

	/** What the day view shows, also after an action on the current-hour panel. */
	void addDay(Model model, LocalDate date) {
		LocalDate today = views.today();
		model.addAttribute("dateText", date.toString());
		model.addAttribute("day", views.day(date));
		model.addAttribute("previous", date.minusDays(1));
		model.addAttribute("next", date.plusDays(1));
		model.addAttribute("isToday", date.equals(today));
		model.addAttribute("today", today);
		if (date.equals(today)) {
			addCurrentHour(model);
		}
	}

	void addCurrentHour(Model model) {
		model.addAttribute("around", views.aroundNow());
		ZoneId zone = views.clinic().zone();
		model.addAttribute("aroundFrom", HOURS.format(views.now().minus(ScheduleViews.AROUND_NOW).atZone(zone)));
		model.addAttribute("aroundTo", HOURS.format(views.now().plus(ScheduleViews.AROUND_NOW).atZone(zone)));
	}

	/**
	 * What became of an action on one appointment: done (a message key), refused (the
	 * domain's reason), or bad input (a message key, with the typed reason kept).
	 */
	record Result(UUID id, String done, String refusal, String inputError, String reason) {
	}

}
