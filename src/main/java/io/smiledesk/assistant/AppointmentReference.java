package io.smiledesk.assistant;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a patient names an appointment they have by ("my tuesday appointment", "the
 * cleaning on the 14th at 11", "mi cita del jueves"), as opposed to the day they want it
 * moved to: "move my tuesday appointment to friday the 15th" moves Tuesday's to Friday.
 */
final class AppointmentReference {

	private static final String NOUN = "(?:appointment|appt|booking|visit|cleaning|filling|exam|checkup|check-up|whitening|consult\\w*|cita|empaste|limpieza|rendez-vous|rdv)s?";

	private static final String DAY = "(?:(mon|tue|wed|thu|fri|sat|sun|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|lundi|mardi|mercredi|jeudi|vendredi|samedi)[a-z]*\\.?|(\\d{1,2})(?:st|nd|rd|th))";

	/** "my tuesday appointment", "the 14th appointment". */
	private static final Pattern BEFORE = Pattern
		.compile("(?iu)\\b(?:my|the|our)\\s+" + DAY + "\\s+(?:[a-z]+\\s+)?" + NOUN + "\\b");

	/** "the appointment on the 14th at 11", "mi cita del jueves", "my appt on thurs". */
	private static final Pattern AFTER = Pattern
		.compile("(?iu)\\b" + NOUN + "\\s+(?:on|for|this|from|del|de el|du)\\s+(?:the\\s+|le\\s+)?" + DAY
				+ "(?:\\s+at\\s+\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?)?(?![\\p{L}\\d])");

	/**
	 * The day named, and where in the text.
	 *
	 * @param weekday the day of the week, or null
	 * @param dayOfMonth the day of the month, or null
	 */
	record Day(DayOfWeek weekday, Integer dayOfMonth, int start, int end) {

		boolean matches(LocalDate date) {
			return weekday != null ? date.getDayOfWeek() == weekday : date.getDayOfMonth() == dayOfMonth;
		}

	}

	private AppointmentReference() {
	}

	static Optional<Day> in(String text) {
		if (text == null) {
			return Optional.empty();
		}
		for (Pattern pattern : new Pattern[] { BEFORE, AFTER }) {
			Matcher matcher = pattern.matcher(text);
			if (matcher.find()) {
				Integer dayOfMonth = matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2));
				DayOfWeek weekday = matcher.group(1) == null ? null : weekday(matcher.group(1));
				if (weekday != null || dayOfMonth != null && dayOfMonth >= 1 && dayOfMonth <= 31) {
					return Optional.of(new Day(weekday, dayOfMonth, matcher.start(), matcher.end()));
				}
			}
		}
		return Optional.empty();
	}

	/** The text without the words that named the appointment. */
	static String without(String text, Day day) {
		return text.substring(0, day.start()) + " " + text.substring(day.end());
	}

	private static DayOfWeek weekday(String word) {
		String w = java.text.Normalizer.normalize(word.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "");
		if (w.startsWith("mon") || w.startsWith("lun")) {
			return DayOfWeek.MONDAY;
		}
		if (w.startsWith("tue") || w.startsWith("mart") || w.startsWith("mard")) {
			return DayOfWeek.TUESDAY;
		}
		if (w.startsWith("wed") || w.startsWith("mie") || w.startsWith("mer")) {
			return DayOfWeek.WEDNESDAY;
		}
		if (w.startsWith("thu") || w.startsWith("jue") || w.startsWith("jeu")) {
			return DayOfWeek.THURSDAY;
		}
		if (w.startsWith("fri") || w.startsWith("vie") || w.startsWith("ven")) {
			return DayOfWeek.FRIDAY;
		}
		if (w.startsWith("sat") || w.startsWith("sab") || w.startsWith("sam")) {
			return DayOfWeek.SATURDAY;
		}
		return w.startsWith("sun") ? DayOfWeek.SUNDAY : null;
	}

}
