package io.smiledesk.understanding;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth in a message, in English, Spanish or French: after a cue ("born",
 * "DOB", "nací el", "née le"), any date when the assistant asked for one, or a full date
 * long enough ago that nobody books it. Numeric dates are month first where the clinic
 * writes them so (US) and the message is English, otherwise day first.
 */
final class BirthDates {

	static final String MONTH = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec"
			+ "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
			+ "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|octobre|novembre|décembre|decembre)";

	/** Spanish and French month names; English ones are read by their prefix. */
	private static final Map<String, Integer> OTHER_MONTHS = Map.ofEntries(Map.entry("enero", 1),
			Map.entry("febrero", 2), Map.entry("marzo", 3), Map.entry("abril", 4), Map.entry("mayo", 5),
			Map.entry("junio", 6), Map.entry("julio", 7), Map.entry("agosto", 8), Map.entry("septiembre", 9),
			Map.entry("setiembre", 9), Map.entry("octubre", 10), Map.entry("noviembre", 11), Map.entry("diciembre", 12),
			Map.entry("janvier", 1), Map.entry("février", 2), Map.entry("fevrier", 2), Map.entry("mars", 3),
			Map.entry("avril", 4), Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7),
			Map.entry("août", 8), Map.entry("aout", 8), Map.entry("octobre", 10), Map.entry("novembre", 11),
			Map.entry("décembre", 12), Map.entry("decembre", 12));

	static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");

	static final Pattern NUMERIC_DATE = Pattern
		.compile("(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?![\\d/-]|\\.\\d)");

	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\s+(?:of\\s+|de\\s+)?" + MONTH
				+ "\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

	private static final Pattern BIRTH_CUE = Pattern
		.compile("\\b(born|dob|d\\.o\\.b\\.?|date of birth|birth ?date|birthday|bday|b-day|nac[ií]|nacid[oa]|"
				+ "fecha de nacimiento|cumplea[ñn]os|n[ée]e? le|date de naissance|anniversaire)(?![\\p{L}])");

	/**
	 * A date of birth: a date after a cue ("born", "dob", "birthday"), any date when the
	 * assistant asked for it, or a full date more than two years back (nobody books one).
	 */
	LocalDate dateOfBirth(StringBuilder rest, LocalDate today, boolean asked, boolean dayFirst) {
		String lower = rest.toString().toLowerCase(Locale.ROOT);
		Matcher cue = BIRTH_CUE.matcher(lower);
		int from = cue.find() ? cue.end() : -1;
		for (Pattern pattern : List.of(ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR)) {
			Matcher matcher = pattern.matcher(lower);
			while (matcher.find()) {
				Optional<LocalDate> date = date(pattern, matcher, today, dayFirst);
				if (date.isEmpty() || !date.get().isBefore(today) || date.get().getYear() < 1900) {
					continue;
				}
				boolean afterCue = from >= 0 && matcher.start() >= from && matcher.start() - from <= 20;
				if (afterCue || asked || date.get().isBefore(today.minusYears(2))) {
					EntityExtractor.blank(rest, from >= 0 && afterCue ? cue.start() : matcher.start(), matcher.end());
					return date.get();
				}
			}
		}
		return null;
	}

	private Optional<LocalDate> date(Pattern pattern, Matcher matcher, LocalDate today, boolean dayFirst) {
		int year;
		int month;
		int day;
		if (pattern == ISO_DATE) {
			year = Integer.parseInt(matcher.group(1));
			month = Integer.parseInt(matcher.group(2));
			day = Integer.parseInt(matcher.group(3));
		}
		else if (pattern == NUMERIC_DATE) {
			int first = Integer.parseInt(matcher.group(1));
			int second = Integer.parseInt(matcher.group(2));
			year = year(matcher.group(3), today);
			// month first where the clinic writes it so (US); otherwise, or when the
			// first
			// number cannot be a month, day first
			boolean monthFirst = !dayFirst && "US".equalsIgnoreCase(phoneRegion) && first <= 12 || second > 12;
			month = monthFirst ? first : second;
			day = monthFirst ? second : first;
		}
		else if (pattern == DAY_MONTH_YEAR) {
			day = Integer.parseInt(matcher.group(1));
			month = month(matcher.group(2));
			year = Integer.parseInt(matcher.group(3));
		}
		else {
			month = month(matcher.group(1));
			day = Integer.parseInt(matcher.group(2));
			year = Integer.parseInt(matcher.group(3));
		}
		try {
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static int year(String written, LocalDate today) {
		int year = Integer.parseInt(written);
		if (written.length() == 2) {
			int century = today.getYear() / 100 * 100;
			year = century + year > today.getYear() ? century - 100 + year : century + year;
		}
		return year;
	}

	private static int month(String written) {
		Integer other = OTHER_MONTHS.get(written.toLowerCase(Locale.ROOT));
		if (other != null) {
			return other;
		}
		for (Month month : Month.values()) {
			if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
				.toLowerCase(Locale.ROOT)
				.startsWith(written.toLowerCase(Locale.ROOT))) {
				return month.getValue();
			}
		}
		throw new IllegalArgumentException("Not a month: " + written);
	}

	private final String phoneRegion;

	BirthDates(String phoneRegion) {
		this.phoneRegion = phoneRegion;
	}

}
