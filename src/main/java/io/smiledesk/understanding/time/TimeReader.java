package io.smiledesk.understanding.time;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the time expressions of a message and reads them as docs/time-expressions.md
 * says: tokens, the lexicon of the message's language, a chart of every meaning the
 * grammar's rules find, and the longest times that do not overlap. Thread-safe; the
 * grammar is built once.
 */
public final class TimeReader {

	private static final Chart CHART = new Chart(Rules.grammar());

	private static final Comparator<Node> BEST = Comparator.comparingInt(Node::length)
		.reversed()
		.thenComparingInt(Node::cost)
		.thenComparingInt(Node::start);

	/** Every time mentioned, in the order written. */
	public List<TimeMention> read(String text, TimeContext context) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Lexicon lexicon = Lexicon.of(context.language());
		List<Token> tokens = new ArrayList<>(lexicon.tokenizer().tokenize(text));
		NonTimes.mask(tokens, lexicon, text);
		Parse parse = new Parse(tokens, lexicon, context.reference(), context.anchor());
		List<Node> chosen = choose(CHART.parse(Words.initial(tokens, lexicon), parse), tokens);
		List<TimeMention> mentions = new ArrayList<>();
		Resolved previous = null;
		for (int i = 0; i < chosen.size(); i++) {
			Node node = chosen.get(i);
			Time time = (Time) node.sem();
			Resolved resolved = told(node, time, relative(time, previous, parse), parse);
			if (resolved == null || birthDate(node, time, resolved, parse)) {
				continue;
			}
			int previousEnd = i == 0 ? 0 : chosen.get(i - 1).end();
			int nextStart = i + 1 < chosen.size() ? chosen.get(i + 1).start() : tokens.size();
			// "not before the 16th, I'm away till then": the negation is read already
			boolean negated = lexicon.phraseEnd(tokens, node.start(), "not") > node.start();
			boolean refused = !negated
					&& Refusals.refused(tokens, lexicon, node.start(), node.end(), previousEnd, nextStart);
			int start = tokens.get(node.start()).start();
			int end = tokens.get(node.end() - 1).end();
			mentions.add(new TimeMention(start, end, text.substring(start, end),
					literal(resolved, context.reference().getZone()), refused, resolved.date(), resolved.time()));
			previous = resolved;
		}
		return List.copyOf(mentions);
	}

	/** The time the message means, if any (see {@link PrimaryMention}). */
	public Optional<TimeMention> primary(String text, TimeContext context) {
		return primary(text, read(text, context), context);
	}

	/**
	 * The time meant among the mentions read from the text. A time of day alone, chosen
	 * after a day that named no clock time ("this Friday morning, ideally around 9"), is
	 * read together with that day: the second narrows the first.
	 */
	public Optional<TimeMention> primary(String text, List<TimeMention> mentions, TimeContext context) {
		Optional<TimeMention> chosen = PrimaryMention.choose(text, mentions, context);
		if (chosen.isPresent()) {
			chosen = Optional.of(newTimeOfMove(text, chosen.get(), context));
			chosen = Optional.of(narrowedSpan(text, chosen.get(), mentions, context));
			chosen = Optional.of(narrowedDay(text, chosen.get(), mentions, context));
		}
		if (chosen.isEmpty() || !(chosen.get().date() instanceof DatePart.None)
				|| chosen.get().timeOfDay() instanceof TimeOfDay.None) {
			return chosen;
		}
		TimeMention time = chosen.get();
		for (int i = mentions.indexOf(time) - 1; i >= 0; i--) {
			TimeMention day = mentions.get(i);
			boolean over = day.literal().end() != null && !day.literal().end().isAfter(context.reference());
			if (day.refused() || over) {
				// "not Monday, at 3"; "since last night, anytime before 5"
				return chosen;
			}
			boolean clock = day.timeOfDay() instanceof TimeOfDay.Clock
					|| day.timeOfDay() instanceof TimeOfDay.ClockRange;
			if (!(day.date() instanceof DatePart.None) && !clock) {
				List<TimeMention> together = read(day.text() + " " + time.text(), context);
				if (together.size() == 1 && !(together.get(0).date() instanceof DatePart.None)
						&& !(together.get(0).timeOfDay() instanceof TimeOfDay.None)) {
					TimeMention read = together.get(0);
					return Optional.of(new TimeMention(day.start(), time.end(), text.substring(day.start(), time.end()),
							read.literal(), false, read.date(), read.timeOfDay()));
				}
				return chosen;
			}
		}
		return chosen;
	}

	/**
	 * A span of days narrowed by a day named after it ("next week. Tuesday afternoon if
	 * possible"): the day of that span, read with the span's words.
	 */
	private TimeMention narrowedSpan(String text, TimeMention span, List<TimeMention> mentions, TimeContext context) {
		if (!(span.date() instanceof DatePart.Days days)) {
			return span;
		}
		for (int i = mentions.indexOf(span) + 1; i < mentions.size(); i++) {
			TimeMention day = mentions.get(i);
			if (day.refused() || day.date() instanceof DatePart.Days) {
				return span;
			}
			if (!(day.date() instanceof DatePart.Day)) {
				continue;
			}
			List<TimeMention> together = read(span.text() + " " + day.text(), context);
			if (together.size() == 1 && together.get(0).date() instanceof DatePart.Day within
					&& !within.date().isBefore(days.from()) && within.date().isBefore(days.until())) {
				TimeMention read = together.get(0);
				return new TimeMention(span.start(), day.end(), text.substring(span.start(), day.end()), read.literal(),
						false, read.date(), read.timeOfDay());
			}
			return span;
		}
		return span;
	}

	/**
	 * A day narrowed by a time of day alone written after it ("I need a crown consult
	 * this Friday. I can only do afternoons"): the two read together.
	 */
	private TimeMention narrowedDay(String text, TimeMention day, List<TimeMention> mentions, TimeContext context) {
		if (day.date() instanceof DatePart.None || !(day.timeOfDay() instanceof TimeOfDay.None)) {
			return day;
		}
		int next = mentions.indexOf(day) + 1;
		if (next <= 0 || next >= mentions.size()) {
			return day;
		}
		TimeMention time = mentions.get(next);
		if (time.refused() || !(time.date() instanceof DatePart.None) || time.timeOfDay() instanceof TimeOfDay.None) {
			return day;
		}
		List<TimeMention> together = read(day.text() + " " + time.text(), context);
		if (together.size() != 1 || together.get(0).date() instanceof DatePart.None
				|| together.get(0).timeOfDay() instanceof TimeOfDay.None) {
			return day;
		}
		TimeMention read = together.get(0);
		return new TimeMention(day.start(), time.end(), text.substring(day.start(), time.end()), read.literal(), false,
				read.date(), read.timeOfDay());
	}

	/**
	 * Moving an appointment "del miércoles al viernes" read as one range of days: the new
	 * time is the end's ("viernes"), not the days between.
	 */
	private TimeMention newTimeOfMove(String text, TimeMention mention, TimeContext context) {
		java.util.regex.Matcher range = PrimaryMention.FROM_TO.matcher(mention.text());
		if (!PrimaryMention.changes(text) || !range.matches()) {
			return mention;
		}
		List<TimeMention> to = read(range.group(1), context);
		if (to.size() != 1 || to.get(0).date() instanceof DatePart.None) {
			return mention;
		}
		TimeMention end = to.get(0);
		int start = mention.start() + range.start(1) + end.start();
		return new TimeMention(start, start + end.text().length(), end.text(), end.literal(), mention.refused(),
				end.date(), end.timeOfDay());
	}

	/**
	 * The longest times first, then the simplest readings; no two overlap. A weak time
	 * counts only when it is the whole message ("Sun?", "May").
	 */
	private static List<Node> choose(List<Node> nodes, List<Token> tokens) {
		List<Node> times = new ArrayList<>();
		for (Node node : nodes) {
			if (node.sem() instanceof Time time && (!time.has(Time.WEAK) || alone(node, time, tokens))) {
				times.add(node);
			}
		}
		times.sort(BEST);
		List<Node> chosen = new ArrayList<>();
		for (Node node : times) {
			if (chosen.stream().noneMatch(other -> other.start() < node.end() && node.start() < other.end())) {
				chosen.add(node);
			}
		}
		chosen.sort(Comparator.comparingInt(Node::start));
		return chosen;
	}

	private static boolean alone(Node node, Time time, List<Token> tokens) {
		if (!(time.date() instanceof DateSpec.Fields fields) || fields.day() != null) {
			return false;
		}
		for (Token token : tokens) {
			boolean inside = token.index() >= node.start() && token.index() < node.end();
			if (!inside && token.kind() != Token.Kind.PUNCT) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A date of birth is not a time wanted: a date after "born", "DOB", "birthday", or
	 * one whose written year is more than a year before this one (in 2028, "2/15/27" is a
	 * time, "2/15/26" is not).
	 */
	private static boolean birthDate(Node node, Time time, Resolved resolved, Parse parse) {
		for (int start = Math.max(0, node.start() - 6); start < node.start(); start++) {
			int end = parse.lexicon().phraseEnd(parse.tokens(), start, "birth");
			if (end > start && end <= node.start()) {
				return true;
			}
		}
		return time.has(Time.YEAR) && resolved.end() != null
				&& resolved.end().minusNanos(1).getYear() < parse.now().getYear() - 1;
	}

	/**
	 * The time, read against the time mentioned before it when its words refer to it:
	 * "Tuesday, or the following Friday" (the first Friday after that Tuesday), "not
	 * tomorrow, the day after".
	 */
	private static Resolved relative(Time time, Resolved previous, Parse parse) {
		java.time.LocalDate before = previous == null ? null : previous.date() instanceof DatePart.Day day ? day.date()
				: previous.date() instanceof DatePart.Days days ? days.until().minusDays(1) : null;
		if (before == null && previous == null && time.has(Time.FOLLOWING) && parse.anchorTime() != null) {
			// "the following Saturday" of the day being talked about
			before = parse.anchorTime().toLocalDate();
		}
		if (before != null && time.has(Time.FOLLOWING)) {
			Resolved alone = Resolver.resolve(time, parse);
			if (alone == null) {
				return null;
			}
			java.time.LocalDate following = Calendar.next(before, alone.from().getDayOfWeek());
			// "the following Monday at 9": that day, at the time said
			return time.tod() == null ? day(following)
					: Resolver.resolve(new Time(DateSpec.Days.day(following), time.tod(), null, time.flags()), parse);
		}
		if (before != null && time.has(Time.DAY_AFTER_PREVIOUS)) {
			return day(before.plusDays(1));
		}
		if (before != null && time.has(Time.DAY_BEFORE_PREVIOUS)) {
			return day(before.minusDays(1));
		}
		return Resolver.resolve(time, parse);
	}

	/**
	 * A date without a year told of in the past tense ("my last cleaning was Oct 2", "I
	 * chipped it on Christmas") is the one gone by, not the next one.
	 */
	private static Resolved told(Node node, Time time, Resolved resolved, Parse parse) {
		if (resolved == null || resolved.from() == null || !resolved.from().toLocalDate().isAfter(parse.today())
				|| !PastTense.before(parse.tokens(), parse.lexicon(), node.start())) {
			return resolved;
		}
		java.time.LocalDate base = Resolver.pastBase(time.date(), parse.today());
		Resolved past = base == null ? null : Resolver.resolve(time, parse, base);
		return past == null || past.from().toLocalDate().isAfter(parse.today()) ? resolved : past;
	}

	private static Resolved day(java.time.LocalDate date) {
		return Resolved.value(date.atStartOfDay(), Grain.DAY, new DatePart.Day(date), TimeOfDay.NONE);
	}

	private static Literal literal(Resolved resolved, ZoneId zone) {
		if (resolved.value()) {
			return new Literal.Value(zoned(resolved.from(), zone, resolved), resolved.grain());
		}
		return new Literal.Interval(resolved.from() == null ? null : zoned(resolved.from(), zone, resolved),
				resolved.to() == null ? null : zoned(resolved.to(), zone, null), resolved.grain());
	}

	/**
	 * In the zone: a time in the spring-forward gap moves forward by the gap, an
	 * ambiguous one takes the earlier offset, unless it was computed on the time line.
	 */
	private static ZonedDateTime zoned(java.time.LocalDateTime local, ZoneId zone, Resolved resolved) {
		return ZonedDateTime.ofLocal(local, zone, resolved == null ? null : resolved.offset());
	}

}
