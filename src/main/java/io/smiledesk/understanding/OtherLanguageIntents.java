package io.smiledesk.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

	private record Rule(Intent intent, Pattern pattern) {
	}

	private final Map<String, List<Rule>> rules;

	private final Map<String, IntentClassifier> classifiers;

	OtherLanguageIntents(SentenceEmbeddings embeddings,
			@Value("${smiledesk.conversation.intent-threshold:0.35}") double threshold) {
		this.rules = Map.of("es", rules("nlu/rules_es.tsv"), "fr", rules("nlu/rules_fr.tsv"));
		this.classifiers = Map.of("es", new IntentClassifier(embeddings, "nlu/intents_es.tsv", threshold), "fr",
				new IntentClassifier(embeddings, "nlu/intents_fr.tsv", threshold));
	}

	boolean reads(String language) {
		return LANGUAGES.contains(language);
	}

	IntentClassifier.Classification classify(String text, String language) {
		String plain = plain(text);
		for (Rule rule : rules.get(language)) {
			if (rule.pattern().matcher(plain).find()) {
				return new IntentClassifier.Classification(rule.intent(), IntentClassifier.RULE_CONFIDENCE,
						List.of(new IntentClassifier.Scored(rule.intent(), IntentClassifier.RULE_CONFIDENCE)));
			}
		}
		return classifiers.get(language).classify(text);
	}

	/** A yes or no to "Shall I book it?", in the language. */
	Optional<Intent> answer(String text, String language) {
		String plain = plain(text);
		for (Rule rule : rules.get(language)) {
			if ((rule.intent() == Intent.CONFIRM || rule.intent() == Intent.DENY)
					&& rule.pattern().matcher(plain).find()) {
				return Optional.of(rule.intent());
			}
		}
		return Optional.empty();
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
