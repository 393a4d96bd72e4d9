package io.smiledesk.assistant;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language a conversation is in: detected per message and kept, so that "2" or "ok"
 * in a Spanish conversation stays Spanish. A message switches to another language only
 * when the understanding recognises it, and back to English only on English words.
 */
final class ConversationLanguage {

	private static final Pattern WORD = Pattern.compile("[\\p{L}']{2,}");

	/** Words only English uses often: two of them make a message English. */
	private static final Set<String> ENGLISH = Set.of("the", "and", "you", "your", "my", "is", "are", "can", "could",
			"would", "please", "thanks", "want", "need", "like", "to", "for", "with", "of", "have", "it", "that",
			"this", "what", "when", "how", "i'm", "i'd", "don't", "book", "appointment", "tomorrow", "next", "week",
			"morning", "afternoon", "yes", "ok", "okay", "hello", "hi", "there", "me", "at", "do", "does", "we");

	private ConversationLanguage() {
	}

	/** Two to four capitalised words and nothing else. */
	private static final Pattern NAME = Pattern
		.compile("\\s*\\p{Lu}[\\p{L}'-]+(\\s+\\p{Lu}[\\p{L}'-]+){1,3}\\s*\\.?\\s*");

	private static boolean looksLikeName(String text) {
		return NAME.matcher(text).matches();
	}

	/**
	 * @param kept the conversation's language so far, or null
	 * @param guessed the understanding's guess for this message ("en" when unsure)
	 */
	static String of(String kept, String guessed, String text) {
		String guess = guessed == null ? "en" : guessed.toLowerCase(Locale.ROOT);
		if (!"en".equals(guess) && kept != null && looksLikeName(text)) {
			// "Rafael Costa" given as a name is in no language
			return kept;
		}
		if (!"en".equals(guess) && kept != null && !Wording.LANGUAGES.contains(guess)
				&& WORD.matcher(text).results().count() <= 2) {
			// two words are too few to leave the conversation's language for one the
			// clinic does not speak
			return kept;
		}
		if (!"en".equals(guess)) {
			return guess;
		}
		if (kept == null) {
			return "en";
		}
		long english = WORD.matcher(text.toLowerCase(Locale.ROOT))
			.results()
			.filter(word -> ENGLISH.contains(word.group()))
			.count();
		return english >= 2 ? "en" : kept;
	}

}
