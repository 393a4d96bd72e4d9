package io.smiledesk.understanding;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads a message without a language model: {@link IntentClassifier} for the intent,
 * {@link EntityExtractor} for the facts, and the conversation's state for short answers
 * (a "sure" after "Shall I book it?" confirms). A message that only states facts ("Ana
 * Silva", "ana@example.com", "tomorrow at 3") is {@link Intent#UNKNOWN} with a low
 * confidence and its entities filled: the dialogue policy merges them into what it is
 * collecting. Understands English, Spanish and French ({@link OtherLanguageIntents});
 * other languages are recognised and answered as out of scope.
 */
@Component("offlineUnderstanding")
public class OfflineUnderstanding implements MessageUnderstanding {

	/** Longer input is cut before classifying: the model reads 256 tokens anyway. */
	static final int MAX_CHARS = 2_000;

	static final double FACTS_ONLY_CONFIDENCE = 0.2;

	static final double ANSWER_CONFIDENCE = 0.95;

	static final double OTHER_LANGUAGE_CONFIDENCE = 0.6;

	static final double QUESTION_CONFIDENCE = 0.7;

	/** Longer messages are classified by their opening or closing sentences. */
	static final int LONG = 300;

	/** Readings a question for information can hide behind. */
	private static final Set<Intent> ASKABLE = EnumSet.of(Intent.BOOK, Intent.CANCEL, Intent.RESCHEDULE, Intent.UNKNOWN,
			Intent.OUT_OF_SCOPE, Intent.GREETING, Intent.CONFIRM, Intent.DENY, Intent.QUESTION, Intent.THANKS,
			Intent.GOODBYE);

	/** Readings under which a message with a question's form asks something. */
	private static final Set<Intent> UNREAD = EnumSet.of(Intent.QUESTION, Intent.UNKNOWN, Intent.OUT_OF_SCOPE);

	/** The patient speaking of themselves or those they care for. */
	private static final Pattern OWN = Pattern
		.compile("\\b(i|i'm|im|i've|ive|i'd|my|me|mine|we|our|us|son|daughter|kid|child|husband|wife|mom|mum|dad)\\b");

	private static final Pattern SYMPTOM = Pattern
		.compile("\\b(hurts?|hurting|pain|painful|aches?|aching|achy|throb\\w*"
				+ "|sore|swollen|swelling|swell|bleed\\w*|bled|blood|broke|broken|cracked|chipped|knocked|fell out|lost|loose"
				+ "|abscess|infect\\w*|pus|fever|toothache|killing|agony|puffy|wobbly|clicks?)\\b");

	private static final Pattern NO = Pattern
		.compile("\\b(no|n|nope|nah|not|don't|dont|other|another|different|else|wrong|neither|none)\\b");

	/**
	 * "cancel" or "change" alone refuse a booking; after a leading yes they agree to the
	 * change asked about ("yes, cancel it").
	 */
	private static final Pattern CHANGE = Pattern.compile("\\b(cancel|change)\\b");

	private static final Pattern LEADING_YES = Pattern.compile("^(yes|yeah|yep|yup|sure|ok|okay|please)\\b");

	private static final Pattern YES = Pattern.compile(
			"\\b(yes|y|yess+|yeah|yep|yup|ya|yea|sure|ok|okay|k|kk|alright|good|perfect|book it|go ahead|do it|works|correct|confirm|confirmed|great|fine|absolutely|definitely|please do|let's do it|lets do it|right)\\b");

	/**
	 * Words around stated facts ("my email is", "born on", "at 3pm tomorrow") that do not
	 * make a request of their own.
	 */
	private static final Set<String> FACT_WORDS = Set.of("my", "name", "is", "it's", "its", "i'm", "im", "this",
			"email", "e-mail", "mail", "address", "phone", "number", "cell", "mobile", "tel", "contact", "and", "or",
			"the", "a", "at", "on", "in", "of", "by", "around", "about", "after", "before", "between", "from", "to",
			"until", "am", "pm", "next", "coming", "today", "tomorrow", "tmrw", "tonight", "morning", "afternoon",
			"evening", "noon", "week", "weekend", "month", "day", "days", "weeks", "monday", "mon", "tuesday", "tue",
			"tues", "wednesday", "wed", "thursday", "thu", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun",
			"january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
			"august", "aug", "september", "sep", "sept", "october", "oct", "november", "nov", "december", "dec", "st",
			"nd", "rd", "th", "dob", "born", "birth", "date", "birthday", "here", "you", "go", "there", "option", "one",
			"with", "dr", "doctor", "please", "pls", "thanks", "ok", "okay", "sure", "yes", "works", "best", "for",
			"me", "maybe", "any", "time", "first", "second", "third", "last", "early", "late", "later", "earlier",
			"anytime");

	private final IntentClassifier classifier;

	private final EntityExtractor extractor;

	private final OtherLanguageIntents otherLanguages;

	OfflineUnderstanding(IntentClassifier classifier, EntityExtractor extractor, OtherLanguageIntents otherLanguages) {
		this.classifier = classifier;
		this.extractor = extractor;
		this.otherLanguages = otherLanguages;
	}

	@Override
	public Understanding understand(String text, MessageContext context) {
		return understandRanked(text, context).understanding();
	}

	/** The understanding with the intents the classifier considered, best first. */
	public Ranked understandRanked(String text, MessageContext context) {
		String message = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
		EntityExtractor.Extraction extraction = extractor.read(message, context);
		String language = context.languageOf(message);
		Reading reading = read(message, extraction, context, language);
		boolean asks = QuestionCues.asks(message) || UNREAD.contains(reading.intent()) && QuestionCues.asking(message);
		return new Ranked(new Understanding(reading.intent(), reading.confidence(), extraction.entities(), language,
				Understanding.OFFLINE, null, asks), reading.ranking());
	}

	/** The intent with the classifier's runners-up, for the developer endpoint. */
	public Reading read(String text, MessageContext context) {
		String message = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
		return read(message, extractor.read(message, context), context, context.languageOf(message));
	}

	private Reading read(String message, EntityExtractor.Extraction extraction, MessageContext context,
			String language) {
		boolean other = otherLanguages.reads(language);
		Optional<Intent> answer = other && "confirm".equalsIgnoreCase(String.valueOf(context.awaiting()))
				? otherLanguages.answer(message, language) : answer(message, context.awaiting());
		if (answer.isPresent()) {
			return new Reading(answer.get(), ANSWER_CONFIDENCE,
					List.of(new IntentClassifier.Scored(answer.get(), ANSWER_CONFIDENCE)));
		}
		if (!Languages.ENGLISH.equals(language) && !other) {
			return new Reading(Intent.OUT_OF_SCOPE, OTHER_LANGUAGE_CONFIDENCE,
					List.of(new IntentClassifier.Scored(Intent.OUT_OF_SCOPE, OTHER_LANGUAGE_CONFIDENCE)));
		}
		Entities entities = extraction.entities();
		// contact details say nothing about intent, and their digits and names only
		// distract the classifier
		String forClassifier = message;
		for (String fact : new String[] { entities.email(), entities.phone() }) {
			if (fact != null) {
				forClassifier = forClassifier.replace(fact, " ");
			}
		}
		// a long story is read for its request at the start, else at the end: a word deep
		// inside it ("I kept meaning to find somebody new") asks for nothing
		String request = forClassifier.length() > LONG ? LongMessages.opening(forClassifier) : forClassifier;
		IntentClassifier.Classification classification = classify(request, other, language);
		if (classification.intent() == Intent.UNKNOWN && request.length() < forClassifier.length()) {
			request = LongMessages.closing(forClassifier);
			classification = classify(request, other, language);
		}
		if (askable(classification, request)
				&& QuestionCues.onlyAsks(request, classification.intent(), entities.when() != null)) {
			// "how long does whitening take?" asks about a service; it books nothing
			return new Reading(Intent.QUESTION, Math.max(classification.confidence(), QUESTION_CONFIDENCE),
					classification.ranking());
		}
		boolean ruled = classification.confidence() >= IntentClassifier.RULE_CONFIDENCE;
		if (!ruled && !other && !Cues.says(classification.intent(), request)) {
			// a guess of a change or a fresh start without a word that asks for one:
			// "whitening
			// tue aug 12 at 3pm" books, "try paul.d@yahoo.com" gives an email
			Intent instead = entities.serviceId() != null || entities.when() != null ? Intent.BOOK : Intent.UNKNOWN;
			return new Reading(instead, Math.min(FACTS_ONLY_CONFIDENCE, classification.confidence()),
					classification.ranking());
		}
		if (!ruled && !entities.isEmpty() && factsOnly(extraction.rest())) {
			return new Reading(Intent.UNKNOWN, Math.min(FACTS_ONLY_CONFIDENCE, classification.confidence()),
					classification.ranking());
		}
		return new Reading(classification.intent(), classification.confidence(), classification.ranking());
	}

	/**
	 * Whether a question for information may hide behind the reading: a person guessed
	 * from the nearest examples ("what floor is the office on") but not asked for in so
	 * many words, or an emergency read in a message that tells of no symptom of the
	 * patient's own ("do you treat tmj?", "how long after a filling before i can chew
	 * gum?"; a numbness to come is no symptom).
	 */
	private static boolean askable(IntentClassifier.Classification classification, String text) {
		Intent intent = classification.intent();
		boolean ruled = classification.confidence() >= IntentClassifier.RULE_CONFIDENCE;
		return ASKABLE.contains(intent) || intent == Intent.HUMAN && !ruled
				|| intent == Intent.EMERGENCY && !ruled && !ownSymptom(text.toLowerCase(Locale.ROOT));
	}

	/** The patient tells of a symptom of their own (or of someone they care for). */
	private static boolean ownSymptom(String text) {
		return OWN.matcher(text).find() && SYMPTOM.matcher(text).find();
	}

	private IntentClassifier.Classification classify(String text, boolean other, String language) {
		return other ? otherLanguages.classify(text, language) : classifier.classify(text);
	}

	/**
	 * A short yes or no to "Shall I book it?". Refusals are looked for first: "ok but not
	 * that day" is a no.
	 */
	static Optional<Intent> answer(String message, String awaiting) {
		if (awaiting == null || !"confirm".equals(awaiting.toLowerCase(Locale.ROOT))) {
			return Optional.empty();
		}
		List<String> words = Texts.words(message);
		if (words.isEmpty() || words.size() > 6) {
			return Optional.empty();
		}
		String lower = String.join(" ", words);
		if (NO.matcher(lower).find() || (CHANGE.matcher(lower).find() && !LEADING_YES.matcher(lower).find())) {
			return Optional.of(Intent.DENY);
		}
		if (YES.matcher(lower).find()) {
			return Optional.of(Intent.CONFIRM);
		}
		return Optional.empty();
	}

	private static boolean factsOnly(String rest) {
		List<String> words = Texts.words(rest);
		return words.stream().allMatch(word -> FACT_WORDS.contains(word) || word.matches("\\d+(st|nd|rd|th|am|pm)?"));
	}

	/** An understanding and the intents considered for it, best first. */
	public record Ranked(Understanding understanding, List<IntentClassifier.Scored> ranking) {
	}

	/** An intent, its confidence and the best candidates. */
	public record Reading(Intent intent, double confidence, List<IntentClassifier.Scored> ranking) {
	}

}
