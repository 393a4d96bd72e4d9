package io.smiledesk.knowledge;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of fact a question asks for (a price, a clock time, a duration, a phone
 * number...) and the days it names, and whether a sentence holds such a fact. An answer
 * should quote the sentence that holds it; a knowledge base whose nearest sentences hold
 * no such fact does not answer the question ("what brand of gel?" near a passage about
 * the gel that names none).
 *
 * @param kinds the kinds of fact asked for; empty for an open question
 * @param days the days of the week the question names ("fridays", "tomorrow", "weekends")
 */
record AskedFacts(Set<Kind> kinds, Set<DayOfWeek> days, String counted) {

	enum Kind {

		PRICE("\\b(how much|cost|costs|costing|price|prices|priced|fee|fees|charge|charges|charged|expensive|cheap|"
				+ "cheaper|afford|pay for)\\b",
				"\\$ ?\\d|\\d+ ?(dollars|usd)\\b|\\bfree\\b|\\bno (fee|cost|charge|interest)\\b|\\bstandard fees\\b|"
						+ "\\bquoted\\b|\\bdiscount\\b|\\d+ ?%"),

		CLOCK("\\b(what time|how late|how early|earliest|latest|until what time|till what time|til what time|"
				+ "when do you (open|close)|open late|open early|what are (your|the) hours|hours on)\\b",
				"\\b\\d{1,2}(:\\d{2})? ?(am|pm|a\\.m|p\\.m)\\b|\\bclosed\\b|\\bnoon\\b"),

		DURATION("\\bhow long\\b(?! ago)|\\bhow many (minutes|hours|days|weeks|months)\\b",
				"\\b(\\d+|an?|one|two|three|four|five|six|few|a few|several|fifteen|thirty) "
						+ "(minutes?|hours?|days?|weeks?|months?|years?)\\b|\\bwithin an hour\\b"),

		DAYS("\\b(which|what) days?\\b|\\bwhat days\\b",
				"\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b|\\bevery day\\b"),

		PHONE("\\b(phone|telephone|call|ring|number to|number for|phone number|emergency number)\\b",
				"\\+?\\d[\\d ().-]{8,}\\d|\\b911\\b"),

		EMAIL("\\be ?mail\\b", "[\\w.+-]+@[\\w-]+\\.[\\w.]+"),

		WEBSITE("\\b(website|web site|webpage|site)\\b", "https?://|www\\.|\\b[\\w-]+\\.(example|com|org|net)\\b"),

		ADDRESS("\\b(address|located|location|zip|postal|suite|street|floor|building|town|city|where is the office|"
				+ "where are you)\\b",
				"\\b\\d+ \\w+ (avenue|street|road|ave|st|blvd|boulevard)\\b|\\bsuite\\b|\\b\\d{5}\\b|\\bfloor\\b|"
						+ "\\bbuilding\\b|\\bstreet\\b|\\bnext to\\b"),

		/** Who: answered by a person's name. */
		PERSON("\\b(who|whos|which (dentists?|doctors?|hygienists?|providers?|one|\\w+ists?)|names?)\\b", null),

		/** A product's brand: answered by a name. */
		BRAND("\\b(brand|brands|what make|which make)\\b", null),

		/** Some number other than a phone number ("which bus number"). */
		NUMBER("\\b(?<!phone )number\\b(?! (to|for))", "\\b\\d+\\b"),

		PERCENT("\\b(percent|percentage)\\b|%", "\\d+ ?%|\\bpercent\\b"),

		/**
		 * How many of something: answered by a number of that something ("fifteen
		 * years").
		 */
		COUNT("\\bhow many\\b", null);

		private final Pattern asked;

		private final Pattern held;

		Kind(String asked, String held) {
			this.asked = Pattern.compile(asked);
			this.held = held == null ? null : Pattern.compile(held, Pattern.CASE_INSENSITIVE);
		}

		/** Whether a sentence states a fact of this kind. */
		boolean heldBy(String sentence) {
			if (this == BRAND || this == PERSON) {
				return namesSomething(sentence);
			}
			if (this == COUNT) {
				return false; // see AskedFacts.holds: what is counted matters
			}
			return held.matcher(sentence).find();
		}

	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");

	/** A number of things: "three rounds", "15 minutes", "two of our staff". */
	private static final Pattern COUNTED = Pattern.compile(
			"\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)( [\\w'-]+){1,4}",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The words that ask for a kind of fact, left out when looking for what a question is
	 * about.
	 */
	static final Set<String> ASKING = Terms.of("cost price fee charge much time long many phone number call email "
			+ "website address brand percent who name names day days hour hours minutes pay open close");

	private static final Set<String> ORDINARY_CAPITALS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
			"october", "november", "december", "dr", "i", "we", "our", "you", "am", "pm");

	AskedFacts {
		kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
		days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
	}

	static AskedFacts of(QuestionReading reading, LocalDate today) {
		String text = reading.text();
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		for (Kind kind : Kind.values()) {
			if (kind.asked.matcher(text).find()) {
				kinds.add(kind);
			}
		}
		if (kinds.contains(Kind.COUNT) && kinds.contains(Kind.PRICE)) {
			kinds.remove(Kind.COUNT); // "how many dollars"
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String word : reading.words()) {
			DayOfWeek day = day(word);
			if (day != null) {
				days.add(day);
			}
			else if (word.equals("weekend") || word.equals("weekends")) {
				days.add(DayOfWeek.SATURDAY);
				days.add(DayOfWeek.SUNDAY);
			}
			else if (today != null && word.equals("today")) {
				days.add(today.getDayOfWeek());
			}
			else if (today != null && word.equals("tomorrow")) {
				days.add(today.plusDays(1).getDayOfWeek());
			}
		}
		String counted = null;
		int many = reading.words().indexOf("many");
		for (int i = many + 1; many > 0 && i < reading.words().size(); i++) {
			Set<String> stems = Terms.of(reading.words().get(i));
			if (!stems.isEmpty()) {
				counted = stems.iterator().next();
				break;
			}
		}
		return new AskedFacts(kinds, days, counted);
	}

	private static DayOfWeek day(String word) {
		for (DayOfWeek day : DayOfWeek.values()) {
			String name = day.name().toLowerCase(java.util.Locale.ROOT);
			if (word.equals(name) || word.equals(name + "s")) {
				return day;
			}
		}
		return null;
	}

	/**
	 * The share of the asked kinds the sentences hold; 1 when nothing in particular is
	 * asked.
	 */
	double heldShare(List<String> sentences) {
		if (kinds.isEmpty()) {
			return 1;
		}
		int held = 0;
		for (Kind kind : kinds) {
			if (sentences.stream().anyMatch(sentence -> holds(kind, sentence))) {
				held++;
			}
		}
		return held / (double) kinds.size();
	}

	/**
	 * How many of the asked kinds one sentence holds.
	 */
	int heldBy(String sentence) {
		int held = 0;
		for (Kind kind : kinds) {
			if (holds(kind, sentence)) {
				held++;
			}
		}
		return held;
	}

	/**
	 * Whether a sentence holds an asked fact; a count must count what was asked about.
	 */
	boolean holds(Kind kind, String sentence) {
		if (kind != Kind.COUNT) {
			return kind.heldBy(sentence);
		}
		if (counted == null) {
			return false;
		}
		var numbers = COUNTED.matcher(sentence);
		while (numbers.find()) {
			if (Terms.of(numbers.group()).contains(counted)) {
				return true;
			}
		}
		return false;
	}

	boolean namesAskedDay(String sentence) {
		String lower = sentence.toLowerCase(java.util.Locale.ROOT);
		for (DayOfWeek day : days) {
			if (lower.contains(day.name().toLowerCase(java.util.Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/** A capitalised word inside the sentence that is not a day, a month or a title. */
	private static boolean namesSomething(String sentence) {
		var words = WORD.matcher(sentence);
		boolean first = true;
		while (words.find()) {
			String word = words.group();
			if (!first && Character.isUpperCase(word.charAt(0))
					&& !ORDINARY_CAPITALS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
				return true;
			}
			first = false;
		}
		return false;
	}

}
