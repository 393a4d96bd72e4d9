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
		NonTimes.mask(tokens);
		Parse parse = new Parse(tokens, lexicon, context.reference(), context.anchor());
		List<Node> chosen = choose(CHART.parse(Words.initial(tokens, lexicon), parse));
		List<TimeMention> mentions = new ArrayList<>();
		Resolved previous = null;
		for (int i = 0; i < chosen.size(); i++) {
			Node node = chosen.get(i);
			Time time = (Time) node.sem();
			Resolved resolved = Resolver.resolve(time, parse);
			if (resolved == null || birthDate(node, time, resolved, parse)) {
				continue;
			}
			if (time.has(Time.FOLLOWING) && previous != null) {
				resolved = following(resolved, previous);
			}
			int previousEnd = i == 0 ? 0 : chosen.get(i - 1).end();
			int nextStart = i + 1 < chosen.size() ? chosen.get(i + 1).start() : tokens.size();
			boolean refused = Refusals.refused(tokens, lexicon, node.start(), node.end(), previousEnd, nextStart);
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
		return PrimaryMention.choose(text, read(text, context), context.language());
	}

	/** The longest times first, then the simplest readings; no two overlap. */
	private static List<Node> choose(List<Node> nodes) {
		List<Node> times = new ArrayList<>();
		for (Node node : nodes) {
			if (node.sem() instanceof Time time && !time.has(Time.WEAK)) {
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

	/**
	 * A date of birth is not a time wanted: a date after "born", "DOB", "birthday", or
	 * one with a year written that ended more than a year before now.
	 */
	private static boolean birthDate(Node node, Time time, Resolved resolved, Parse parse) {
		for (int start = Math.max(0, node.start() - 6); start < node.start(); start++) {
			int end = parse.lexicon().phraseEnd(parse.tokens(), start, "birth");
			if (end > start && end <= node.start()) {
				return true;
			}
		}
		return time.has(Time.YEAR) && resolved.end() != null && resolved.end().isBefore(parse.now().minusYears(1));
	}

	/**
	 * "Tuesday, or the following Friday": the first Friday after the day named before.
	 */
	private static Resolved following(Resolved resolved, Resolved previous) {
		java.time.LocalDate after = previous.date() instanceof DatePart.Day day ? day.date()
				: previous.date() instanceof DatePart.Days days ? days.until().minusDays(1) : null;
		if (after == null) {
			return resolved;
		}
		java.time.LocalDate date = Calendar.next(after, resolved.from().getDayOfWeek());
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
