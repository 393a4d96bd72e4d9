package io.smiledesk.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates and times the way patients write them ("tomorrow morning", "next tue at 3",
 * "the 14th", "after 5pm", "between 2 and 4") and resolves them against the moment the
 * message was written, in clinic-local time.
 * <p>
 * Rules a front desk would use: a bare hour from 1 to 7 is in the afternoon; a day
 * without a time is the clinic day (08:00-18:00, from now on if it is today); a time
 * without a day is today if still ahead, otherwise tomorrow; "next tuesday" is the one in
 * the following week. Bare numbers are never times: a time needs am/pm, a colon, "at" or
 * "around", or a word like noon.
 */
public final class DateTimeParser {

	static final LocalTime DAY_START = LocalTime.of(8, 0);

	static final LocalTime DAY_END = LocalTime.of(18, 0);

	private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
			Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
			Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
			Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
			Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
			Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
			Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
			Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
			Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));

	private static final Map<String, Month> MONTHS = Map.ofEntries(Map.entry("january", Month.JANUARY),
			Map.entry("jan", Month.JANUARY), Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
			Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH), Map.entry("april", Month.APRIL),
			Map.entry("apr", Month.APRIL), Map.entry("may", Month.MAY), Map.entry("june", Month.JUNE),
			Map.entry("jun", Month.JUNE), Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
			Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST), Map.entry("september", Month.SEPTEMBER),
			Map.entry("sept", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER), Map.entry("october", Month.OCTOBER),
			Map.entry("oct", Month.OCTOBER), Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
			Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("one", 1),
			Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));

	private static final String WEEKDAY = "(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)";

	private static final String MONTH = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";

	private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

	private static final Pattern SLASH = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");

	private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");

	private static final Pattern DAY_MONTH = Pattern
		.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b");

	private static final Pattern ORDINAL = Pattern.compile("\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b");

	private static final Pattern IN_PERIOD = Pattern
		.compile("\\bin\\s+(a|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+(day|days|week|weeks)\\b");

	private static final Pattern WEEKDAY_REF = Pattern.compile("\\b(next|this|on|coming)?\\s*" + WEEKDAY + "\\b");

	private static final Pattern BETWEEN = Pattern
		.compile("\\bbetween\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?\\s+and\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?");

	private static final Pattern AFTER = Pattern.compile("\\bafter\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?\\b");

	private static final Pattern BEFORE = Pattern.compile("\\bbefore\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?\\b");

	private static final Pattern EXPLICIT_TIME = Pattern.compile(
			"(?<![\\d/:$.-])\\b(?:(at|around|about|by|@)\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d/:%$])(?!\\s*(?:years?|days?|weeks?|months?|hours?|minutes?|mins?|crowns?|teeth|fillings?|people|kids|children|dollars|st|nd|rd|th)\\b)");

	private static final Pattern REFUSAL = Pattern
		.compile("\\b(won't|wont|can't|cant|cannot|doesn't|doesnt|not|instead|rather|no longer)\\b");

	/** Misspellings seen in chat, read as the word meant. */
	private static final Map<Pattern, String> TYPOS = Map.ofEntries(
			Map.entry(Pattern.compile("\\baf?te?r?n+o+n\\b"), "afternoon"),
			Map.entry(Pattern.compile("\\b(mornin|mornig|moring|mornng|morining)\\b"), "morning"),
			Map.entry(Pattern.compile("\\b(evenin|evning|evenng)\\b"), "evening"),
			Map.entry(Pattern.compile("\\b(tomorow|tommorow|tommorrow|tomorrw|tmrw|tmr)\\b"), "tomorrow"),
			Map.entry(Pattern.compile("\\b(wensday|wendsday|wednsday|wedensday|wednesay)\\b"), "wednesday"),
			Map.entry(Pattern.compile("\\b(tuseday|teusday|tuesdy|tusday)\\b"), "tuesday"),
			Map.entry(Pattern.compile("\\b(thrusday|thursdy|thurday|thirsday)\\b"), "thursday"),
			Map.entry(Pattern.compile("\\b(fridy|firday|frday)\\b"), "friday"),
			Map.entry(Pattern.compile("\\b(satuday|saturdy|saterday)\\b"), "saturday"),
			Map.entry(Pattern.compile("\\b(mondy|monady)\\b"), "monday"));

	private DateTimeParser() {
	}

	public static Optional<TimeExpression> parse(String message, LocalDateTime now) {
		String text = " " + message.toLowerCase(Locale.ROOT).replaceAll("[,!?]", " ").replaceAll("\\s+", " ") + " ";
		text = text.replace(" noon", " 12:00pm").replace(" midday", " 12:00pm").replace("12 noon", "12:00pm");
		for (Map.Entry<Pattern, String> typo : TYPOS.entrySet()) {
			text = typo.getKey().matcher(text).replaceAll(typo.getValue());
		}
		LocalDate today = now.toLocalDate();

		Optional<TimeExpression> wide = wideRange(text, now);
		if (wide.isPresent()) {
			return wide;
		}
		Optional<LocalDate> day = day(text, today);
		String remainder = removeDayWords(text);

		// windows within a day
		Matcher between = BETWEEN.matcher(remainder);
		if (between.find()) {
			LocalTime from = hour(between.group(1), between.group(2),
					between.group(3) != null ? between.group(3) : between.group(6));
			LocalTime to = hour(between.group(4), between.group(5), between.group(6));
			return Optional.of(window(day, from, to, now));
		}
		Matcher after = AFTER.matcher(remainder);
		if (after.find()) {
			return Optional
				.of(window(day, hour(after.group(1), after.group(2), after.group(3)), LocalTime.of(20, 0), now));
		}
		Matcher before = BEFORE.matcher(remainder);
		if (before.find()) {
			LocalTime until = hour(before.group(1), before.group(2), before.group(3));
			return Optional.of(window(day, DAY_START, until, now));
		}
		Optional<LocalTime[]> part = partOfDay(text);
		Optional<LocalTime> time = explicitTime(remainder);
		if (time.isPresent()) {
			LocalDate date = day.orElseGet(() -> time.get().isAfter(now.toLocalTime()) ? today : today.plusDays(1));
			return Optional.of(new TimeExpression.At(date.atTime(time.get())));
		}
		if (part.isPresent()) {
			if (text.contains(" tonight ")) {
				day = Optional.of(day.orElse(today));
			}
			return Optional.of(window(day, part.get()[0], part.get()[1], now));
		}
		return day.map(date -> window(Optional.of(date), DAY_START, DAY_END, now));
	}

	/**
	 * A window on a day; today's windows start no earlier than now. Without a day: today
	 * if still ahead.
	 */
	private static TimeExpression window(Optional<LocalDate> day, LocalTime from, LocalTime to, LocalDateTime now) {
		LocalDate date = day
			.orElseGet(() -> to.isAfter(now.toLocalTime()) ? now.toLocalDate() : now.toLocalDate().plusDays(1));
		LocalDateTime start = date.atTime(from);
		if (date.equals(now.toLocalDate()) && start.isBefore(now)) {
			start = now;
		}
		return new TimeExpression.Between(start, date.atTime(to));
	}

	private static Optional<TimeExpression> wideRange(String text, LocalDateTime now) {
		LocalDate today = now.toLocalDate();
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		if (text.contains(" early next week ")) {
			return span(monday.plusWeeks(1), monday.plusWeeks(1).plusDays(2), now);
		}
		if (text.contains(" later this week ")) {
			return span(today.plusDays(2), monday.plusDays(5), now);
		}
		if (text.contains(" next week ") && !WEEKDAY_REF.matcher(text).find()) {
			return span(monday.plusWeeks(1), monday.plusWeeks(1).plusDays(5), now);
		}
		if (text.contains(" this week ") && !WEEKDAY_REF.matcher(text).find()) {
			return span(today, monday.plusDays(5), now);
		}
		if (text.contains(" weekend ")) {
			LocalDate saturday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
			return span(saturday, saturday.plusDays(1), now);
		}
		if (text.contains(" next month ")) {
			LocalDate first = today.plusMonths(1).withDayOfMonth(1);
			return span(first, first.with(TemporalAdjusters.lastDayOfMonth()), now);
		}
		if (text.contains(" end of the month ") || text.contains(" end of month ")) {
			LocalDate last = today.with(TemporalAdjusters.lastDayOfMonth());
			return span(last.minusDays(6), last, now);
		}
		return Optional.empty();
	}

	private static Optional<TimeExpression> span(LocalDate first, LocalDate last, LocalDateTime now) {
		LocalDateTime from = first.atTime(DAY_START);
		if (from.isBefore(now)) {
			from = now;
		}
		return Optional.of(new TimeExpression.Between(from, last.atTime(DAY_END)));
	}

	private static Optional<LocalDate> day(String text, LocalDate today) {
		if (text.contains(" day after tomorrow ")) {
			return Optional.of(today.plusDays(2));
		}
		if (text.contains(" tomorrow ") || text.contains(" tmrw ") || text.contains(" tomorow ")) {
			return Optional.of(today.plusDays(1));
		}
		if (text.contains(" today ") || text.contains(" tonight ") || text.contains(" this morning ")
				|| text.contains(" this afternoon ") || text.contains(" this evening ")) {
			return Optional.of(today);
		}
		Matcher in = IN_PERIOD.matcher(text);
		if (in.find()) {
			int amount = number(in.group(1));
			return Optional.of(in.group(2).startsWith("week") ? today.plusWeeks(amount) : today.plusDays(amount));
		}
		Matcher iso = ISO.matcher(text);
		if (iso.find()) {
			return safeDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
					Integer.parseInt(iso.group(3)));
		}
		Matcher slash = SLASH.matcher(text);
		if (slash.find()) {
			int month = Integer.parseInt(slash.group(1));
			int dayOfMonth = Integer.parseInt(slash.group(2));
			if (slash.group(3) != null) {
				int year = Integer.parseInt(slash.group(3));
				return safeDate(year < 100 ? 2000 + year : year, month, dayOfMonth);
			}
			return upcoming(month, dayOfMonth, today);
		}
		Matcher monthDay = MONTH_DAY.matcher(text);
		if (monthDay.find()) {
			return upcoming(MONTHS.get(monthDay.group(1)).getValue(), Integer.parseInt(monthDay.group(2)), today);
		}
		Matcher dayMonth = DAY_MONTH.matcher(text);
		if (dayMonth.find()) {
			return upcoming(MONTHS.get(dayMonth.group(2)).getValue(), Integer.parseInt(dayMonth.group(1)), today);
		}
		Matcher ordinal = ORDINAL.matcher(text);
		if (ordinal.find()) {
			int dayOfMonth = Integer.parseInt(ordinal.group(1));
			LocalDate month = dayOfMonth < today.getDayOfMonth() ? today.plusMonths(1) : today;
			return safeDate(month.getYear(), month.getMonthValue(), dayOfMonth);
		}
		Matcher weekday = WEEKDAY_REF.matcher(text);
		List<LocalDate> named = new ArrayList<>();
		while (weekday.find()) {
			DayOfWeek target = WEEKDAYS.get(weekday.group(2));
			if ("sun".equals(weekday.group(2)) && weekday.group(1) == null) {
				continue;
			}
			if ("next".equals(weekday.group(1)) || text.contains(" next week ")) {
				LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
				named.add(nextMonday.with(TemporalAdjusters.nextOrSame(target)));
			}
			else {
				named.add(today.with(TemporalAdjusters.nextOrSame(target)));
			}
		}
		if (named.isEmpty()) {
			return Optional.empty();
		}
		// "wednesday won't work, anything on friday instead?": the day still wanted is
		// the
		// last one named
		return Optional
			.of(named.size() > 1 && REFUSAL.matcher(text).find() ? named.get(named.size() - 1) : named.get(0));
	}

	/**
	 * The text with date words taken out, so "the 14th" or "8/20" are not read as times.
	 */
	private static String removeDayWords(String text) {
		String stripped = ISO.matcher(text).replaceAll(" ");
		stripped = SLASH.matcher(stripped).replaceAll(" ");
		stripped = MONTH_DAY.matcher(stripped).replaceAll(" ");
		stripped = DAY_MONTH.matcher(stripped).replaceAll(" ");
		stripped = ORDINAL.matcher(stripped).replaceAll(" ");
		stripped = IN_PERIOD.matcher(stripped).replaceAll(" ");
		return stripped;
	}

	private static Optional<LocalTime[]> partOfDay(String text) {
		if (text.contains(" first thing ")) {
			return Optional.of(new LocalTime[] { DAY_START, LocalTime.of(9, 0) });
		}
		if (text.contains("morning")) {
			return Optional.of(new LocalTime[] { DAY_START, LocalTime.NOON });
		}
		if (text.contains("lunch")) {
			return Optional.of(new LocalTime[] { LocalTime.NOON, LocalTime.of(14, 0) });
		}
		if (text.contains("afternoon")) {
			return Optional.of(new LocalTime[] { LocalTime.NOON, LocalTime.of(17, 0) });
		}
		if (text.contains("evening") || text.contains("tonight")) {
			return Optional.of(new LocalTime[] { LocalTime.of(17, 0), LocalTime.of(20, 0) });
		}
		return Optional.empty();
	}

	private static Optional<LocalTime> explicitTime(String text) {
		Matcher matcher = EXPLICIT_TIME.matcher(text);
		while (matcher.find()) {
			boolean marked = matcher.group(1) != null || matcher.group(3) != null || matcher.group(4) != null;
			if (!marked) {
				continue;
			}
			int hourValue = Integer.parseInt(matcher.group(2));
			if (hourValue > 23 || (matcher.group(3) != null && Integer.parseInt(matcher.group(3)) > 59)) {
				continue;
			}
			return Optional.of(hour(matcher.group(2), matcher.group(3), matcher.group(4)));
		}
		return Optional.empty();
	}

	/** 1-7 without am/pm is afternoon (clinic hours); 8-11 morning; 12 noon. */
	private static LocalTime hour(String hourText, String minuteText, String meridiem) {
		int hour = Integer.parseInt(hourText);
		int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
		String suffix = meridiem == null ? "" : meridiem.replace(".", "");
		if (suffix.equals("pm") && hour < 12) {
			hour += 12;
		}
		else if (suffix.equals("am") && hour == 12) {
			hour = 0;
		}
		else if (suffix.isEmpty() && hour >= 1 && hour <= 7) {
			hour += 12;
		}
		return LocalTime.of(Math.min(hour, 23), Math.min(minute, 59));
	}

	private static Optional<LocalDate> upcoming(int month, int dayOfMonth, LocalDate today) {
		Optional<LocalDate> thisYear = safeDate(today.getYear(), month, dayOfMonth);
		if (thisYear.isPresent() && thisYear.get().isBefore(today)) {
			return safeDate(today.getYear() + 1, month, dayOfMonth);
		}
		return thisYear;
	}

	private static Optional<LocalDate> safeDate(int year, int month, int dayOfMonth) {
		try {
			return Optional.of(LocalDate.of(year, month, dayOfMonth));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static int number(String word) {
		Integer known = NUMBERS.get(word);
		return known != null ? known : Integer.parseInt(word);
	}

}
