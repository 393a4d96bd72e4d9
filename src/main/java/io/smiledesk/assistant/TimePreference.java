package io.smiledesk.assistant;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smiledesk.assistant.DialogueState.Offer;
import io.smiledesk.assistant.DialogueState.Wanted;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.TimeExpression;

/**
 * What a message changes about the wanted time. A refinement changes only what it names:
 * a new time keeps the day ("Tuesday", then "at 3 instead"), a new part of the day keeps
 * the day ("could it be the morning instead?"), a new day keeps the part of the day or
 * the time ("Thursday instead"), and a shift moves from the time being talked about ("an
 * hour later", "later in the day").
 */
final class TimePreference {

	/** The clinic day the understanding gives a day named without a time. */
	static final LocalTime DAY_START = LocalTime.of(8, 0);

	static final LocalTime DAY_END = LocalTime.of(18, 0);

	private static final Pattern NAMES_DAY = Pattern.compile(
			"\\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b|\\b(today|tonight|tomorrow|tmrw|week|weekend|month)\\b|\\d{1,2}(st|nd|rd|th)\\b|\\d/\\d"
					+ "|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d"
					+ "|\\b(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|hoy|mañana|manana|semana)\\b"
					+ "|\\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd'hui|demain|semaine)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A weekday said on its own: "actually wed", not "next Wednesday" or "Wednesday the
	 * 13th".
	 */
	private static final Pattern BARE_WEEKDAY = Pattern.compile(
			"\\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b|\\b(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern WEEK_GIVEN = Pattern.compile(
			"\\b(next|this|coming|following|week|today|tomorrow|tmrw|pr[oó]xim[oa]|siguiente|que viene|esta|este|prochain|prochaine|suivant|cette|ce)\\b|\\d",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final String FULL_DATE = "\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b";

	private static final Pattern OFFSET = Pattern.compile(
			"\\b(an?|one|two|three|\\d{1,3}|half an?|una|dos|tres|media|une|deux|trois|une demi-?)\\s*(hours?|hrs?|h|minutes?|mins?|horas?|minutos?|heures?)\\s+"
					+ "(later|earlier|before|after|sooner|m[aá]s tarde|antes|despu[eé]s|plus t[oô]t|plus tard|avant|apr[eè]s)(?![\\p{L}])",
			Pattern.CASE_INSENSITIVE);

	/** The offset after its direction: "push it back an hour", "later by 30 minutes". */
	private static final Pattern OFFSET_AFTER = Pattern.compile(
			"\\b(back|later|earlier|sooner)\\s+(?:by\\s+)?(an?|one|two|three|\\d{1,3}|half an?)\\s*(hours?|hrs?|h|minutes?|mins?)(?![\\p{L}])",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Days or weeks from the time talked about: "a week later", "push it back two weeks",
	 * "dos semanas después". "Forward" is left out: patients use it both ways.
	 */
	private static final Pattern DAYS_OFFSET = Pattern.compile(
			"\\b(?:(an?|one|two|three|four|\\d{1,2}|una|dos|tres|cuatro|une|deux|trois|quatre)\\s*(days?|weeks?|d[ií]as?|semanas?|jours?|semaines?)\\s+"
					+ "(later|earlier|after|before|sooner|back|out|m[aá]s tarde|antes|despu[eé]s|plus t[oô]t|plus tard|avant|apr[eè]s)(?![\\p{L}])"
					+ "|(back|out|later|earlier|sooner)\\s+(?:by\\s+)?(an?|one|two|three|four|\\d{1,2})\\s*(days?|weeks?))",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern LATER = Pattern.compile(
			"\\b(later (in|on) (the|that) day|later that day|later in the afternoon|a bit later|bit later|little later|later|m[aá]s tarde|plus tard)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Later by more than a slot: "later in the day" means the afternoon of a morning. */
	private static final Pattern MUCH_LATER = Pattern.compile(
			"\\b(later (in|on) (the|that) day|later that day|later in the afternoon|end of the day|m[aá]s tarde|plus tard dans la journ[ée]e)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EARLIER = Pattern.compile(
			"\\b(earlier (in|on) (the|that) day|a bit earlier|bit earlier|little earlier|earlier)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SAME_DAY = Pattern.compile(
			"\\b(same day|that day|that same day|the same day|mismo d[ií]a|ese d[ií]a|m[eê]me jour|ce jour-l[aà])(?![\\p{L}])",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern SAME_TIME = Pattern.compile(
			"\\b(same time|same hour|misma hora|mismo horario|m[eê]me heure|m[eê]me horaire)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private TimePreference() {
	}

	/**
	 * The wanted time after this message, or empty when it says nothing new about time.
	 * @param anchor the time being talked about (the appointment being moved, or the
	 * earliest time offered), for shifts; may be null
	 */
	static Optional<Wanted> refine(Wanted current, TimeExpression when, String text, LocalDateTime anchor) {
		return refine(current, when, null, text, anchor);
	}

	/**
	 * @param named what the time words fixed, when the understanding says (else the text
	 * is looked at)
	 */
	static Optional<Wanted> refine(Wanted current, TimeExpression when, Entities.Named named, String text,
			LocalDateTime anchor) {
		boolean namesDay = named != null ? named.day() : namesDay(text);
		if (anchor != null && DAYS_OFFSET.matcher(text).find()) {
			// "push it back two weeks, same time": the weeks count from the appointment
			return shift(when, true, text, anchor);
		}
		Optional<Wanted> sameTime = sameTime(when, text, anchor);
		if (sameTime.isPresent()) {
			return sameTime;
		}
		// a shift ("later in the day") gives way only to a day named in so many words; a
		// full date is rather a date of birth
		// "my Thursday filling, same day but later": the day named is the one shifted
		// from
		boolean otherDay = namesDay(text.replaceAll(FULL_DATE, " ")) && !SAME_DAY.matcher(text).find();
		Optional<Wanted> shifted = shift(when, otherDay, text, anchor);
		if (shifted.isPresent() || when == null) {
			return shifted;
		}
		if (when instanceof TimeExpression.At at) {
			LocalDate day = !namesDay && current.from() != null ? current.from().toLocalDate()
					: at.start().toLocalDate();
			LocalDateTime exact = day.atTime(at.start().toLocalTime());
			return Optional.of(new Wanted(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), exact));
		}
		TimeExpression.Between between = (TimeExpression.Between) when;
		boolean withinADay = between.to().minusNanos(1).toLocalDate().equals(between.from().toLocalDate());
		boolean wholeDay = named != null ? named.day() && !named.timeOfDay()
				: withinADay && between.to().toLocalTime().equals(DAY_END)
						&& !between.from().toLocalTime().isAfter(DAY_START.plusHours(10));
		if (!namesDay && withinADay && current.from() != null) {
			// a part of the day for the day or days already wanted
			LocalTime from = between.from().toLocalTime();
			LocalTime to = between.to().toLocalTime();
			if (current.oneDay()) {
				LocalDate day = current.from().toLocalDate();
				return Optional.of(new Wanted(day.atTime(from), day.atTime(to), null));
			}
			return Optional.of(new Wanted(current.from(), current.to(), null, from, to));
		}
		if (namesDay && wholeDay && current.from() != null && current.oneDay() && !hasPartOfDay(current)) {
			// another day of the week talked about: the visit on the 12th, then "could we
			// do
			// Thursday instead?" is the 14th
			LocalDate read = between.from().toLocalDate();
			long days = java.time.temporal.ChronoUnit.DAYS.between(read, sameWeek(read, current.from(), text));
			return Optional.of(new Wanted(between.from().plusDays(days), between.to().plusDays(days), null));
		}
		if (namesDay && wholeDay && hasPartOfDay(current)) {
			// a new day keeps the time or part of the day
			boolean partOfOneDay = current.oneDay() && !current.to().toLocalTime().equals(LocalTime.MIDNIGHT);
			LocalDate day = partOfOneDay ? sameWeek(between.from().toLocalDate(), current.from(), text)
					: between.from().toLocalDate();
			if (current.exact() != null) {
				return Optional.of(new Wanted(day.atStartOfDay(), day.plusDays(1).atStartOfDay(),
						day.atTime(current.exact().toLocalTime())));
			}
			LocalTime from = current.dayFrom() != null ? current.dayFrom() : current.from().toLocalTime();
			LocalTime to = current.dayTo() != null ? current.dayTo() : current.to().toLocalTime();
			LocalDateTime start = day.atTime(from).isBefore(between.from()) ? between.from() : day.atTime(from);
			return Optional.of(new Wanted(start, day.atTime(to), null));
		}
		return Optional.of(new Wanted(between.from(), between.to(), null));
	}

	/** The offer at the time named, or the only one in the part of the day named. */
	static Optional<Offer> pickAmong(List<Offer> offers, Turn turn, Wanted current) {
		TimeExpression when = turn.entities().when();
		if (when instanceof TimeExpression.At at) {
			List<Offer> sameTime = offers.stream()
				.filter(offer -> turn.local(offer.start()).toLocalTime().equals(at.start().toLocalTime()))
				.toList();
			Optional<Offer> exact = sameTime.stream()
				.filter(offer -> turn.local(offer.start()).toLocalDate().equals(at.start().toLocalDate()))
				.findFirst();
			if (exact.isPresent()) {
				return exact;
			}
			if (sameTime.size() == 1 && !namesDay(turn.text())) {
				return Optional.of(sameTime.get(0));
			}
		}
		if (when instanceof TimeExpression.Between between && current.from() != null && current.to() != null
				&& !between.from().isBefore(current.from()) && !between.to().isAfter(current.to())) {
			List<Offer> inside = offers.stream().filter(offer -> {
				LocalDateTime start = turn.local(offer.start());
				return !start.isBefore(between.from()) && start.isBefore(between.to());
			}).toList();
			if (inside.size() == 1) {
				return Optional.of(inside.get(0));
			}
		}
		return Optional.empty();
	}

	/** Whether the text moves from the time being talked about ("a bit later"). */
	static boolean shifts(String text) {
		return OFFSET.matcher(text).find() || OFFSET_AFTER.matcher(text).find() || DAYS_OFFSET.matcher(text).find()
				|| LATER.matcher(text).find() || EARLIER.matcher(text).find();
	}

	static boolean namesDay(String text) {
		return NAMES_DAY.matcher(text).find();
	}

	private static boolean hasPartOfDay(Wanted current) {
		if (current.exact() != null || current.dayFrom() != null || current.dayTo() != null) {
			return true;
		}
		return current.oneDay() && !current.to().toLocalTime().equals(LocalTime.MIDNIGHT)
				&& current.to().toLocalTime().isBefore(DAY_END);
	}

	private static Optional<Wanted> shift(TimeExpression when, boolean namesDay, String text, LocalDateTime anchor) {
		if (anchor == null) {
			return Optional.empty();
		}
		Matcher offset = OFFSET.matcher(text);
		Matcher offsetAfter = OFFSET_AFTER.matcher(text);
		boolean before = offset.find();
		if (before || offsetAfter.find()) {
			Matcher found = before ? offset : offsetAfter;
			String unit = found.group(before ? 2 : 3).toLowerCase(Locale.ROOT);
			String count = found.group(before ? 1 : 2).toLowerCase(Locale.ROOT);
			boolean hours = unit.startsWith("h");
			long minutes = count.startsWith("half") || count.startsWith("media") || count.contains("demi") ? 30
					: amount(count) * (hours ? 60 : 1);
			String direction = found.group(before ? 3 : 1).toLowerCase(Locale.ROOT);
			boolean later = direction.matches("later|after|back|m[aá]s tarde|despu[eé]s|plus tard|apr[eè]s");
			LocalDateTime exact = later ? anchor.plusMinutes(minutes) : anchor.minusMinutes(minutes);
			LocalDate day = exact.toLocalDate();
			return Optional.of(new Wanted(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), exact));
		}
		Matcher days = DAYS_OFFSET.matcher(text);
		if (days.find()) {
			// the same time on the day so many days or weeks on: "push it back a week"
			boolean first = days.group(1) != null;
			String count = (first ? days.group(1) : days.group(5)).toLowerCase(Locale.ROOT);
			String unit = (first ? days.group(2) : days.group(6)).toLowerCase(Locale.ROOT);
			String direction = (first ? days.group(3) : days.group(4)).toLowerCase(Locale.ROOT);
			long n = amount(count) * (unit.startsWith("d") || unit.startsWith("j") ? 1 : 7);
			boolean later = !direction.matches("earlier|before|sooner|antes|plus t[oô]t|avant");
			LocalDateTime exact = later ? anchor.plusDays(n) : anchor.minusDays(n);
			LocalDate day = exact.toLocalDate();
			return Optional.of(new Wanted(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), exact));
		}
		if (when != null && namesDay) {
			return Optional.empty();
		}
		LocalDate day = anchor.toLocalDate();
		if (LATER.matcher(text).find()) {
			LocalDateTime from = anchor.plusMinutes(15);
			if (MUCH_LATER.matcher(text).find()) {
				LocalDateTime noon = day.atTime(LocalTime.NOON);
				from = anchor.plusHours(1).isAfter(noon) ? anchor.plusHours(1) : noon;
			}
			return Optional.of(new Wanted(from,
					day.atTime(DAY_END).isAfter(from) ? day.atTime(DAY_END) : day.plusDays(1).atStartOfDay(), null));
		}
		if (EARLIER.matcher(text).find()) {
			return Optional.of(new Wanted(day.atTime(DAY_START), anchor, null));
		}
		return Optional.empty();
	}

	/**
	 * The time being talked about, on the day named (next week or Thursday the 14th at
	 * the same time). Of several days, the same weekday as before, else the first that is
	 * not the day being moved from (from Wednesday to Thursday).
	 */
	private static Optional<Wanted> sameTime(TimeExpression when, String text, LocalDateTime anchor) {
		if (anchor == null || when == null || !SAME_TIME.matcher(text).find()) {
			return Optional.empty();
		}
		LocalDate first = when instanceof TimeExpression.At at ? at.start().toLocalDate()
				: ((TimeExpression.Between) when).from().toLocalDate();
		LocalDate last = when instanceof TimeExpression.At at ? at.start().toLocalDate()
				: ((TimeExpression.Between) when).to().minusNanos(1).toLocalDate();
		LocalDate day = null;
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			if (date.getDayOfWeek() == anchor.getDayOfWeek() && !date.equals(anchor.toLocalDate())) {
				day = date;
				break;
			}
		}
		if (day == null) {
			day = first.equals(anchor.toLocalDate()) && last.isAfter(first) ? first.plusDays(1) : first;
		}
		// "next tue", then "actually wed, same time": that week's Wednesday
		day = first.equals(last) ? sameWeek(day, anchor, text) : day;
		return Optional
			.of(new Wanted(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), day.atTime(anchor.toLocalTime())));
	}

	/**
	 * A weekday said on its own, while another week is being talked about, is that week's
	 * ("next Tuesday morning", then "actually wed is better": Wednesday of next week),
	 * unless that day is already behind the one read.
	 */
	static LocalDate sameWeek(LocalDate read, LocalDateTime talkedAbout, String text) {
		if (talkedAbout == null || !BARE_WEEKDAY.matcher(text).find() || WEEK_GIVEN.matcher(text).find()) {
			return read;
		}
		LocalDate monday = talkedAbout.toLocalDate().with(java.time.DayOfWeek.MONDAY);
		LocalDate candidate = monday.with(read.getDayOfWeek());
		return candidate.isBefore(read) ? read : candidate;
	}

	private static long amount(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return switch (lower) {
			case "a", "an", "one", "una", "une" -> 1;
			case "two", "dos", "deux" -> 2;
			case "three", "tres", "trois" -> 3;
			case "four", "cuatro", "quatre" -> 4;
			default -> Long.parseLong(lower);
		};
	}

}
