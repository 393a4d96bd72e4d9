package io.smiledesk.understanding.time;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The time a message means among those it mentions. After a refusal, a time not refused
 * that follows it ("not Monday, Tuesday"; "Wednesday won't work, what about Thursday").
 * Among the times left, alternatives keep the first ("Tuesday or Wednesday", "Monday,
 * Tuesday or Wednesday"), while a time that follows other words replaces the one before
 * ("I lost a filling today, can I come tomorrow?", "Friday, actually Saturday").
 */
public final class PrimaryMention {

	private PrimaryMention() {
	}

	/**
	 * The time meant; a time already over by the reference (a symptom's start, a past
	 * visit) gives way to one still ahead.
	 */
	public static Optional<TimeMention> choose(String text, List<TimeMention> mentions, TimeContext context) {
		int lastRefused = -1;
		for (int i = 0; i < mentions.size(); i++) {
			if (mentions.get(i).refused()) {
				lastRefused = i;
			}
		}
		if (lastRefused + 1 >= mentions.size()) {
			// nothing offered after the refusal: the last time not refused before it
			for (int i = mentions.size() - 1; i >= 0; i--) {
				if (!mentions.get(i).refused()) {
					return Optional.of(mentions.get(i));
				}
			}
			return Optional.empty();
		}
		Lexicon lexicon = Lexicon.of(context.language());
		TimeMention chosen = null;
		for (int i = lastRefused + 1; i < mentions.size(); i++) {
			TimeMention mention = mentions.get(i);
			if (chosen == null || over(chosen, context) && !over(mention, context)
					|| !alternatives(lexicon, text.substring(chosen.end(), mention.start()))) {
				chosen = mention;
			}
		}
		return Optional.ofNullable(chosen);
	}

	private static boolean over(TimeMention mention, TimeContext context) {
		ZonedDateTime end = mention.literal().end();
		return end != null && !end.isAfter(context.reference());
	}

	/**
	 * Whether two times are alternatives: only "or" and commas between them (a question
	 * mark or a full stop ends the first offer).
	 */
	private static boolean alternatives(Lexicon lexicon, String between) {
		List<Token> tokens = lexicon.tokenizer().tokenize(between);
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			int end = lexicon.phraseEnd(tokens, i, "alternative");
			if (end > i) {
				i = end;
			}
			else if (token.kind() == Token.Kind.PUNCT && !token.is("?") && !token.is(".") && !token.is("!")
					&& !token.is("¿") && !token.is("¡")) {
				i++;
			}
			else {
				return false;
			}
		}
		return true;
	}

}
