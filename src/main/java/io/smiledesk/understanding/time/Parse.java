package io.smiledesk.understanding.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One reading of one message: its tokens, the language's lexicon, and the moments it is
 * resolved against (clinic-local).
 */
record Parse(List<Token> tokens, Lexicon lexicon, ZonedDateTime reference, ZonedDateTime anchor) {

	LocalDateTime now() {
		return reference.toLocalDateTime();
	}

	LocalDate today() {
		return reference.toLocalDate();
	}

	/** The anchor in clinic-local time, or null when nothing is being talked about. */
	LocalDateTime anchorTime() {
		return anchor == null ? null : anchor.toLocalDateTime();
	}

	/**
	 * English "next Friday" is next week's; Spanish and French, the first after today.
	 */
	boolean nextMeansNextWeek() {
		return lexicon.setting("next-weekday", "next-week").equals("next-week");
	}

	/** "3/4" is March 4th in English, April 3rd in Spanish and French. */
	boolean monthFirst() {
		return lexicon.setting("date-order", "mdy").equals("mdy");
	}

	Token token(int index) {
		return index >= 0 && index < tokens.size() ? tokens.get(index) : null;
	}

}
