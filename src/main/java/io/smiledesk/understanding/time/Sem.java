package io.smiledesk.understanding.time;

/**
 * What a stretch of tokens means to the grammar: a lexicon word, a number, an ordinal, a
 * unit, a quantity, a clock time, or a time (the only kind that becomes a mention).
 * {@link #key()} files it for the rules that can use it.
 */
sealed interface Sem permits Sem.Word, Sem.Num, Sem.Ord, Sem.Unit, Sem.Quantity, Clock, Time {

	String key();

	/**
	 * A lexicon phrase (category and value), or a punctuation mark (its own category).
	 */
	record Word(String category, String value, boolean weak) implements Sem {

		/** Keys made once per category: the chart asks for them all the time. */
		private static final java.util.Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public String key() {
			return KEYS.computeIfAbsent(category, name -> "w:" + name);
		}

		int number() {
			return Integer.parseInt(value);
		}

	}

	/**
	 * A number: written in digits ({@code length} of them), spelled, an article ("a
	 * week") or an amount word ("a couple"). {@code countLike} when the words around make
	 * it a count, a price or an age ("2 kids", "$120", "tooth 14"), never a clock time.
	 */
	record Num(int value, Form form, int length, boolean leadingZero, boolean countLike) implements Sem {

		enum Form {

			DIGITS, SPELLED, ARTICLE, AMOUNT

		}

		@Override
		public String key() {
			return "t:num";
		}

		boolean digits() {
			return form == Form.DIGITS;
		}

		/** A number that can name an hour or a day: digits or a spelled number. */
		boolean plain() {
			return form == Form.DIGITS || form == Form.SPELLED;
		}

	}

	/**
	 * An ordinal ("3rd", "third"), or a plain number standing for a day of the month
	 * ({@code bare}: "march 3", "el 24").
	 */
	record Ord(int value, boolean spelled, boolean bare) implements Sem {

		@Override
		public String key() {
			return "t:ord";
		}

	}

	/** A unit of time; a fortnight is two weeks. */
	record Unit(Grain grain, int times) implements Sem {

		@Override
		public String key() {
			return "t:unit";
		}

	}

	/** An amount of time: "3 days", "half an hour" (30 minutes), "a fortnight". */
	record Quantity(int amount, Grain unit) implements Sem {

		@Override
		public String key() {
			return "t:quantity";
		}

		boolean clock() {
			return unit.clock();
		}

		java.time.Duration duration() {
			return unit == Grain.HOUR ? java.time.Duration.ofHours(amount) : java.time.Duration.ofMinutes(amount);
		}

	}

}
