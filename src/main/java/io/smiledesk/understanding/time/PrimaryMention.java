package io.smiledesk.understanding.time;

import java.util.List;
import java.util.Optional;

/**
 * The time a message means among those it mentions. After a refusal, the first time not
 * refused that follows it ("not Monday, Tuesday"; "Wednesday won't work, what about
 * Thursday"); after a correction ("actually", "I mean", "make it"), the corrected time;
 * otherwise the first, as among alternatives ("Tuesday or Wednesday").
 */
public final class PrimaryMention {

	private PrimaryMention() {
	}

	public static Optional<TimeMention> choose(String text, List<TimeMention> mentions, String language) {
		int lastRefused = -1;
		for (int i = 0; i < mentions.size(); i++) {
			if (mentions.get(i).refused()) {
				lastRefused = i;
			}
		}
		for (int i = lastRefused + 1; i < mentions.size(); i++) {
			if (i > 0 && !mentions.get(i).refused() && corrects(text, mentions.get(i - 1), mentions.get(i), language)) {
				lastRefused = i - 1;
			}
		}
		for (int i = lastRefused + 1; i < mentions.size(); i++) {
			if (!mentions.get(i).refused()) {
				return Optional.of(mentions.get(i));
			}
		}
		// every time after the refusal is refused too: the last one not refused before it
		for (int i = mentions.size() - 1; i >= 0; i--) {
			if (!mentions.get(i).refused()) {
				return Optional.of(mentions.get(i));
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the words between two times correct the first ("Friday... actually
	 * Saturday").
	 */
	private static boolean corrects(String text, TimeMention first, TimeMention second, String language) {
		Lexicon lexicon = Lexicon.of(language);
		List<Token> between = lexicon.tokenizer().tokenize(text.substring(first.end(), second.start()));
		for (int i = 0; i < between.size(); i++) {
			if (lexicon.phraseEnd(between, i, "correction") > i) {
				return true;
			}
		}
		return false;
	}

}
