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

	private static final Set<String> POSITIVE = Set
		.copyOf(List.of("thanks", "thank", "thx", "ty", "great", "perfect", "love", "lovely", "awesome", "wonderful",
				"glad", "happy", "excellent", "amazing", "appreciate", "appreciated", "brilliant", "fantastic", "nice",
				"cool", "excited", "keen", "yay", "definitely", "absolutely", "sweet", "fab", "gracias", "genial",
				"perfecto", "perfecta", "encantado", "encantada", "estupendo", "maravilloso", "excelente", "merci",
				"parfait", "super", "genial", "ravi", "ravie", "formidable", "top", "bien", "great!", "😊", "🙂", "😀",
				"😁", "😃", "👍", "❤", "❤️", "🙏", "😍", "🎉", "☺", "✨", "🥰", "💯"));

	private static final Set<String> NEGATIVE = Set.copyOf(List.of("spam", "spamming", "annoyed", "annoying", "angry",
			"terrible", "awful", "horrible", "worst", "rude", "unhappy", "disappointed", "disappointing", "hate",
			"ridiculous", "useless", "pathetic", "waste", "furious", "upset", "sick", "tired", "fed", "harassment",
			"harassing", "stop", "unsubscribe", "pain", "painful", "hurts", "hurt", "hurting", "ache", "aching",
			"swollen", "swelling", "bleeding", "bad", "poor", "scam", "wtf", "damn", "leave", "overcharged",
			"expensive", "complaint", "complain", "worried", "scared", "afraid", "nervous", "ugh", "seriously", "never",
			"again", "molesto", "molesta", "dolor", "duele", "pesimo", "fatal", "harto", "harta", "enfadado", "queja",
			"basta", "arrete", "arretez", "nul", "nulle", "decu", "decue", "douleur", "mal", "marre", "enerve",
			"plainte", "😡", "😠", "🙄", "😤", "😒", "😞", "😢", "😭", "👎", "🤬", "😩", "😣"));

	/** Negative words that a negation does not turn round ("don't spam me"). */
	private static final Set<String> ALWAYS_NEGATIVE = Set.copyOf(List.of("spam", "spamming", "stop", "unsubscribe",
			"pain", "hurts", "bleeding", "swollen", "dolor", "duele", "douleur", "harassment", "scam"));

	private static final List<String> NEGATIVE_PHRASES = List.of("leave me alone", "stop texting", "stop messaging",
			"stop emailing", "stop contacting", "stop sending", "not happy", "not impressed", "never again", "fed up",
			"sick of", "tired of", "how many times", "take me off", "remove me", "lose my number", "dejen de",
			"deja de", "no me escriban", "arretez de", "laissez moi");

	private static final List<String> POSITIVE_PHRASES = List.of("sounds good", "yes please", "can't wait", "cant wait",
			"looking forward", "thank you", "would love", "i'd love", "id love", "good idea", "muchas gracias",
			"con gusto", "me encantaria", "avec plaisir", "merci beaucoup", "with pleasure", "that works",
			"works for me");

	private static final List<String> DECLINE_PHRASES = List.of("no thanks", "no thank you", "no thank u", "no thx",
			"not interested", "not anymore", "no longer", "another dentist", "other dentist", "different dentist",
			"new dentist", "own dentist", "a dentist closer", "dentist closer", "already have a dentist",
			"found a dentist", "found someone", "went elsewhere", "go elsewhere", "going elsewhere", "booked elsewhere",
			"somewhere else", "moved away", "i moved", "we moved", "moving away", "don't contact", "do not contact",
			"dont contact", "don't text", "do not text", "dont text", "don't message", "do not message", "don't email",
			"do not email", "stop texting", "stop messaging", "stop emailing", "stop contacting", "stop sending",
			"leave me alone", "take me off", "remove me", "unsubscribe", "not for me", "no need", "not needed",
			"don't need", "dont need", "do not need", "i'm good", "im good", "i'm fine", "all good thanks", "i'll pass",
			"ill pass", "pass for now", "not now thanks", "decided against", "changed my mind", "not going ahead",
			"won't be", "wont be", "no gracias", "no me interesa", "no estoy interesad", "otro dentista",
			"otra clinica", "ya tengo dentista", "ya no", "no quiero", "me mude", "non merci", "pas interesse",
			"pas interessee", "autre dentiste", "un autre cabinet", "deja un dentiste", "j'ai demenage", "plus besoin",
			"ne m'interesse pas", "lose my number", "wrong person");

	private static final Set<String> DECLINE_WORDS = Set
		.copyOf(List.of("no", "nope", "nah", "nein", "non", "stop", "unsubscribe", "pass", "nada"));

	private static final Set<String> YES_WORDS = Set.copyOf(List.of("yes", "yeah", "yea", "yep", "yup", "y", "sure",
			"ok", "okay", "k", "absolutely", "definitely", "please", "si", "claro", "vale", "oui", "d'accord", "dacord",
			"ouais", "bien", "certainly", "alright", "👍"));

	private ReplyReading() {
	}

	static Sentiment sentiment(String text) {
		String folded = fold(text);
		List<String> words = words(folded);
		int score = 0;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			boolean negated = (i > 0 && NEGATIONS.contains(words.get(i - 1)))
					|| (i > 1 && NEGATIONS.contains(words.get(i - 2)));
			if (POSITIVE.contains(word)) {
				score += negated ? -1 : 1;
			}
			else if (NEGATIVE.contains(word)) {
				score += negated && !ALWAYS_NEGATIVE.contains(word) ? 1 : -1;
			}
		}
		String spaced = " " + String.join(" ", words) + " ";
		for (String phrase : POSITIVE_PHRASES) {
			if (spaced.contains(" " + phrase + " ")) {
				score++;
			}
		}
		for (String phrase : NEGATIVE_PHRASES) {
			if (spaced.contains(" " + phrase + " ")) {
				score -= 2;
			}
		}
		if (letters(text) > 8 && text.equals(text.toUpperCase(Locale.ROOT)) && score <= 0) {
			// shouting
			score--;
		}
		return score > 0 ? Sentiment.POSITIVE : score < 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
	}

	/** The patient turns the offer down, or asks not to be written to. */
	static boolean declines(String text) {
		List<String> words = words(fold(text));
		if (words.isEmpty()) {
			return false;
		}
		String spaced = " " + String.join(" ", words) + " ";
		for (String phrase : DECLINE_PHRASES) {
			if (spaced.contains(" " + fold(phrase) + " ")) {
				return true;
			}
		}
		// a bare "no" (or "no, sorry") answers the offer; "no, tuesday is better" does
		// not
		return DECLINE_WORDS.contains(words.get(0)) && words.size() <= 3;
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
