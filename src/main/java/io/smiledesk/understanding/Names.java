package io.smiledesk.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smiledesk.clinic.ClinicSnapshot;

/**
 * The patient's name in a message: after a cue ("my name is", "I'm", "me llamo", "je
 * m'appelle"), before "here" ("Nora Lindqvist here"), the words before an email or phone
 * number, or the whole message when the assistant asked for a name. Phrases that describe
 * the writer ("I'm new here", "it's been a while") are not names.
 */
final class Names {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b(?:dr|mr|mrs|ms|st|jr|sr))[.!?]+\\s+",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PHONE_START = Pattern.compile("[+(]?\\d[\\d\\s().-]{6,}\\d");

	private static final Pattern NAME_CUE = Pattern.compile(
			"(?i)(?<![\\p{L}'])(it's for|its for|it is for|this is for|the appointment is for|my name is|my name's|my names|name is|name's|name:|call me|i am|i'm|i’m|im|this is|it's|its|me llamo|mi nombre es|soy|je m'appelle|je m’appelle|mon nom est|je suis|c'est|under the name|under|a nombre de|au nom de)\\s+");

	/**
	 * Words between a name and the contact detail after it ("Kevin Murphy, phone
	 * 973...").
	 */
	private static final Set<String> CONTACT_LABELS = Set.of("phone", "cell", "mobile", "tel", "telephone", "number",
			"email", "e-mail", "mail", "is", "at", "my", "and", "on", "or", "contact", "reach", "me", "teléfono",
			"telefono", "correo", "móvil", "movil", "téléphone", "portable", "courriel", "cel", "celular", "cell#",
			"mi", "es", "y", "número", "numero", "mon", "ma", "est", "et", "le", "mail:", "tél", "tel:", "cellphone");

	/** "Nora Lindqvist here", at the start or after a greeting. */
	private static final Pattern NAME_HERE = Pattern.compile(
			"(?:^|[,.!]\\s*|\\b(?:hi|hello|hey|hiya)[,!]?\\s+)(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})\\s+here\\b");

	private static final Set<String> STRONG_NAME_CUES = Set.of("my name is", "my name's", "my names", "name is",
			"name's", "name:", "call me", "me llamo", "mi nombre es", "je m'appelle", "mon nom est");

	/** Given names that are also words of {@link #NOT_NAMES}. */
	private static final Set<String> GIVEN_NAMES = Set.of("will", "sunday", "dawn", "patience", "precious");

	/** Words that follow "I'm" or "this is" without being a name. */
	private static final Set<String> NOT_NAMES = Set.copyOf(List.of("a", "an", "the", "in", "at", "on", "to", "for",
			"from", "with", "and", "but", "or", "not", "no", "yes", "so", "very", "really", "just", "new", "here",
			"there", "sorry", "sick", "ill", "free", "busy", "late", "early", "still", "also", "out", "away", "back",
			"ok", "okay", "fine", "good", "great", "well", "sure", "glad", "happy", "scared", "afraid", "nervous",
			"pregnant", "allergic", "worried", "due", "unable", "able", "ready", "done", "off", "about", "around",
			"over", "available", "interested", "urgent", "my", "your", "his", "her", "their", "our", "it", "this",
			"that", "is", "was", "will", "would", "can", "could", "patient", "mom", "mum", "dad", "wife", "husband",
			"mother", "father", "son", "daughter", "pain", "agony", "hi", "hello", "hey", "thanks", "thank", "bye",
			"please", "dr", "doctor", "someone", "somebody", "him", "me", "already", "too", "gonna", "wanting", "what",
			"who", "when", "where", "how", "why", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
			"sunday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "calling", "emergency", "open",
			"closed", "correct", "right", "wrong", "bad", "all", "both", "one", "two", "been", "while", "moved",
			"moving", "new", "looking", "wondering", "hoping", "writing", "trying", "asking", "needing", "overdue",
			"nervous", "terrified", "anxious", "curious", "planning", "thinking", "having", "getting", "going",
			"coming", "hurting", "struggling", "confused", "unsure", "not", "currently", "actually", "finally",
			"probably", "definitely", "literally", "honestly", "sure", "interested", "reaching", "texting", "messaging",
			"emailing", "nuevo", "nueva", "paciente", "embarazada", "alérgico", "alérgica", "libre", "disponible", "de",
			"la", "el", "una", "un", "muy", "enceinte", "nouveau", "nouvelle", "patient", "patiente", "désolé",
			"désolée", "malade", "pas", "très", "allergique", "une", "le", "les", "mamá", "madre", "padre", "mère",
			"père", "typo", "oops", "whoops", "mistake", "correction", "meant", "updated", "new", "number"));

	/**
	 * A name after "my name is", "I'm", "this is"... (weak cues need a capital or two
	 * words, and no word that would rather describe the writer: "I'm looking", "I'm in
	 * pain"), or the whole message when the assistant asked for a name.
	 */
	static String name(StringBuilder rest, boolean asked) {
		String text = rest.toString();
		boolean lowerCase = text.equals(text.toLowerCase(Locale.ROOT));
		Matcher cue = NAME_CUE.matcher(text);
		while (cue.find()) {
			boolean strong = STRONG_NAME_CUES.contains(cue.group(1).toLowerCase(Locale.ROOT).replace('’', '\''));
			List<String> tokens = nameTokens(text.substring(cue.end()), strong || lowerCase);
			boolean capitalised = !tokens.isEmpty() && Character.isUpperCase(tokens.get(0).charAt(0));
			if (!tokens.isEmpty() && (strong || capitalised || tokens.size() >= 2)) {
				return take(rest, cue.end(), tokens);
			}
		}
		Matcher here = NAME_HERE.matcher(text);
		if (here.find() && !NOT_NAMES.contains(here.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0])) {
			List<String> tokens = nameTokens(here.group(1), false);
			if (tokens.size() >= 2) {
				return take(rest, here.start(1), tokens);
			}
		}
		if (asked) {
			String stripped = text.trim().replaceAll("[.!]+$", "");
			List<String> tokens = nameTokens(stripped, true);
			if (!tokens.isEmpty() && tokens.size() == stripped.split("\\s+").length) {
				return take(rest, text.indexOf(tokens.get(0)), tokens);
			}
		}
		return null;
	}

	/**
	 * The two or three words just before an email or a phone number are a name when they
	 * are capitalised (Tom Becker before tom@example.com), or when the address is made of
	 * them (mia wong before mia.wong@example.com).
	 */
	static String nameBeforeContact(String text, String email, ClinicSnapshot clinic) {
		Matcher number = PHONE_START.matcher(text);
		int at = email != null ? text.indexOf(email) : number.find() ? number.start() : -1;
		if (at <= 0) {
			return null;
		}
		String before = text.substring(0, at).replaceAll("[\\s,;:()-]+$", "");
		// a name does not run across the end of a sentence ("... instead. jay obi")
		Matcher sentenceEnd = SENTENCE_END.matcher(before);
		int last = -1;
		while (sentenceEnd.find()) {
			last = sentenceEnd.end();
		}
		if (last > 0) {
			before = before.substring(last);
		}
		String[] words = before.split("[\\s,;:.!?()]+");
		Set<String> local = email == null ? Set.of()
				: Set.of(email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).split("[._+-]+"));
		Set<String> catalog = new java.util.HashSet<>();
		clinic.services().forEach(service -> catalog.addAll(Texts.words(service.name())));
		clinic.providers().forEach(provider -> catalog.addAll(Texts.words(provider.name())));
		List<String> name = new ArrayList<>();
		// an SMS written all in lower case names its writer in lower case too
		boolean lowerCase = text.equals(text.toLowerCase(Locale.ROOT));
		int i = words.length - 1;
		while (i >= 0 && CONTACT_LABELS.contains(words[i].toLowerCase(Locale.ROOT))) {
			i--;
		}
		for (; i >= 0 && name.size() < 3; i--) {
			String word = words[i];
			String lower = word.toLowerCase(Locale.ROOT);
			boolean nameLike = word.matches("\\p{L}[\\p{L}'’-]+") && !NOT_NAMES.contains(lower)
					&& !EntityExtractor.TITLES.contains(lower) && !catalog.contains(lower)
					&& !lower.matches(BirthDates.MONTH) && !CONTACT_LABELS.contains(lower) && !Texts.isCommonWord(lower)
					&& !lower.matches("\\p{L}+['’]s");
			if (!nameLike || !(Character.isUpperCase(word.charAt(0)) || local.contains(lower) || lowerCase)) {
				break;
			}
			name.add(0, word);
		}
		return name.size() >= 2 ? String.join(" ", name) : null;
	}

	/**
	 * Leading words that can be a name: letters only, not a common word, at most four.
	 */
	private static List<String> nameTokens(String text, boolean anyCase) {
		List<String> tokens = new ArrayList<>();
		String[] words = text.split("\\s+");
		for (int i = 0; i < words.length; i++) {
			String raw = words[i];
			String token = raw.replaceAll("[,;!?]+$", "");
			boolean last = !token.equals(raw);
			if (token.endsWith(".") && token.length() > 2) {
				token = token.substring(0, token.length() - 1);
				last = true;
			}
			String lower = token.toLowerCase(Locale.ROOT);
			// "Will Turner": a first name that is also a word, capitalised before a
			// surname
			boolean givenName = tokens.isEmpty() && GIVEN_NAMES.contains(lower)
					&& Character.isUpperCase(token.charAt(0)) && i + 1 < words.length && !words[i + 1].isEmpty()
					&& Character.isUpperCase(words[i + 1].charAt(0));
			if (token.length() < 2 || !token.matches("\\p{L}[\\p{L}'’-]*") || NOT_NAMES.contains(lower) && !givenName
					|| (!anyCase && !Character.isUpperCase(token.charAt(0)))
					|| (lower.equals(token) && (lower.endsWith("ing") || lower.endsWith("ed")))) {
				break;
			}
			tokens.add(token);
			if (last || tokens.size() == 4) {
				break;
			}
		}
		return tokens;
	}

	private static String take(StringBuilder rest, int from, List<String> tokens) {
		int end = from;
		for (String token : tokens) {
			end = rest.indexOf(token, end) + token.length();
		}
		EntityExtractor.blank(rest, from, end);
		List<String> capitalised = new ArrayList<>();
		for (String token : tokens) {
			capitalised.add(token.equals(token.toLowerCase(Locale.ROOT))
					? Character.toUpperCase(token.charAt(0)) + token.substring(1) : token);
		}
		return String.join(" ", capitalised);
	}

	private Names() {
	}

}
