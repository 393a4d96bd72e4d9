package io.smiledesk.understanding.time;

/**
 * One time expression found in a message: where it is ({@code start}/{@code end} are
 * character offsets, end exclusive), its literal reading, whether the writer refuses it
 * ("not Monday", "Friday won't work"), and which date and time of day its words fix.
 */
public record TimeMention(int start, int end, String text, Literal literal, boolean refused, DatePart date,
		TimeOfDay timeOfDay) {

	TimeMention refuse() {
		return new TimeMention(start, end, text, literal, true, date, timeOfDay);
	}

}
