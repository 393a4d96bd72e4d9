package io.smiledesk.understanding.time;

/**
 * A clock time as written: "3" and "3pm" are both hour 3, with and without a meridiem.
 * {@code cued} when something marks it as a time (a meridiem, minutes, "at", "o'clock");
 * a bare number is never a time on its own. Hour 24 is midnight, the end of the day.
 */
record Clock(int hour, int minute, Meridiem meridiem, boolean minutes, boolean cued) implements Sem {

	enum Meridiem {

		/** Not said: a clinic's day decides (1-7 afternoon, 8-11 morning, 12 noon). */
		NONE, AM, PM,
		/** Already on the 24-hour clock ("15:00", "08:30"). */
		H24

	}

	static final int DAY = 24 * 60;

	@Override
	public String key() {
		return "t:clock";
	}

	static Clock of(int minuteOfDay, boolean minutes) {
		return new Clock(minuteOfDay / 60, minuteOfDay % 60, Meridiem.H24, minutes, true);
	}

	Clock cue() {
		return cued ? this : new Clock(hour, minute, meridiem, minutes, true);
	}

	Clock with(Meridiem said) {
		return new Clock(hour, minute, said, minutes, true);
	}

	Grain grain() {
		return minutes ? Grain.MINUTE : Grain.HOUR;
	}

	/** The minute of the day, 0 to 1440, as a clinic reads it. */
	int minuteOfDay() {
		return switch (meridiem) {
			case H24 -> hour * 60 + minute;
			case AM -> (hour == 12 ? 0 : hour) * 60 + minute;
			case PM -> (hour == 12 ? 12 : hour + 12) * 60 + minute;
			case NONE -> (hour >= 1 && hour <= 7 ? hour + 12 : hour) * 60 + minute;
		};
	}

	/**
	 * The minute of the day within a part of the day ("8 in the evening" is 20:00, "12 at
	 * night" midnight); when neither reading falls in the part, the one nearer to it ("2
	 * in the morning" is 02:00).
	 */
	int minuteOfDay(int partFrom, int partTo) {
		if (meridiem != Meridiem.NONE || hour > 12) {
			return minuteOfDay();
		}
		int am = (hour == 12 ? 0 : hour) * 60 + minute;
		int pm = (hour == 12 ? 12 : hour + 12) * 60 + minute;
		if (hour == 12 && partFrom >= 18 * 60) {
			return DAY;
		}
		if (am >= partFrom && am < partTo) {
			return am;
		}
		if (pm >= partFrom && pm < partTo) {
			return pm;
		}
		return distance(am, partFrom, partTo) <= distance(pm, partFrom, partTo) ? am : pm;
	}

	/** Minutes from a minute of the day to a part of the day, around the clock. */
	private static int distance(int minute, int from, int to) {
		int before = Math.floorMod(from - minute, DAY);
		int after = Math.floorMod(minute - to, DAY);
		return Math.min(before, after);
	}

}
