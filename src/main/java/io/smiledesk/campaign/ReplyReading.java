package io.smiledesk.campaign;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a reply to a campaign reads without a language model: its sentiment, and whether it
 * says no or yes to the clinic's offer. Words are compared lower-cased and without
 * accents; phrases are matched on word boundaries; a negation just before a feeling word
 * turns it round ("not happy", "pas content"). English, Spanish and French.
 */
final class ReplyReading {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+|[\\p{So}\\p{Sk}]|[!?]");

	private static final Set<String> NEGATIONS = Set
		.copyOf(List.of("not", "no", "never", "don't", "dont", "didn't", "didnt", "isn't", "isnt", "wasn't", "wasnt",
				"nothing", "hardly", "nunca", "nada", "pas", "jamais", "ni", "sin"));

	private static final Set<String> POSITIVE = Set.copyOf(List.of("thanks", "thank", "thx", "ty", "great", "perfect",
			"love", "lovely", "awesome", "wonderful", "glad", "happy", "excellent", "amazing", "appreciate",
			"appreciated", "brilliant", "fantastic", "nice", "cool", "excited", "keen", "yay", "definitely",
			"absolutely", "sweet", "fab", "gracias", "genial", "perfecto", "perfecta", "encantado", "encantada",
			"estupendo", "maravilloso", "excelente", "merci", "parfait", "super", "genial", "ravi", "ravie",
			"formidable", "top", "bien", "great!", "😊", "🙂", "😀", "😁", "😃", "👍", "❤", "❤️", "🙏", "😍", "🎉", "☺",
			"✨", "🥰", "💯", "lol", "haha", "hahaha", "yesss", "yess", "omg", "finally", "ooh", "interested", "best",
			"cheers", "dear", "kind", "porfa", "woohoo", "gladly", "pleased", "delighted", "thrilled", "fun", "😄",
			"😂", "😅", "😆", "🤗", "😉", "🥳", "💙", "💕", "contente", "content"));

	private static final Set<String> NEGATIVE = Set.copyOf(List.of("spam", "spamming", "annoyed", "annoying", "angry",
			"terrible", "awful", "horrible", "worst", "rude", "unhappy", "disappointed", "disappointing", "hate",
			"ridiculous", "useless", "pathetic", "waste", "furious", "upset", "sick", "tired", "fed", "harassment",
			"harassing", "pain", "painful", "hurts", "hurt", "hurting", "ache", "aching", "swollen", "swelling",
			"bleeding", "bad", "poor", "scam", "wtf", "damn", "overcharged", "expensive", "complaint", "complain",
			"worried", "scared", "afraid", "nervous", "ugh", "molesto", "molesta", "dolor", "duele", "pesimo", "fatal",
			"harto", "harta", "enfadado", "queja", "basta", "arrete", "arretez", "nul", "nulle", "decu", "decue",
			"douleur", "mal", "marre", "enerve", "plainte", "😡", "😠", "🙄", "😤", "😒", "😞", "😢", "😭", "👎", "🤬",
			"😩", "😣", "joke", "insane", "nightmare", "botched", "dismissive", "rough", "shock", "shocked", "surprise",
			"killing", "stressed", "stress", "freaking", "traumatic", "sensitive", "sensitivity", "wobbly", "sharp",
			"reaction", "unbearable", "wince", "forever", "abuso", "molestan", "lost", "crashing", "crashed", "broken",
			"cracked", "overbook", "overbooked", "quit", "dreading", "dread", "scary", "sucks", "crap", "lousy",
			"sauna", "ignored", "mistake", "wrong", "worse", "hurtful", "problem", "problems", "dolores", "attendu",
			"annoy", "mad", "bother", "bothering", "frustrated", "frustrating", "irritated", "late", "lied", "stupid",
			"hell", "grr", "meh", "gross", "sore", "throbbing", "infection", "emergency"));

	/** Negative words that a negation does not turn round ("don't spam me"). */
	private static final Set<String> ALWAYS_NEGATIVE = Set.copyOf(List.of("spam", "spamming", "stop", "unsubscribe",
			"pain", "hurts", "bleeding", "swollen", "dolor", "duele", "douleur", "harassment", "scam"));

	private static final List<String> NEGATIVE_PHRASES = List.of("leave me alone", "not thrilled", "rub it in",
			"no means no", "absolutely not", "who gave you", "how did you get", "how did you even", "why do i keep",
			"too late", "not coming back", "never coming back", "we're done", "were done", "can't deal", "cant deal",
			"last time was", "spamming me", "so many texts", "every week", "each week", "enough already",
			"stop spamming", "la ultima vez", "la derniere fois", "never again", "stop texting", "stop messaging",
			"stop emailing", "stop contacting", "stop sending", "not happy", "not impressed", "fed up", "sick of",
			"tired of", "how many times", "take me off", "remove me", "lose my number", "dejen de", "deja de",
			"no me escriban", "arretez de", "laissez moi");

	private static final List<String> POSITIVE_PHRASES = List.of("sounds good", "sure thing", "why not", "very much",
			"so overdue", "you got me", "let's do it", "lets do it", "the best", "so kind", "too kind", "great idea",
			"love to", "book me in", "yes please", "can't wait", "cant wait", "looking forward", "thank you",
			"would love", "i'd love", "id love", "good idea", "muchas gracias", "con gusto", "me encantaria",
			"avec plaisir", "merci beaucoup", "with pleasure", "that works", "works for me");

	private static final List<String> DECLINE_PHRASES = List.of("elsewhere", "different practice", "another practice",
			"other practice", "new practice", "a practice near", "a practice closer", "switched dentists",
			"switched dentist", "changed dentists", "my own dentist", "find someone", "someone local", "someone closer",
			"moved to", "moving to", "relocated", "not coming back", "never coming back", "we're done", "were done",
			"i'm done", "im done", "quit it", "remove my", "off your list", "my number off", "opt out", "hold off",
			"decided to keep", "decided not", "not going to book", "not go ahead", "pass on the", "pass on it",
			"gonna pass", "going to pass", "all set", "already got", "already had", "already booked", "got it done",
			"had it done", "absolutely not", "dejen de", "no me escriban", "no me manden", "ne m'ecrivez plus",
			"arretez", "no thanks", "no thank you", "no thank u", "no thx", "not interested", "not anymore",
			"no longer", "another dentist", "other dentist", "different dentist", "new dentist", "own dentist",
			"a dentist closer", "dentist closer", "already have a dentist", "found a dentist", "found someone",
			"went elsewhere", "go elsewhere", "going elsewhere", "booked elsewhere", "somewhere else", "moved away",
			"i moved", "we moved", "moving away", "don't contact", "do not contact", "dont contact", "don't text",
			"do not text", "dont text", "don't message", "do not message", "don't email", "do not email",
			"stop texting", "stop messaging", "stop emailing", "stop contacting", "stop sending", "leave me alone",
			"take me off", "remove me", "unsubscribe", "not for me", "no need", "not needed", "don't need", "dont need",
			"do not need", "i'm good", "im good", "i'm fine", "all good thanks", "i'll pass", "ill pass",
			"pass for now", "not now thanks", "decided against", "changed my mind", "not going ahead", "won't be",
			"wont be", "no gracias", "no me interesa", "no estoy interesad", "otro dentista", "otra clinica",
			"ya tengo dentista", "ya no", "no quiero", "me mude", "non merci", "pas interesse", "pas interessee",
			"autre dentiste", "un autre cabinet", "deja un dentiste", "j'ai demenage", "plus besoin",
			"ne m'interesse pas", "lose my number", "not for us");

	private static final Set<String> DECLINE_WORDS = Set
		.copyOf(List.of("no", "nope", "nah", "nein", "non", "stop", "unsubscribe", "pass", "nada"));

	/** Words of a patient asking for a time, which a "no" in front does not cancel. */
	private static final Set<String> BOOKING_WORDS = Set.copyOf(List.of("monday", "tuesday", "wednesday", "thursday",
			"friday", "saturday", "sunday", "tomorrow", "today", "morning", "afternoon", "evening", "week", "book",
			"booking", "appointment", "time", "slot", "instead", "rather", "prefer", "better", "but", "lunes", "martes",
			"miercoles", "jueves", "viernes", "sabado", "manana", "tarde", "cita", "pero", "lundi", "mardi", "mercredi",
			"jeudi", "vendredi", "samedi", "matin", "rendez", "mais", "plutot"));

	private static final Set<String> YES_WORDS = Set.copyOf(List.of("yes", "yeah", "yea", "yep", "yup", "y", "sure",
			"ok", "okay", "k", "absolutely", "definitely", "please", "si", "claro", "vale", "oui", "d'accord", "dacord",
			"ouais", "bien", "certainly", "alright", "👍"));

	private ReplyReading() {
	}

	/**
	 * What a reply's words say about its feeling, counted: the features of the sentiment
	 * model, and the lexicon's own verdict.
	 */
	record Cues(int positive, int negative, int negatedPositive, int negativePhrases, int positivePhrases,
			int exclamations, boolean question, boolean shouting, boolean declines, boolean accepts) {

		/** The lexicon's verdict: positive minus negative words and phrases. */
		Sentiment verdict() {
			int score = positive - negative - negatedPositive + positivePhrases - 2 * negativePhrases
					- (shouting && positive == 0 ? 1 : 0);
			return score > 0 ? Sentiment.POSITIVE : score < 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
		}

	}

	static Sentiment sentiment(String text) {
		return cues(text).verdict();
	}

	static Cues cues(String text) {
		String folded = fold(text);
		List<String> words = words(folded);
		int positive = 0;
		int negative = 0;
		int negatedPositive = 0;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			boolean negated = (i > 0 && NEGATIONS.contains(words.get(i - 1)))
					|| (i > 1 && NEGATIONS.contains(words.get(i - 2)));
			if (POSITIVE.contains(word)) {
				if (negated) {
					negatedPositive++;
				}
				else {
					positive++;
				}
			}
			else if (NEGATIVE.contains(word)) {
				if (negated && !ALWAYS_NEGATIVE.contains(word)) {
					positive++;
				}
				else {
					negative++;
				}
			}
		}
		String spaced = " " + String.join(" ", words) + " ";
		int positivePhrases = 0;
		for (String phrase : POSITIVE_PHRASES) {
			if (spaced.contains(" " + phrase + " ")) {
				positivePhrases++;
			}
		}
		int negativePhrases = 0;
		for (String phrase : NEGATIVE_PHRASES) {
			if (spaced.contains(" " + phrase + " ")) {
				negativePhrases++;
			}
		}
		int exclamations = (int) text.chars().filter(c -> c == '!').count();
		boolean shouting = letters(text) > 8 && text.equals(text.toUpperCase(Locale.ROOT));
		return new Cues(positive, negative, negatedPositive, negativePhrases, positivePhrases, exclamations,
				text.indexOf('?') >= 0, shouting, declines(text), accepts(text));
	}

	/** The patient turns the offer down, or asks not to be written to. */
	static boolean declines(String text) {
		List<String> words = words(fold(text));
		if (words.isEmpty()) {
			return false;
		}
		boolean yesFirst = YES_WORDS.contains(words.get(0)) && !words.get(0).equals("please")
				&& (words.size() == 1 || !NEGATIONS.contains(words.get(1)));
		if (yesFirst || spaced(words).startsWith(" no se ")) {
			// "yes, but not with the other dentist"; "no sé" is "I don't know"
			return false;
		}
		String spaced = spaced(words);
		for (String phrase : DECLINE_PHRASES) {
			if (spaced.contains(" " + fold(phrase) + " ")) {
				return true;
			}
		}
		int stop = words.indexOf("stop");
		if (stop >= 0 && (stop + 1 == words.size() || !words.get(stop + 1).equals("by"))) {
			// "please stop", "stop texting me"; "can I stop by" is a visit
			return true;
		}
		boolean asksForTime = words.stream().anyMatch(BOOKING_WORDS::contains) || text.indexOf('?') >= 0;
		// a "no" first or last answers the offer ("nope.", "this is harassment, no"),
		// unless the patient goes on to ask for a time ("no, tuesday is better")
		return (DECLINE_WORDS.contains(words.get(0)) || DECLINE_WORDS.contains(words.get(words.size() - 1)))
				&& !asksForTime;
	}

	/** A short yes to the offer ("yes please", "sure!", "sí"), nothing more specific. */
	static boolean accepts(String text) {
		List<String> words = words(fold(text));
		return !words.isEmpty() && YES_WORDS.contains(words.get(0)) && !declines(text);
	}

	private static final Set<String> SPANISH = Set.copyOf(List.of("si", "gracias", "quiero", "quisiera", "puedo", "por",
			"favor", "hola", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "manana", "tarde", "cita",
			"para", "usted", "estoy", "tengo", "necesito", "cuanto", "cuesta", "vale", "claro", "buenos", "buenas",
			"otro", "ya", "nos", "una", "pero", "muy", "bien", "limpieza", "dentista", "semana", "proxima", "gusto"));

	private static final Set<String> FRENCH = Set.copyOf(List.of("oui", "merci", "je", "voudrais", "veux", "bonjour",
			"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "matin", "apres", "midi", "rendez", "vous",
			"pour", "avec", "est", "suis", "j'ai", "pas", "ne", "nous", "prochaine", "semaine", "combien", "coute",
			"d'accord", "dentiste", "detartrage", "bien", "tres", "mais", "cabinet", "plait", "s'il"));

	/**
	 * English, Spanish or French, by the words that only one of them uses; English when
	 * unsure.
	 */
	static String language(String text) {
		List<String> words = words(fold(text));
		long spanish = words.stream().filter(SPANISH::contains).count();
		long french = words.stream().filter(FRENCH::contains).count();
		if (spanish >= 1 && spanish > french) {
			return "es";
		}
		if (french >= 1 && french > spanish) {
			return "fr";
		}
		return "en";
	}

	private static String spaced(List<String> words) {
		return " " + String.join(" ", words) + " ";
	}

	static String fold(String text) {
		String lowered = text.toLowerCase(Locale.ROOT).replace('’', '\'');
		return Normalizer.normalize(lowered, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
	}

	static List<String> words(String folded) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(folded);
		while (matcher.find()) {
			String word = matcher.group();
			if (!word.equals("?") && !word.equals("!")) {
				words.add(word);
			}
		}
		return words;
	}

	private static int letters(String text) {
		return (int) text.chars().filter(Character::isLetter).count();
	}

}
