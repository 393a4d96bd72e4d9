package io.smiledesk.staff;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.smiledesk.system.Access;
import io.smiledesk.system.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managers set who is on duty when, so that handoffs go to someone who is there. Times
 * are the clinic's local time, {@code HH:mm}.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/staff/{id}/duty", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.MANAGERS)
class StaffDutyRestController {

	private final DutyRoster roster;

	StaffDutyRestController(DutyRoster roster) {
		this.roster = roster;
	}

	@GetMapping
	DutyJson get(@PathVariable UUID id) {
		return DutyJson.of(id, roster.hours(id));
	}

	@PutMapping
	DutyJson put(@PathVariable UUID id, @Valid @RequestBody DutyJson request) {
		List<DutyHours> hours = new ArrayList<>();
		for (int i = 0; i < request.hours().size(); i++) {
			hours.add(request.hours().get(i).parse("hours[" + i + "]"));
		}
		return DutyJson.of(id, roster.replace(id, hours));
	}

	/**
	 * @param staffId ignored on the way in: the path names the member of staff
	 */
	record DutyJson(UUID staffId, @NotNull List<@NotNull StretchJson> hours) {

		static DutyJson of(UUID staffId, List<DutyHours> hours) {
			return new DutyJson(staffId,
					hours.stream()
						.map(stretch -> new StretchJson(stretch.day().name(), stretch.start().toString(),
								stretch.end().toString()))
						.toList());
		}

	}

	record StretchJson(String day, String start, String end) {

		DutyHours parse(String field) {
			DayOfWeek weekday;
			try {
				weekday = DayOfWeek.valueOf(required(day, field + ".day").trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException(field + ".day", "must be a day of the week, such as MONDAY");
			}
			LocalTime from = time(start, field + ".start");
			LocalTime to = time(end, field + ".end");
			if (!from.isBefore(to)) {
				throw new InvalidInputException(field + ".end",
						"must be after the start (split a stretch past midnight in two)");
			}
			return new DutyHours(weekday, from, to);
		}

		private static LocalTime time(String value, String field) {
			String text = required(value, field).trim();
			if (!text.matches("\\d{2}:\\d{2}")) {
				throw new InvalidInputException(field, "must be a time as HH:mm");
			}
			try {
				return LocalTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException(field, "must be a time as HH:mm");
			}
		}

		private static String required(String value, String field) {
			if (value == null || value.isBlank()) {
				throw new InvalidInputException(field, "is required");
			}
			return value;
		}

	}

}
