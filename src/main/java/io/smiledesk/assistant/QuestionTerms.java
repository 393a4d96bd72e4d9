package io.smiledesk.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * The words of a question worth asking the clinic's knowledge: fillers around it removed
 * ({@code nlu/question-fillers.txt}), and a Spanish or French question put in the words
 * the clinic's (English) knowledge is written in ({@code nlu/question-terms.tsv}):
 * "¿dónde puedo aparcar?" is asked as "parking". Only the topic words travel, so a
 * question about something the list does not know stays unanswered and goes to staff.
 */
@Component
class QuestionTerms {

	static final String TERMS = "nlu/question-terms.tsv";

	static final String FILLERS = "nlu/question-fillers.txt";

	private record Term(Pattern pattern, String english) {
	}

	private final Map<String, List<Term>> terms;

	private final Pattern fillers;

	QuestionTerms() {
		this.fillers = Pattern.compile("(?i)(?<![\\p{L}'])("
				+ String.join("|", lines(FILLERS).stream().map(Pattern::quote).toList()) + ")(?![\\p{L}'])[,;:]?");
		this.terms = read().stream()
			.collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(
					row -> new Term(Pattern.compile("(?<![\\p{L}])" + Pattern.quote(row[1]) + "(?![\\p{L}])"), row[2]),
					Collectors.toList())));
	}

	/** The question without the words around it that ask nothing ("by the way"). */
	String clean(String question) {
		String cleaned = fillers.matcher(question).replaceAll(" ").replaceAll("\\s+", " ").strip();
		return cleaned.isEmpty() ? question : cleaned;
	}

	/** The question in English topic words, or empty when none of its words is known. */
	Optional<String> english(String question, String language) {
		List<Term> known = terms.getOrDefault(language, List.of());
		String plain = plain(question);
		Set<String> words = new LinkedHashSet<>();
		for (Term term : known) {
			if (term.pattern().matcher(plain).find()) {
				words.add(term.english());
			}
		}
		return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
	}

	private static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
	}

	private static List<String> lines(String resource) {
		try {
			String content = StreamUtils.copyToString(new ClassPathResource(resource).getInputStream(),
					StandardCharsets.UTF_8);
			return java.util.Arrays.stream(content.split("\n"))
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(String::strip)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String[]> read() {
		List<String[]> rows = new ArrayList<>();
		for (String line : lines(TERMS)) {
			String[] columns = line.split("\t");
			if (columns.length != 3) {
				throw new IllegalStateException("Expected three tab-separated columns in " + TERMS + ": " + line);
			}
			rows.add(new String[] { columns[0].strip(), plain(columns[1].strip()), columns[2].strip() });
		}
		// longer phrases first, so "silla de ruedas" is read before "ruedas"
		rows.sort(Comparator.comparingInt((String[] row) -> row[1].length()).reversed());
		return rows;
	}

}
