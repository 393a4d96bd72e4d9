package io.smiledesk.understanding.time;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Readings in the notation of the time corpus ("2026-03-11T15:00 hour",
 * "2026-03-10T14:00/2026-03-10T16:00 hour", "/2026-03-14 day", "none"), for tests that
 * read like the contract. The reference is Tuesday 10 March 2026, 09:30 in New York
 * unless a test gives another.
 */
final class Readings {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZonedDateTime TUESDAY = LocalDateTime.of(2026, 3, 10, 9, 30).atZone(NEW_YORK);

	private static final TimeReader READER = new TimeReader();

	private Readings() {
	}

	static String primary(String text) {
		return primary(text, TimeContext.of(TUESDAY, "en"));
	}

	static String primary(String text, String language) {
		return primary(text, TimeContext.of(TUESDAY, language));
	}

	static String primary(String text, TimeContext context) {
		return READER.primary(text, context).map(mention -> notation(mention.literal())).orElse("none");
	}

	static List<TimeMention> mentions(String text) {
		return READER.read(text, TimeContext.of(TUESDAY, "en"));
	}

	static String notation(Literal literal) {
		if (literal instanceof Literal.Value value) {
			return moment(value.at()) + " " + value.grain().label();
		}
		return moment(literal.start()) + "/" + moment(literal.end()) + " " + literal.grain().label();
	}

	private static String moment(ZonedDateTime at) {
		if (at == null) {
			return "";
		}
		LocalDateTime local = at.toLocalDateTime();
		return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().toString() : local.toString();
	}

}
