package io.smiledesk.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The content words of a text as the index sees them: stemmed, without stop words. */
final class Terms {

	private static final Analyzer ANALYZER = new EnglishAnalyzer();

	private Terms() {
	}

	static Set<String> of(String text) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	/**
	 * Words of a question that say nothing about its topic: question words, pronouns and
	 * chat filler.
	 */
	private static final Set<String> FILLER = Set.of("what", "whats", "where", "wheres", "when", "how", "who", "why",
			"which", "do", "does", "did", "doing", "can", "could", "would", "should", "will", "you", "your", "youre",
			"u", "ur", "r", "i", "im", "ive", "id", "my", "me", "we", "us", "our", "have", "has", "had", "get", "got",
			"any", "anyone", "much", "many", "ok", "okay", "like", "guys", "please", "need", "want", "wanna", "gonna",
			"go", "come", "still", "tell", "know", "about", "hi", "hello", "hey", "there", "here", "so", "just", "also",
			"really", "yall", "ya", "pls", "plz", "thanks", "dont", "don", "t", "s", "it", "its", "be");

	/**
	 * The topic words of a question: its content words without question and chat filler.
	 */
	static Set<String> ofQuestion(String question) {
		StringBuilder kept = new StringBuilder();
		for (String word : question.toLowerCase(java.util.Locale.ROOT).replace("'", "").split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !FILLER.contains(word)) {
				kept.append(word).append(' ');
			}
		}
		return of(kept.toString());
	}

	/** The share of {@code terms} found in {@code in}; 1 when there are none. */
	static double coverage(Set<String> terms, Set<String> in) {
		if (terms.isEmpty()) {
			return 1;
		}
		return terms.stream().filter(in::contains).count() / (double) terms.size();
	}

}
