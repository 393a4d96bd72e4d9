package io.smiledesk.understanding;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pick among the options offered: "2", "option 2", "the second one", "la segunda". */
final class Choices {

	private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("1st", 1),
			Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3), Map.entry("3rd", 3),
			Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("fifth", 5), Map.entry("5th", 5),
			Map.entry("sixth", 6), Map.entry("6th", 6), Map.entry("primera", 1), Map.entry("primero", 1),
			Map.entry("primer", 1), Map.entry("segunda", 2), Map.entry("segundo", 2), Map.entry("tercera", 3),
			Map.entry("tercero", 3), Map.entry("tercer", 3), Map.entry("cuarta", 4), Map.entry("cuarto", 4),
			Map.entry("premier", 1), Map.entry("première", 1), Map.entry("premiere", 1), Map.entry("deuxième", 2),
			Map.entry("deuxieme", 2), Map.entry("seconde", 2), Map.entry("troisième", 3), Map.entry("troisieme", 3),
			Map.entry("quatrième", 4), Map.entry("quatrieme", 4));

	private static final Pattern NUMBERED_CHOICE = Pattern
		.compile("(?:\\b(?:option|choice|slot|number|no\\.?)\\s*|#\\s*)(\\d{1,2})\\b(?![:.]\\d)");

	private static final Pattern ORDINAL_CHOICE = Pattern.compile(
			"\\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th)\\s+(one|option|slot|choice|appointment|time slot|of (?:those|these|them|the (?:times|options|slots)))\\b");

	private static final Set<String> EARLIEST = Set.of("earliest", "soonest");

	/** The last option offered, whatever their number: read as -1. */
	private static final Set<String> LAST = Set.of("last", "latest", "final", "última", "ultima", "último", "ultimo",
			"dernier", "dernière", "derniere");

	private static final Set<String> CHOICE_FILLERS = Set.of("you", "have", "got", "available", "the", "one", "please",
			"pls", "ok", "okay", "i'll", "take", "i", "want", "go", "with", "let's", "do", "that", "is", "fine",
			"option", "yes", "la", "el", "le", "opción", "opcion", "número", "numero", "quiero", "prefiero", "me",
			"quedo", "con", "por", "favor", "vale", "sí", "si", "esa", "ese", "je", "prends", "veux", "préfère",
			"prefere", "celle", "celui", "s'il", "vous", "plaît", "plait", "oui", "merci", "gracias", "bien", "parfait",
			"perfecto", "whatever", "whatever's", "whatevers", "whichever", "whichever's", "whichevers", "works",
			"then", "just", "give", "put", "down", "for");

	/**
	 * A 1-based pick among offered options ("option 2", "the second one"; a bare "2" only
	 * when options were offered). Blanked out so that "the 3rd one" is not a date.
	 */
	static Integer choice(StringBuilder rest, String awaiting) {
		String lower = rest.toString().toLowerCase(Locale.ROOT);
		Matcher numbered = NUMBERED_CHOICE.matcher(lower);
		if (numbered.find() && Integer.parseInt(numbered.group(1)) > 0) {
			EntityExtractor.blank(rest, numbered.start(), numbered.end());
			return Integer.parseInt(numbered.group(1));
		}
		Matcher ordinal = ORDINAL_CHOICE.matcher(lower);
		if (ordinal.find()) {
			EntityExtractor.blank(rest, ordinal.start(), ordinal.end());
			return ORDINALS.get(ordinal.group(1));
		}
		Integer only = null;
		for (String word : Texts.words(lower)) {
			Integer value = ORDINALS.get(word);
			boolean offered = awaiting.equals("slot") || awaiting.equals("appointment") || awaiting.equals("choice")
					|| awaiting.equals("option");
			if (value == null && offered && word.matches("[1-9]")) {
				value = Integer.parseInt(word);
			}
			if (value == null && offered && LAST.contains(word)) {
				value = -1;
			}
			if (value == null && offered && EARLIEST.contains(word)) {
				// "the earliest one you have": the options come soonest first
				value = 1;
			}
			if (only != null && "1".equals(word)) {
				// "2nd 1": the second one
				continue;
			}
			if (value != null && only == null) {
				only = value;
			}
			else if (!CHOICE_FILLERS.contains(word)) {
				return null;
			}
		}
		if (only != null) {
			EntityExtractor.blank(rest, 0, rest.length());
		}
		return only;
	}

	private Choices() {
	}

}
