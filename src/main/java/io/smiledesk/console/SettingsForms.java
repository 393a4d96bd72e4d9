package io.smiledesk.console;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.HoursJson;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.clinic.WeeklyHours;
import io.smiledesk.clinic.SetupRefused;
import io.smiledesk.system.ApiProblem;

import org.springframework.validation.BindingResult;

/**
 * The settings forms. Every field is text, as typed, so a form that comes back with
 * errors shows exactly what was entered; numbers and dates are read here with the same
 * limits as the admin API's request bodies, and the rest is refused by
 * {@code ClinicAdministration} itself (its refusals are put next to the field they name).
 */
final class SettingsForms {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,4})?");

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

	private SettingsForms() {
	}

	/** Booking rules, as {@code PUT /api/v1/admin/clinic} limits them. */
	record RulesForm(String minBookingNoticeMinutes, String maxBookingHorizonDays, String slotIntervalMinutes,
			String cancellationNoticeHours, String holdMinutes) {

		static RulesForm of(BookingRules rules) {
			return new RulesForm(String.valueOf(rules.minBookingNoticeMinutes()),
					String.valueOf(rules.maxBookingHorizonDays()), String.valueOf(rules.slotIntervalMinutes()),
					String.valueOf(rules.cancellationNoticeHours()), String.valueOf(rules.holdMinutes()));
		}

		BookingRules read(BindingResult errors) {
			Integer notice = number(errors, "minBookingNoticeMinutes", minBookingNoticeMinutes, 0, 10080);
			Integer horizon = number(errors, "maxBookingHorizonDays", maxBookingHorizonDays, 1, 730);
			Integer interval = number(errors, "slotIntervalMinutes", slotIntervalMinutes, 5, 240);
			Integer cancellation = number(errors, "cancellationNoticeHours", cancellationNoticeHours, 0, 720);
			Integer hold = number(errors, "holdMinutes", holdMinutes, 1, 60);
			return errors.hasErrors() ? null : new BookingRules(notice, horizon, interval, cancellation, hold);
		}

	}

	/**
	 * Periods of a week as rows of three parallel lists (a row added in the page has no
	 * index to guess); a row left empty is ignored, a day without rows is closed.
	 */
	record HoursForm(List<String> day, List<String> start, List<String> end) {

		static HoursForm of(WeeklyHours hours) {
			List<String> days = new ArrayList<>();
			List<String> starts = new ArrayList<>();
			List<String> ends = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				for (TimeRange range : hours.on(day)) {
					days.add(day.name());
					starts.add(range.start().toString());
					ends.add(range.end().toString());
				}
			}
			return new HoursForm(days, starts, ends);
		}

		HoursForm {
			day = day == null ? List.of() : day;
			start = start == null ? List.of() : start;
			end = end == null ? List.of() : end;
		}

		int rows() {
			return Math.min(day.size(), Math.min(start.size(), end.size()));
		}

		/**
		 * Reads the rows through the API's own reader; its refusal names a day and an
		 * index among that day's filled rows, which is mapped back to the row on the
		 * page.
		 */
		WeeklyHours read(String field, Map<Integer, String> rowErrors, BindingResult errors) {
			Map<String, List<HoursJson.Range>> json = new LinkedHashMap<>();
			Map<String, Integer> rowOf = new LinkedHashMap<>();
			for (int i = 0; i < rows(); i++) {
				String start = start().get(i).strip();
				String end = end().get(i).strip();
				if (start.isEmpty() && end.isEmpty()) {
					continue;
				}
				String dayName = day().get(i).toLowerCase(Locale.ROOT);
				List<HoursJson.Range> ranges = json.computeIfAbsent(dayName, key -> new ArrayList<>());
				rowOf.put(field + "." + dayName + "[" + ranges.size() + "]", i);
				ranges.add(new HoursJson.Range(start.isEmpty() ? null : start, end.isEmpty() ? null : end));
			}
			try {
				return HoursJson.read(field, json);
			}
			catch (ApiProblem problem) {
				for (Map.Entry<String, String> refusal : refusals(problem).entrySet()) {
					Integer row = rowOf.get(refusal.getKey());
					if (row != null) {
						rowErrors.put(row, refusal.getValue());
					}
					errors.reject("settings.refused", new Object[] { refusal.getValue() }, refusal.getValue());
				}
				return null;
			}
		}

		/** The rows by weekday, Monday first, with their errors. */
		List<DayRows> byDay(Map<Integer, String> rowErrors) {
			Map<DayOfWeek, List<Row>> days = new EnumMap<>(DayOfWeek.class);
			for (DayOfWeek weekday : DayOfWeek.values()) {
				days.put(weekday, new ArrayList<>());
			}
			for (int i = 0; i < rows(); i++) {
				DayOfWeek weekday;
				try {
					weekday = DayOfWeek.valueOf(day().get(i));
				}
				catch (IllegalArgumentException ex) {
					continue;
				}
				days.get(weekday).add(new Row(start().get(i), end().get(i), rowErrors.get(i)));
			}
			return days.entrySet().stream().map(entry -> new DayRows(entry.getKey(), entry.getValue())).toList();
		}

	}

	record DayRows(DayOfWeek day, List<Row> rows) {
	}

	record Row(String start, String end, String error) {
	}

	record ClosureForm(String startsOn, String endsOn, String reason) {

		static ClosureForm empty() {
			return new ClosureForm("", "", "");
		}

	}

	/**
	 * @param languages the languages spoken, separated by commas ("English, Spanish")
	 */
	record ProviderForm(String id, String name, String role, String title, String bio, String languages, Boolean active,
			List<String> day, List<String> start, List<String> end) {

		static ProviderForm empty() {
			return new ProviderForm("", "", "DENTIST", "", "", "", true, List.of(), List.of(), List.of());
		}

		static ProviderForm of(ProviderInfo provider) {
			HoursForm hours = HoursForm.of(provider.hours());
			return new ProviderForm(provider.id(), provider.name(), provider.role().name(), provider.title(),
					provider.bio(), String.join(", ", provider.languages()), provider.active(), hours.day(),
					hours.start(), hours.end());
		}

		/** The languages as a list: split at commas, blanks between commas dropped. */
		List<String> languageList() {
			if (languages == null || languages.isBlank()) {
				return List.of();
			}
			return java.util.Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

		HoursForm hours() {
			return new HoursForm(day, start, end);
		}

	}

	record ServiceForm(String id, String name, String description, String durationMinutes, String bufferMinutes,
			String price, List<String> roles, Boolean active) {

		static ServiceForm empty() {
			return new ServiceForm("", "", "", "30", "0", "", List.of("DENTIST"), true);
		}

		static ServiceForm of(ServiceInfo service) {
			return new ServiceForm(service.id(), service.name(), service.description(),
					String.valueOf(service.durationMinutes()), String.valueOf(service.bufferMinutes()),
					service.price().toPlainString(), service.roles().stream().map(Enum::name).sorted().toList(),
					service.active());
		}

	}

	// --- reading fields

	static String required(BindingResult errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "settings.error.required", "is required");
			return null;
		}
		return optional(errors, field, value, max);
	}

	static String optional(BindingResult errors, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			errors.rejectValue(field, "settings.error.length", new Object[] { max }, "is too long");
			return null;
		}
		return value == null || value.isBlank() ? null : value.strip();
	}

	static Integer number(BindingResult errors, String field, String value, int min, int max) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "settings.error.required", "is required");
			return null;
		}
		if (!WHOLE_NUMBER.matcher(value.strip()).matches()) {
			errors.rejectValue(field, "settings.error.number", "must be a whole number");
			return null;
		}
		int number = Integer.parseInt(value.strip());
		if (number < min || number > max) {
			errors.rejectValue(field, "settings.error.range", new Object[] { min, max }, "is out of range");
			return null;
		}
		return number;
	}

	/** A price: not negative, at most 8 digits before the point and 2 after it. */
	static BigDecimal price(BindingResult errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "settings.error.required", "is required");
			return null;
		}
		if (!AMOUNT.matcher(value.strip()).matches()) {
			errors.rejectValue(field, "settings.error.amount", "must be an amount like 120.00");
			return null;
		}
		BigDecimal price = new BigDecimal(value.strip());
		if (price.signum() < 0) {
			errors.rejectValue(field, "settings.error.negative", "must not be negative");
			return null;
		}
		if (price.scale() > 2 || price.precision() - price.scale() > 8) {
			errors.rejectValue(field, "settings.error.amount", "must be an amount like 120.00");
			return null;
		}
		return price;
	}

	static LocalDate date(BindingResult errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "settings.error.required", "is required");
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue(field, "settings.error.date", "must be a date like 2025-12-24");
			return null;
		}
	}

	/**
	 * What {@code ClinicAdministration} refused, by the field the API names (empty when
	 * it names none, as for a conflict).
	 */
	static Map<String, String> refusals(ApiProblem problem) {
		Map<String, String> refusals = new LinkedHashMap<>();
		Object listed = problem.getBody().getProperties() == null ? null
				: problem.getBody().getProperties().get("errors");
		if (listed instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> error) {
					refusals.put(String.valueOf(error.get("field")), String.valueOf(error.get("message")));
				}
			}
		}
		return refusals;
	}

	/**
	 * Puts a refusal of the clinic's set-up next to the form field it is about: the
	 * domain's fields are mapped through {@code fields}; a conflict without a field goes
	 * to {@code conflictField} (or the whole form, when null), anything else to the form.
	 */
	static void reject(SetupRefused refused, BindingResult errors, Map<SetupRefused.Field, String> fields,
			String conflictField) {
		if (refused.kind() == SetupRefused.Kind.NOT_FOUND) {
			throw new ConsoleErrors.NotFound(refused.getMessage());
		}
		String message = refused.getMessage();
		String formField = refused.field()
			.map(fields::get)
			.orElse(refused.kind() == SetupRefused.Kind.CONFLICT && refused.field().isEmpty() ? conflictField : null);
		if (formField != null) {
			errors.rejectValue(formField, "settings.refused", new Object[] { message }, message);
			return;
		}
		String text = refused.field().map(field -> label(field) + ": " + message).orElse(message);
		errors.reject("settings.refused", new Object[] { text }, text);
	}

	private static String label(SetupRefused.Field field) {
		return field.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
