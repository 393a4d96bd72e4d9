package io.smiledesk.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spots obvious attempts to steer the model ("ignore previous instructions", "you are
 * now", "other patients"). Such messages never reach the model; a false alarm only costs
 * the offline reading. The lexicon is {@code nlu/prompt-injection.txt}.
 */
final class PromptInjection {

	private static final List<Pattern> PATTERNS = load();

	private PromptInjection() {
	}

	static boolean suspected(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		String normalized = text.toLowerCase(Locale.ROOT)
			.replaceAll("[\\u2018\\u2019`]", "'")
			.replaceAll("[^\\p{L}\\p{N}'<>\\[\\]/]+", " ")
			.trim();
		return PATTERNS.stream().anyMatch(pattern -> pattern.matcher(normalized).find());
	}

	private static List<Pattern> load() {
		try (InputStream in = PromptInjection.class.getResourceAsStream("/nlu/prompt-injection.txt")) {
			if (in == null) {
				throw new IllegalStateException("nlu/prompt-injection.txt is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> Pattern.compile(line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
