package io.smiledesk.clinic;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.smiledesk.system.ApiProblem;

/**
 * Weekly hours on the wire: {"monday": [{"start": "08:00", "end": "17:00"}], ...}. The
 * console reads its forms through here too, so both refuse the same hours the same way.
 */
public final class HoursJson {

	public record Range(String start, String end) {
	}

	private HoursJson() {
	}

	public static Map<String, List<Range>> write(WeeklyHours hours) {
		Map<String, List<Range>> days = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day.name().toLowerCase(Locale.ROOT),
					hours.on(day)
						.stream()
						.map(range -> new Range(range.start().toString(), range.end().toString()))
						.toList());
		}
		return days;
	}

	/**
	 * @throws ApiProblem 400 naming the field (e.g. opening_hours.monday[1]) of the first
	 * range refused
	 */
	public static WeeklyHours read(String field, Map<String, List<Range>> json) {
		if (json == null) {
			return WeeklyHours.none();
		}
		Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
		json.forEach((name, ranges) -> {
			DayOfWeek day;
			try {
				day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalidField(field + "." + name, "is not a day of the week (use monday ... sunday)");
			}
			List<TimeRange> parsed = new ArrayList<>();
			for (int i = 0; ranges != null && i < ranges.size(); i++) {
				parsed.add(range(field + "." + name + "[" + i + "]", ranges.get(i)));
			}
			days.put(day, parsed);
		});
		try {
			return new WeeklyHours(days);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField(field, ex.getMessage());
		}
	}

	private static TimeRange range(String field, Range range) {
		if (range == null || range.start() == null || range.end() == null) {
			throw ApiProblem.invalidField(field,
					"needs start and end, like {\"start\": \"08:00\", \"end\": \"17:00\"}");
		}
		try {
			LocalTime start = LocalTime.parse(range.start());
			LocalTime end = LocalTime.parse(range.end());
			if (start.getMinute() % 5 != 0 || end.getMinute() % 5 != 0 || start.getSecond() != 0
					|| end.getSecond() != 0) {
				throw ApiProblem.invalidField(field, "times must be on a 5-minute boundary");
			}
			return new TimeRange(start, end);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalidField(field, "times must look like 08:00");
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField(field, "start must be before end");
		}
	}

}
