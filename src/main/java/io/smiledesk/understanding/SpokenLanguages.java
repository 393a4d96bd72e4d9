package io.smiledesk.understanding;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;

/**
 * A provider asked for by the language they speak ("a dentist who speaks Spanish", "una
 * dentista que hable español", "qui parle espagnol"): the one active provider whose
 * profile lists it. Several or none: no provider is read.
 */
final class SpokenLanguages {

	private static final Pattern SPEAKS = Pattern.compile(
			"\\b(speaks?|speaking|talks?|hablan?|hablen|hable|habla|parlent|parle|parlant)\\s+(?:in\\s+|en\\s+)?(\\p{L}+)",
			Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);

	/** Language names as patients write them, to the English names profiles list. */
	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("spanish", "spanish"),
			Map.entry("espanol", "spanish"), Map.entry("espagnol", "spanish"), Map.entry("castellano", "spanish"),
			Map.entry("english", "english"), Map.entry("ingles", "english"), Map.entry("anglais", "english"),
			Map.entry("french", "french"), Map.entry("frances", "french"), Map.entry("francais", "french"),
			Map.entry("hindi", "hindi"), Map.entry("gujarati", "gujarati"), Map.entry("portuguese", "portuguese"),
			Map.entry("portugues", "portuguese"), Map.entry("portugais", "portuguese"), Map.entry("chinese", "chinese"),
			Map.entry("mandarin", "mandarin"), Map.entry("arabic", "arabic"));

	private SpokenLanguages() {
	}

	static Optional<ProviderInfo> provider(String text, ClinicSnapshot clinic) {
		if (clinic == null) {
			return Optional.empty();
		}
		Matcher speaks = SPEAKS.matcher(plain(text));
		while (speaks.find()) {
			String language = NAMES.get(speaks.group(2));
			if (language == null) {
				continue;
			}
			List<ProviderInfo> speaking = clinic.activeProviders()
				.stream()
				.filter(provider -> provider.languages().stream().anyMatch(spoken -> plain(spoken).equals(language)))
				.toList();
			return speaking.size() == 1 ? Optional.of(speaking.get(0)) : Optional.empty();
		}
		return Optional.empty();
	}

	private static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
