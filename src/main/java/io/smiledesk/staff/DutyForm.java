package io.smiledesk.staff;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.smiledesk.system.InvalidInputException;

/**
 * A member's week on the duty page as three parallel lists, a row per stretch: each
 * weekday has its stretches, or one empty row (off duty). Fields stay text, as typed, so
 * that a refused form comes back as it was entered; a row is read by the duty API's own
 * reader, so the page and the API refuse the same input.
 */
record DutyForm(List<String> day, List<String> start, List<String> end) {

	DutyForm {
		day = day == null ? List.of() : day;
		start = start == null ? List.of() : start;
		end = end == null ? List.of() : end;
	}

	static DutyForm of(List<DutyHours> hours) {
		List<String> days = new ArrayList<>();
		List<String> starts = new ArrayList<>();
		List<String> ends = new ArrayList<>();
		for (DayOfWeek weekday : DayOfWeek.values()) {
			List<DutyHours> on = hours.stream().filter(stretch -> stretch.day() == weekday).toList();
			if (on.isEmpty()) {
				days.add(weekday.name());
				starts.add("");
				ends.add("");
			}
			for (DutyHours stretch : on) {
				days.add(weekday.name());
				starts.add(stretch.start().toString());
				ends.add(stretch.end().toString());
			}
		}
		return new DutyForm(days, starts, ends);
	}

	/** A row as shown: its index names its fields ({@code hours[2].end}). */
	record Row(int index, String day, String start, String end) {
	}

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < size(); i++) {
			rows.add(new Row(i, day.get(i), start.get(i), end.get(i)));
		}
		return rows;
	}

	/**
	 * The week, or null with the refusals by field name; a row left empty is a day off.
	 */
	List<DutyHours> read(Map<String, String> errors) {
		List<DutyHours> week = new ArrayList<>();
		for (int i = 0; i < size(); i++) {
			if (start.get(i).isBlank() && end.get(i).isBlank()) {
				continue;
			}
			try {
				week.add(new StaffDutyRestController.StretchJson(day.get(i), start.get(i), end.get(i))
					.parse("hours[" + i + "]"));
			}
			catch (InvalidInputException refused) {
				errors.put(refused.field(), refused.getMessage());
			}
		}
		return errors.isEmpty() ? week : null;
	}

	private int size() {
		return Math.min(day.size(), Math.min(start.size(), end.size()));
	}

}
