package io.smiledesk.understanding.time;

import java.time.ZonedDateTime;

/**
 * The literal reading of a time expression (see docs/time-expressions.md): what the words
 * say, resolved against the reference in the clinic's zone.
 */
public sealed interface Literal {

	Grain grain();

	/** Where the reading starts; null for an interval open at its start. */
	ZonedDateTime start();

	/**
	 * Where it ends, exclusive: the end of a value's unit, or of an interval; null for an
	 * interval open at its end.
	 */
	ZonedDateTime end();

	/** One point or one calendar unit: "3pm" (hour), "tomorrow" (day), "next week". */
	record Value(ZonedDateTime at, Grain grain) implements Literal {

		@Override
		public ZonedDateTime start() {
			return at;
		}

		@Override
		public ZonedDateTime end() {
			return grain.after(at.toLocalDateTime()).atZone(at.getZone());
		}

	}

	/**
	 * From (inclusive) to (exclusive), with the grain of its ends; either side may be
	 * null (open): "after 5pm" has only a start, "by Friday" only an end.
	 */
	record Interval(ZonedDateTime from, ZonedDateTime to, Grain grain) implements Literal {

		public Interval {
			if (from == null && to == null) {
				throw new IllegalArgumentException("an interval needs at least one end");
			}
		}

		@Override
		public ZonedDateTime start() {
			return from;
		}

		@Override
		public ZonedDateTime end() {
			return to;
		}

	}

}
