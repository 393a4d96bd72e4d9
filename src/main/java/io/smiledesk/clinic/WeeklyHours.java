package io.smiledesk.clinic;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Time ranges per weekday, sorted and non-overlapping. */
public record WeeklyHours(Map<DayOfWeek, List<TimeRange>> days) {

	public WeeklyHours {
		EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
		days.forEach((day, ranges) -> {
			List<TimeRange> sorted = new ArrayList<>(ranges);
			sorted.sort(Comparator.comparing(TimeRange::start));
			for (int i = 1; i < sorted.size(); i++) {
				if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
					throw new IllegalArgumentException("Overlapping time ranges on " + day);
				}
			}
			if (!sorted.isEmpty()) {
				copy.put(day, List.copyOf(sorted));
			}
		});
		days = Collections.unmodifiableMap(copy);
	}

	public static WeeklyHours none() {
		return new WeeklyHours(Map.of());
	}

	public List<TimeRange> on(DayOfWeek day) {
		return days.getOrDefault(day, List.of());
	}

	static WeeklyHours of(Collection<WeeklyPeriod> periods) {
		Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
		periods
			.forEach(period -> days.computeIfAbsent(period.dayOfWeek(), day -> new ArrayList<>()).add(period.range()));
		return new WeeklyHours(days);
	}

	List<WeeklyPeriod> toPeriods() {
		List<WeeklyPeriod> periods = new ArrayList<>();
		days.forEach((day, ranges) -> ranges.forEach(range -> periods.add(new WeeklyPeriod(day, range))));
		return periods;
	}

}
