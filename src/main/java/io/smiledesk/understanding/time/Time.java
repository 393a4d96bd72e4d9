package io.smiledesk.understanding.time;

/**
 * A time expression: a date side and a time-of-day side still to be resolved, or a
 * reading already resolved (relative offsets, open spans of days, date-time ranges).
 * Flags: {@code WEAK} is a time only with other words ("may", "sun"); {@code YEAR} when a
 * year was written (a date long past is then a date of birth, not a time wanted);
 * {@code FOLLOWING} for "the following Friday", which follows a day named before it;
 * {@code DAY_AFTER_PREVIOUS} and {@code DAY_BEFORE_PREVIOUS} for "the day after", "the
 * day before" said of a day named before them ("not tomorrow, the day after").
 */
record Time(DateSpec date, Tod tod, Resolved done, int flags) implements Sem {

	static final int WEAK = 1;

	static final int YEAR = 2;

	static final int FOLLOWING = 4;

	/** "the day after" (or before) the day named just before, else the anchor's. */
	static final int DAY_AFTER_PREVIOUS = 8;

	static final int DAY_BEFORE_PREVIOUS = 16;

	@Override
	public String key() {
		return "t:time";
	}

	static Time of(DateSpec date) {
		return new Time(date, null, null, 0);
	}

	static Time of(Tod tod) {
		return new Time(null, tod, null, 0);
	}

	static Time of(DateSpec date, Tod tod) {
		return new Time(date, tod, null, 0);
	}

	static Time of(Resolved done) {
		return new Time(null, null, done, 0);
	}

	boolean has(int flag) {
		return (flags & flag) != 0;
	}

	Time with(int flag) {
		return new Time(date, tod, done, flags | flag);
	}

	Time without(int flag) {
		return new Time(date, tod, done, flags & ~flag);
	}

	/** Only a date side: "Friday", "next week". */
	boolean dateOnly() {
		return done == null && date != null && tod == null;
	}

	/** Only a time-of-day side: "at 3", "in the morning". */
	boolean todOnly() {
		return done == null && date == null && tod != null;
	}

	/** Both sides, still to be resolved. */
	boolean structured() {
		return done == null;
	}

	/** Flags of two times combined: weak only if both were. */
	static int combine(Time a, Time b) {
		int weak = a.has(WEAK) && b.has(WEAK) ? WEAK : 0;
		// "the following Monday at 9" still follows the day named before it
		return weak | ((a.flags | b.flags) & (YEAR | FOLLOWING));
	}

}
