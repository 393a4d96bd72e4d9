package io.smiledesk.channel;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the carrier keywords (STOP, START, HELP and their kin) and free-text requests to
 * stop or resume messages. Only a request about the messages themselves counts: a
 * cancellation ("cancel my appointment"), a symptom ("the bleeding won't stop") or a
 * correction ("stop - I meant Tuesday") goes to the assistant.
 */
final class Keywords {

	enum Kind {

		OPT_OUT, OPT_IN, HELP, OTHER

	}

	/**
	 * @param onlyWhenOptedOut a bare "yes" re-subscribes only someone who opted out;
	 * otherwise it answers the conversation
	 */
	record Reading(Kind kind, String language, boolean onlyWhenOptedOut) {
	}

	// the carriers' lists (CTIA, Twilio), with the spellings patients send
	private static final Set<String> STOP_WORDS = Set.of("stop", "stopall", "stop all", "unsubscribe", "end", "quit",
			"revoke", "optout", "opt out", "stop texting", "stop messages", "stop msgs", "stop sms", "stop texts",
			"remove", "remove me", "unsub", "baja", "alto", "parar", "arret", "arreter", "desabonner", "desinscrire");

	private static final Set<String> START_WORDS = Set.of("start", "unstop", "subscribe", "resubscribe", "opt in",
			"optin", "resume");

	private static final Set<String> YES_WORDS = Set.of("yes", "y", "si", "oui");

	private static final Set<String> HELP_WORDS = Set.of("help", "info", "ayuda", "aide", "help me");

	private static final String MESSAGES = "(?:text(?:s|ing)?|txt(?:s|ing)?|message(?:s)?|messaging|msg(?:s)?|msging|sms|"
			+ "e-?mail(?:s|ing)?|reminders?|notifications?|alerts?|whatsapps?|marketing|promotions?|spam(?:ming)?|"
			+ "contact(?:ing)?|calls?|these|this)";

	private static final Pattern STOP_REQUEST = Pattern.compile(String.join("|",
			// "stop texting me", "please quit sending me messages", "stop all reminders"
			"\\b(?:stop|quit|cease|end)\\s+(?:all\\s+|the\\s+|these\\s+|your\\s+|those\\s+|sending\\s+(?:me\\s+)?)?(?:"
					+ MESSAGES + ")",
			// "don't text me anymore", "do not message me again", "never email me"
			"\\b(?:don'?t|do\\s+not|dont|never|no\\s+more)\\s+(?:ever\\s+)?(?:send(?:ing)?\\s+(?:me\\s+)?|" + MESSAGES
					+ "\\s+me\\b)",
			"\\bno\\s+more\\s+" + MESSAGES,
			// "I no longer want to receive texts", "I don't want any more messages"
			"\\bno\\s+longer\\s+(?:want|wish|need)\\s+(?:to\\s+(?:receive|get)\\s+)?(?:any\\s+)?(?:your\\s+|the\\s+)?(?:"
					+ MESSAGES + ")",
			"\\b(?:don'?t|do\\s+not)\\s+want\\s+(?:to\\s+(?:receive|get)\\s+)?(?:any\\s+more\\s+|anymore\\s+|any\\s+)?"
					+ "(?:your\\s+|these\\s+)?(?:" + MESSAGES + ")",
			"\\benough\\s+(?:with\\s+|of\\s+)?(?:the\\s+|your\\s+|these\\s+|all\\s+the\\s+)?(?:" + MESSAGES + ")",
			// "take me off your list", "remove me from this list"
			"\\b(?:take|remove|delete|drop)\\s+(?:me|my\\s+(?:number|email|phone))\\s+(?:off|from)\\b",
			"\\bunsubscribe\\b", "\\bopt\\s*(?:me\\s+)?out\\b",
			"\\b(?:stop|quit)\\s+(?:contacting|bothering|spamming|pestering)\\s+me", "\\bleave\\s+me\\s+alone\\b",
			"\\bhow\\s+do\\s+i\\s+(?:get\\s+(?:these|this|the|your)\\s+\\w+\\s+to\\s+stop|stop\\s+(?:these|your|the)\\s+"
					+ MESSAGES + ")",
			// Spanish
			"\\bdej(?:a|e|en|ad|ar)\\s+de\\s+(?:mandar|enviar|escribir|mensajear|llamar)",
			"\\bno\\s+(?:me\\s+)?(?:mand|envi|escrib|mensaje)\\w*\\s+(?:mas|ningun)",
			"\\bno\\s+(?:quiero|deseo)\\s+(?:recibir|mas)\\b", "\\b(?:dar(?:me)?|denme|deme)\\s+de\\s+baja",
			"\\bde\\s+baja\\b", "\\b(?:borr|quit|elimin|sac)\\w*\\s+(?:de\\s+(?:la|su|tu)\\s+lista|mi\\s+numero)",
			"\\bya\\s+no\\s+(?:me\\s+)?(?:mand|envi|escrib)",
			"\\bbasta\\s+de\\s+(?:mensajes|sms|textos|recordatorios|whatsapps?)",
			// French
			"\\barret(?:ez|e|er)\\s+(?:de\\s+)?(?:m'?|me\\s+)?(?:envoyer|ecrire|contacter|spammer|texter)",
			"\\bne\\s+(?:m'?|me\\s+)?(?:envoy|ecriv|contact)\\w*\\s+plus",
			"\\bne\\s+plus\\s+(?:recevoir|etre\\s+contacte)",
			"\\bne\\s+plus\\s+(?:me\\s+|m')?(?:contacter|ecrire|envoyer|texter|relancer)",
			"\\bstop\\s+(?:aux|a\\s+vos|a\\s+ces)\\s+(?:messages|sms|textos|rappels|relances)",
			"\\bdesinscri\\w*|\\bdesabonn\\w*", "\\b(?:retirez|supprimez|enlevez)[- ]moi\\b",
			"\\bje\\s+ne\\s+veux\\s+plus\\s+(?:recevoir|de\\s+(?:messages|sms|textos|rappels))"));

	// "don't stop my reminders", "stop calling me at work and text instead"
	private static final Pattern NOT_A_STOP = Pattern.compile(String.join("|",
			"\\b(?:don'?t|do\\s+not|dont|never|please\\s+keep|keep)\\s+(?:stop|end|cancel|quit)", "\\binstead\\b",
			"\\bkeep\\s+(?:sending|texting|messaging)", "\\bsigue|\\bsigan|\\bcontinuez|\\bcontinuer"));

	private static final Pattern START_REQUEST = Pattern.compile(String.join("|",
			"\\b(?:start|begin|resume)\\s+(?:sending|texting|messaging)\\s+(?:me\\s+)?(?:" + MESSAGES + "\\s+)?again",
			"\\b(?:start|resume)\\s+(?:my\\s+|the\\s+)?(?:" + MESSAGES + ")\\s+again", "\\bre-?subscribe",
			"\\bsubscribe\\s+me\\s+again", "\\bopt\\s*(?:me\\s+)?(?:back\\s+)?in\\b",
			"\\bsign\\s+me\\s+(?:back\\s+up|up\\s+again)\\s+(?:for\\s+)?(?:the\\s+|your\\s+|appointment\\s+|my\\s+)?(?:"
					+ MESSAGES + ")",
			"\\b(?:turn|switch)\\s+(?:my\\s+|the\\s+)?(?:" + MESSAGES + ")\\s+back\\s+on",
			"\\b(?:send|text)\\s+me\\s+(?:" + MESSAGES + "\\s+)?again",
			"\\b(?:get|receive)\\s+(?:your\\s+|the\\s+|my\\s+|those\\s+)?(?:" + MESSAGES + ")\\s+again",
			"\\bvolver\\s+a\\s+recibir", "\\breactiv\\w+", "\\bsuscrib\\w*\\s+de\\s+nuevo", "\\bre-?suscrib",
			"\\brecevoir\\s+(?:a\\s+nouveau|de\\s+nouveau)", "\\bre-?abonn|\\breinscri"));

	// said around a keyword: "stop please", "START thanks"
	private static final Pattern COURTESY = Pattern.compile(
			"\\b(?:please|pls|plz|thanks|thank\\s+you|thx|ty|por\\s+favor|gracias|merci|s'il\\s+vous\\s+plait|now)\\b");

	private Keywords() {
	}

	static Reading read(String message) {
		String text = fold(message);
		String bare = keyword(text);
		String language = language(text);
		if (STOP_WORDS.contains(bare)) {
			return new Reading(Kind.OPT_OUT, language, false);
		}
		if (START_WORDS.contains(bare)) {
			return new Reading(Kind.OPT_IN, language, false);
		}
		if (YES_WORDS.contains(bare)) {
			return new Reading(Kind.OPT_IN, language, true);
		}
		if (HELP_WORDS.contains(bare)) {
			return new Reading(Kind.HELP, language, false);
		}
		if (NOT_A_STOP.matcher(text).find()) {
			return new Reading(Kind.OTHER, language, false);
		}
		if (START_REQUEST.matcher(text).find()) {
			return new Reading(Kind.OPT_IN, language, false);
		}
		if (STOP_REQUEST.matcher(text).find()) {
			return new Reading(Kind.OPT_OUT, language, false);
		}
		return new Reading(Kind.OTHER, language, false);
	}

	/**
	 * The message as a keyword would be: no punctuation or emoji, no courtesy words, a
	 * repeated word once ("STOP STOP STOP").
	 */
	private static String keyword(String text) {
		String bare = COURTESY.matcher(text.replaceAll("[^\\p{L}\\p{N}' ]+", " ")).replaceAll(" ");
		bare = bare.replaceAll("\\s+", " ").strip();
		String[] words = bare.split(" ");
		if (words.length > 1 && Arrays.stream(words).allMatch(words[0]::equals)) {
			return words[0];
		}
		return bare;
	}

	/** Lower case, accents off, curly apostrophes straight. */
	private static String fold(String message) {
		String lower = (message == null ? "" : message).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
		return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
	}

	private static final Pattern SPANISH = Pattern
		.compile("\\b(?:mensajes?|mandar|enviar|por\\s+favor|no\\s+quiero|dejen?|baja|ya\\s+no|gracias|ayuda)\\b");

	private static final Pattern FRENCH = Pattern
		.compile("\\b(?:m'envoyer|envoyez|plus\\s+de|arretez|merci|aide|s'il\\s+vous|je\\s+ne|desinscri\\w*)\\b");

	private static String language(String text) {
		if (FRENCH.matcher(text).find()) {
			return "fr";
		}
		if (SPANISH.matcher(text).find()) {
			return "es";
		}
		return "en";
	}

}
