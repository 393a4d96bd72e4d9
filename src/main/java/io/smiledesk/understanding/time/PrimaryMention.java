package io.smiledesk.understanding.time;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time a message means among those it mentions. After a refusal, a time not refused
 * that follows it ("not Monday, Tuesday"; "Wednesday won't work, what about Thursday").
 * After a correction, the corrected time ("Friday, actually Saturday"). A time already
 * over (a symptom's start, a past visit) gives way to one still ahead. Of the rest, the
 * first one asked for ("I lost a tooth today, can we come tomorrow?": a question, "can",
 * "would be ideal"), else the first: alternatives keep the first ("Tuesday or
 * Wednesday"), and explanations come after the request ("Wednesday after 3, she has camp
 * in the morning"). Moving an appointment "from Friday to Monday" means Monday.
 */
public final class PrimaryMention {

	private static final int CLAUSE = 120;

	/** Words that move an appointment: its old time comes first, "to" the new one. */
	private static final java.util.regex.Pattern CHANGE = java.util.regex.Pattern.compile(
			"(?iu)\\b(move|moving|reschedul\\w*|change|switch|push|shift|postpone|bring|mover|cambiar|pasar|cambia|d[ée]placer|d[ée]caler|changer|reporter|avancer)\\b");

	private static final java.util.regex.Pattern TO = java.util.regex.Pattern
		.compile("(?iu)\\W*(to|into|for|till|until|al|a|para|pour|à|au|vers)\\W*");

	/** "al viernes": the "to" read as part of the new time's own words. */
	private static final java.util.regex.Pattern TO_START = java.util.regex.Pattern
		.compile("(?iu)^(to|into|till|until|al|a|para|pour|à|au|vers)\\b.*");

	/** A range written "from ... to ...": its end, group 1. */
	static final java.util.regex.Pattern FROM_TO = java.util.regex.Pattern.compile(
			"(?iu)^(?:from|del|de|desde el|desde|du|de|depuis le)\\s+\\S.*?\\s+(?:to|till|until|al|a|hasta el|au|à|a|jusqu'au)\\s+(\\S.*)$");

	/** "Labor Day. Tuesday then": the time settled on after another. */
	private static final java.util.regex.Pattern THEN = java.util.regex.Pattern
		.compile("(?iu)[\\s,]*(then|instead|entonces|mejor|alors|plut[ôo]t)\\b");

	private PrimaryMention() {
	}

	/** Whether the message moves an appointment ("move", "cambiar", "déplacer"). */
	static boolean changes(String text) {
		return CHANGE.matcher(text).find();
	}

	public static Optional<TimeMention> choose(String text, List<TimeMention> mentions, TimeContext context) {
		Lexicon lexicon = Lexicon.of(context.language());
		List<TimeMention> candidates = candidates(mentions);
		List<TimeMention> ahead = candidates.stream().filter(mention -> !over(mention, context.reference())).toList();
		if (!ahead.isEmpty()) {
			candidates = ahead;
		}
		int from = 0;
		boolean change = CHANGE.matcher(text).find();
		for (int i = 1; i < candidates.size(); i++) {
			String between = text.substring(candidates.get(i - 1).end(), candidates.get(i).start());
			boolean to = TO.matcher(between).matches()
					|| between.isBlank() && TO_START.matcher(candidates.get(i).text()).matches();
			if (has(lexicon, between, "correction") || change && to
					|| THEN.matcher(text.substring(candidates.get(i).end())).lookingAt()) {
				from = i;
			}
		}
		for (int i = from; i < candidates.size(); i++) {
			if (asked(lexicon, text, candidates.get(i))) {
				return Optional.of(candidates.get(i));
			}
		}
		return from < candidates.size() ? Optional.of(candidates.get(from)) : Optional.empty();
	}

	/** The times not refused after the last refusal; if none, the last one before it. */
	private static List<TimeMention> candidates(List<TimeMention> mentions) {
		int lastRefused = -1;
		for (int i = 0; i < mentions.size(); i++) {
			if (mentions.get(i).refused()) {
				lastRefused = i;
			}
		}
		List<TimeMention> after = new ArrayList<>(mentions.subList(lastRefused + 1, mentions.size()));
		if (!after.isEmpty()) {
			return after;
		}
		for (int i = mentions.size() - 1; i >= 0; i--) {
			if (!mentions.get(i).refused()) {
				return List.of(mentions.get(i));
			}
		}
		return List.of();
	}

	private static boolean over(TimeMention mention, ZonedDateTime reference) {
		ZonedDateTime end = mention.literal().end();
		return end != null && !end.isAfter(reference);
	}

	/** Whether the clause of the mention asks for its time ("what I'd like is ..."). */
	public static boolean asked(String text, TimeMention mention, TimeContext context) {
		return asked(Lexicon.of(context.language()), text, mention);
	}

	/**
	 * Whether the clause of a time asks for it: a question, or a word of the lexicon's
	 * {@code request} category. Clauses end at commas and full stops.
	 */
	private static boolean asked(Lexicon lexicon, String text, TimeMention mention) {
		// a clause of a run-on message is looked at no further than a sentence's length
		int start = mention.start();
		while (start > 0 && !boundary(text.charAt(start - 1)) && mention.start() - start < CLAUSE) {
			start--;
		}
		int end = mention.end();
		while (end < text.length() && !boundary(text.charAt(end)) && end - mention.end() < CLAUSE) {
			end++;
		}
		boolean question = end < text.length() && text.charAt(end) == '?' || start > 0 && text.charAt(start - 1) == '¿';
		return question || has(lexicon, text.substring(start, end), "request");
	}

	private static boolean boundary(char c) {
		return c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == '\n' || c == '¿' || c == '¡';
	}

	private static boolean has(Lexicon lexicon, String words, String category) {
		List<Token> tokens = lexicon.tokenizer().tokenize(words);
		for (int i = 0; i < tokens.size(); i++) {
			if (lexicon.phraseEnd(tokens, i, category) > i) {
				return true;
			}
		}
		return false;
	}

}
