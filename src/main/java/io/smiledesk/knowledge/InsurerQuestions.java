package io.smiledesk.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads whether a patient asks if the clinic takes an insurer ("do you take Delta
 * Dental?", "¿aceptan Cigna?", "prenez-vous Aetna ?") and checks each insurer named
 * against the clinic's own carriers list ({@link InsuranceCarriers}). A clinic that has
 * listed no carriers is answered from its documents alone, so the reader says nothing
 * then.
 */
@Component
public class InsurerQuestions {

	/**
	 * The insurers a question asks about.
	 *
	 * @param listed on the clinic's list, by the list's names
	 * @param notListed not on it, as the patient named them
	 */
	public record Asked(List<String> listed, List<String> notListed) {

		public Asked {
			listed = List.copyOf(listed);
			notListed = List.copyOf(notListed);
		}

	}

	/** Asking whether the clinic takes, accepts or is in network with an insurer. */
	private static final Pattern ACCEPTING = Pattern.compile("\\b(take|takes|taking|accept|accepts|accepted|"
			+ "accepting|in[- ]?network|network|work with|works with|participate|participating|provider for|"
			+ "bill|use (it|my|them)|be seen|go with|on your list|acept\\w*|admit\\w*|trabaj\\w* con|toman|tomais|"
			+ "red de|cubierto|prene[zs]|prend|accept\\w*|travaill\\w* avec|reseau|conventionn\\w*)\\b");

	/** Words that are no insurer's own name ("my insurance", "dental plan"). */
	private static final Set<String> NO_NAME = Set.of("my", "our", "your", "his", "her", "their", "the", "a", "an",
			"any", "this", "that", "these", "those", "all", "most", "other", "dental", "private", "public", "health",
			"medical", "no", "some", "of", "ppo", "hmo", "dmo", "plan", "insurance", "mi", "su", "el", "la", "los",
			"las", "un", "una", "mon", "ma", "mes", "votre", "vos", "de", "du", "des", "le", "les", "dentaire",
			"medico", "privado", "prive", "complementaire", "sante", "do", "you", "take", "accept", "what", "which",
			"kind", "type", "work", "with", "is", "are", "que", "quel", "quelle", "aceptan", "toman");

	/** An insurer named by what comes with it: "Acme insurance", "el seguro Sanitas". */
	private static final Pattern NAMED = Pattern.compile("\\b([\\p{L}]+(?: [\\p{L}]+)?) (?:dental )?(?:insurance|"
			+ "ppo|hmo|dmo|dental plan)\\b|\\b(?:seguro|seguros|aseguradora|mutuelle|assurance) (?:de |dental )?"
			+ "([\\p{L}]+)\\b");

	/** Words in carriers' names too general to tell one from another. */
	private static final Set<String> GENERIC = Set.of("dental", "insurance", "ppo", "hmo", "dmo", "plan", "plans",
			"company", "inc", "co", "of", "the", "group", "benefits");

	private final List<InsuranceCarriers> lists;

	public InsurerQuestions(List<InsuranceCarriers> lists) {
		this.lists = List.copyOf(lists);
	}

	/**
	 * The insurers a question asks the clinic to take, on its list or not; empty when it
	 * asks no such thing or the clinic lists no carriers.
	 */
	public Optional<Asked> read(String question) {
		String text = plain(question);
		if (!ACCEPTING.matcher(text).find()) {
			return Optional.empty();
		}
		List<String> carriers = lists.stream().flatMap(list -> list.names().stream()).toList();
		if (carriers.isEmpty()) {
			return Optional.empty();
		}
		Set<String> named = named(text, carriers);
		if (named.isEmpty()) {
			return Optional.empty();
		}
		List<String> listed = new ArrayList<>();
		for (String carrier : carriers) {
			String key = key(carrier);
			if (!key.isEmpty()
					&& (contains(text, key) || named.stream().anyMatch(name -> contains(plain(carrier), name)))) {
				listed.add(carrier);
			}
		}
		List<String> notListed = new ArrayList<>();
		for (String name : named) {
			boolean onList = listed.stream()
				.anyMatch(carrier -> contains(plain(carrier), name) || contains(name, key(carrier)));
			if (!onList) {
				notListed.add(displayed(name, question));
			}
		}
		return Optional.of(new Asked(listed, notListed));
	}

	/**
	 * The insurers a question names: the lexicon's, the clinic's, and names said with
	 * "insurance".
	 */
	private static Set<String> named(String text, List<String> carriers) {
		Set<String> named = new LinkedHashSet<>();
		for (PatientWords.Term term : PatientWords.TERMS) {
			if (term.kind().equals(QuestionReading.INSURER) && contains(text, term.phrase())) {
				named.add(term.phrase());
			}
		}
		for (String carrier : carriers) {
			String key = key(carrier);
			if (!key.isEmpty() && contains(text, key)) {
				named.removeIf(name -> contains(key, name) || contains(name, key));
				named.add(key);
			}
		}
		Matcher matcher = NAMED.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
			List<String> words = new ArrayList<>(List.of(name.split(" ")));
			words.removeIf(NO_NAME::contains);
			String rest = String.join(" ", words);
			if (!rest.isEmpty() && named.stream().noneMatch(known -> contains(known, rest) || contains(rest, known))) {
				named.add(rest);
			}
		}
		return named;
	}

	private static String key(String carrier) {
		List<String> words = new ArrayList<>(List.of(plain(carrier).split("[^\\p{L}\\d]+")));
		words.removeIf(word -> word.isEmpty() || GENERIC.contains(word));
		return String.join(" ", words);
	}

	private static boolean contains(String text, String phrase) {
		return !phrase.isEmpty()
				&& Pattern.compile("(?<![\\p{L}])" + Pattern.quote(phrase) + "(?![\\p{L}])").matcher(text).find();
	}

	/** The name as the patient wrote it when capitalised, else in title case. */
	private static String displayed(String name, String question) {
		Matcher written = Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])")
			.matcher(question);
		if (written.find() && !written.group().equals(written.group().toLowerCase(Locale.ROOT))) {
			return written.group();
		}
		StringBuilder title = new StringBuilder();
		for (String word : name.split(" ")) {
			title.append(title.isEmpty() ? "" : " ")
				.append(Character.toUpperCase(word.charAt(0)))
				.append(word.substring(1));
		}
		return title.toString();
	}

	private static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'')
			.replaceAll("[^\\p{L}\\d' -]+", " ")
			.replaceAll("\\s+", " ")
			.strip();
	}

}
