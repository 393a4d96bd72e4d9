package io.smiledesk.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smiledesk.system.SentenceEmbeddings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Intents in Spanish and French: first the language's rules ({@code nlu/rules_xx.tsv},
 * read on lower-case text without accents), then the language's labelled examples
 * ({@code nlu/intents_xx.tsv}) by sentence similarity, as for English. A language is
 * these two files.
 */
@Component
class OtherLanguageIntents {

	static final List<String> LANGUAGES = List.of("es", "fr");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\-]+");

	private record Rule(Intent intent, Pattern pattern) {
	}

	private final Map<String, List<Rule>> rules;

	private final Map<String, IntentClassifier> classifiers;

	/** Chat shorthand per language ("kiero", "pa", "rdv"), expanded before reading. */
	private final Map<String, Map<String, String>> spellings;

	OtherLanguageIntents(SentenceEmbeddings embeddings,
			@Value("${smiledesk.conversation.intent-threshold:0.35}") double threshold) {
		this.spellings = Map.of("es", spelling("nlu/chat-spelling_es.tsv"), "fr", spelling("nlu/chat-spelling_fr.tsv"));
		this.rules = Map.of("es", rules("nlu/rules_es.tsv"), "fr", rules("nlu/rules_fr.tsv"));
		this.classifiers = Map.of("es", new IntentClassifier(embeddings, "nlu/intents_es.tsv", threshold), "fr",
				new IntentClassifier(embeddings, "nlu/intents_fr.tsv", threshold));
	}

	boolean reads(String language) {
		return LANGUAGES.contains(language);
	}

	IntentClassifier.Classification classify(String text, String language) {
		String plain = expand(plain(text), language);
		for (Rule rule : rules.get(language)) {
			if (rule.pattern().matcher(plain).find()) {
				return new IntentClassifier.Classification(rule.intent(), IntentClassifier.RULE_CONFIDENCE,
						List.of(new IntentClassifier.Scored(rule.intent(), IntentClassifier.RULE_CONFIDENCE)));
			}
		}
		return classifiers.get(language).classify(expand(text, language));
	}

	/** A yes or no to "Shall I book it?", in the language. */
	Optional<Intent> answer(String text, String language) {
		String plain = expand(plain(text), language);
		for (Rule rule : rules.get(language)) {
			if ((rule.intent() == Intent.CONFIRM || rule.intent() == Intent.DENY)
					&& rule.pattern().matcher(plain).find()) {
				return Optional.of(rule.intent());
			}
		}
		return Optional.empty();
	}

	/** The text with the language's chat shorthand written out, word by word. */
	String expand(String text, String language) {
		Map<String, String> spelling = spellings.getOrDefault(language, Map.of());
		Matcher words = WORD.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (words.find()) {
			String meant = spelling.get(words.group().toLowerCase(Locale.ROOT));
			words.appendReplacement(expanded, Matcher.quoteReplacement(meant == null ? words.group() : meant));
		}
		return words.appendTail(expanded).toString();
	}

	private static Map<String, String> spelling(String resource) {
		Map<String, String> spelling = new java.util.HashMap<>();
		for (String[] pair : Texts.pairs(resource)) {
			spelling.put(pair[0], pair[1]);
		}
		return Map.copyOf(spelling);
	}

	/** Lower case, no accents, no punctuation but question marks and apostrophes. */
	static String plain(String text) {
		return unaccented(text).replaceAll("[¿¡]", "").replaceAll("[,.;:!]+", " ").replaceAll("\\s+", " ").strip();
	}

	private static String unaccented(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
	}

	private static List<Rule> rules(String resource) {
		List<Rule> read = new ArrayList<>();
		for (String[] pair : Texts.pairs(resource)) {
			read.add(new Rule(Intent.valueOf(pair[0]), Pattern.compile(unaccented(pair[1]))));
		}
		return List.copyOf(read);
	}

}
