package io.smiledesk.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.analytics.PracticeAnalytics;
import io.smiledesk.analytics.PracticeReport;
import io.smiledesk.analytics.PracticeReport.HourCount;
import io.smiledesk.analytics.PracticeReport.Week;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The practice's figures as charts, each with its numbers in a table below. The charts'
 * data travels in a JSON data block (the Content-Security-Policy allows no inline
 * script); static/assets/analytics.js draws them with Chart.js.
 */
@Controller
@PreAuthorize(Access.MANAGERS)
class AnalyticsController {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final PracticeAnalytics analytics;

	private final MessageSource messages;

	AnalyticsController(PracticeAnalytics analytics, MessageSource messages) {
		this.analytics = analytics;
		this.messages = messages;
	}

	@GetMapping("/console/analytics")
	String analytics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model, Locale locale, HttpServletResponse response) {
		model.addAttribute("from", from == null ? "" : from);
		model.addAttribute("to", to == null ? "" : to);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate start = date("from", from, errors, locale);
		LocalDate end = date("to", to, errors, locale);
		PracticeReport report = null;
		if (errors.isEmpty()) {
			try {
				report = analytics.report(start, end);
			}
			catch (ApiProblem problem) {
				String field = SettingsForms.refusals(problem).keySet().stream().findFirst().orElse("from");
				errors.put(field, message("analytics.error." + field, locale));
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			report = analytics.report(null, null);
		}
		else {
			model.addAttribute("from", report.from().toString());
			model.addAttribute("to", report.to().toString());
		}
		model.addAttribute("errors", errors);
		model.addAttribute("report", report);
		model.addAttribute("sources", CreatedFrom.values());
		model.addAttribute("grid", HourGrid.of(report));
		model.addAttribute("totals", Totals.of(report));
		model.addAttribute("chartData", chartData(report, locale));
		return "console/analytics";
	}

	private LocalDate date(String field, String value, Map<String, String> errors, Locale locale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, message("analytics.error.date", locale));
			return null;
		}
	}

	/**
	 * The charts' data as JSON safe inside a script element: no {@code <} can close it.
	 */
	private String chartData(PracticeReport report, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<String> weeks = report.weeks().stream().map(week -> week.startsOn().toString()).toList();
		data.put("weeks", weeks);
		List<Map<String, Object>> sources = new ArrayList<>();
		for (CreatedFrom source : CreatedFrom.values()) {
			String key = PracticeAnalytics.source(source.name());
			sources.add(series(message("analytics.source." + source.name(), locale),
					report.weeks().stream().map(week -> week.bookingsBySource().get(key)).toList()));
		}
		data.put("bookings", sources);
		data.put("conversion",
				List.of(series(message("analytics.conversion.rate", locale), percents(report, Week::chatConversion))));
		data.put("noShows",
				List.of(series(message("analytics.no-shows.rate", locale), percents(report, Week::noShowRate))));
		data.put("handoffs",
				Map.of("labels", report.handoffsByReason().stream().map(r -> r.reason()).toList(), "series",
						List.of(series(message("analytics.handoffs.count", locale),
								report.handoffsByReason().stream().map(r -> r.count()).toList()))));
		HourGrid grid = HourGrid.of(report);
		List<Map<String, Object>> days = new ArrayList<>();
		for (HourGrid.Line line : grid.lines()) {
			days.add(series(message("settings.day." + line.day(), locale), line.counts()));
		}
		data.put("hours", Map.of("labels", grid.hours().stream().map(hour -> "%02d:00".formatted(hour)).toList(),
				"series", days));
		data.put("percent", message("analytics.axis.percent", locale));
		data.put("count", message("analytics.axis.count", locale));
		return JSON.writeValueAsString(data).replace("<", "\\u003c");
	}

	private static List<Double> percents(PracticeReport report, Function<Week, Double> rate) {
		return report.weeks()
			.stream()
			.map(rate)
			.map(value -> value == null ? null : Math.round(value * 1000) / 10.0)
			.toList();
	}

	private static Map<String, Object> series(String label, List<?> values) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("data", values);
		return series;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/**
	 * Appointments per weekday and hour, from the earliest to the latest hour with any,
	 * Monday first; all days are listed.
	 */
	record HourGrid(List<Integer> hours, List<Line> lines) {

		record Line(DayOfWeek day, List<Integer> counts) {
		}

		static HourGrid of(PracticeReport report) {
			int first = report.busiestHours().stream().mapToInt(HourCount::hour).min().orElse(8);
			int last = report.busiestHours().stream().mapToInt(HourCount::hour).max().orElse(17);
			List<Integer> hours = new ArrayList<>();
			for (int hour = first; hour <= last; hour++) {
				hours.add(hour);
			}
			List<Line> lines = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				List<Integer> counts = new ArrayList<>();
				for (int hour : hours) {
					counts.add(report.busiestHours()
						.stream()
						.filter(cell -> cell.weekday() == day && cell.hour() == hour)
						.mapToInt(HourCount::count)
						.sum());
				}
				lines.add(new Line(day, counts));
			}
			return new HourGrid(hours, lines);
		}

	}

	/** The whole range at a glance. */
	record Totals(int bookings, int conversations, int chatBookings, Double conversion, int completed, int noShows,
			Double noShowRate) {

		static Totals of(PracticeReport report) {
			int bookings = report.weeks().stream().mapToInt(Week::bookings).sum();
			int conversations = report.weeks().stream().mapToInt(Week::chatConversations).sum();
			int booked = report.weeks().stream().mapToInt(Week::chatBookings).sum();
			int completed = report.weeks().stream().mapToInt(Week::completed).sum();
			int noShows = report.weeks().stream().mapToInt(Week::noShows).sum();
			return new Totals(bookings, conversations, booked,
					conversations == 0 ? null : (double) booked / conversations, completed, noShows,
					completed + noShows == 0 ? null : (double) noShows / (completed + noShows));
		}

	}

}
