package io.smiledesk.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.smiledesk.system.SentenceEmbeddings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells what a message is for, offline: rules for what rules read reliably (one-word
 * answers, "start over", asking for a person), otherwise the labelled examples of
 * {@code nlu/intents.tsv} closest in meaning (sentence embeddings). Each intent scores
 * the mean cosine of its {@value #NEIGHBOURS} closest examples; the confidence is a
 * softmax over those scores, damped when even the best example is far. Below the
 * threshold ({@code smiledesk.conversation.intent-threshold}) the intent is
 * {@link Intent#UNKNOWN}.
 * <p>
 * Over 300 lines because the rules and their short-answer lexicon are read together with
 * the nearest-example scoring they short-cut; splitting them would hide which wins.
 */
@Component
public class IntentClassifier {

	static final String EXAMPLES = "nlu/intents.tsv";

	static final String SPELLING = "nlu/chat-spelling.tsv";

	static final int NEIGHBOURS = 3;

	/** Softmax temperature over cosines. */
	static final double TEMPERATURE = 0.05;

	/** A best cosine under this is a weak match: the confidence shrinks with it. */
	static final double CLOSE_ENOUGH = 0.55;

	static final double RULE_CONFIDENCE = 0.95;

	/**
	 * The examples' vectors, embedded once per process whatever the number of contexts.
	 */
	private static final Map<String, List<float[]>> EMBEDDED = new ConcurrentHashMap<>();

	private static final Pattern START_OVER = Pattern.compile(
			"\\b(start(ing)? (it )?(all )?(over|again|afresh|fresh|from (the )?(beginning|top|scratch))|restart|reset|begin (again|anew)|from the top|from scratch|new conversation)\\b");

	private static final Pattern ASK = Pattern.compile(
			"\\b((talk|speak|chat)( \\w+)? (to|with)|connect|transfer|put me (through|thru)|get me|ring me|call me|phone me|contact me|call back|want|need|prefer)\\b");

	private static final Pattern PERSON = Pattern.compile(
			"\\b(human|humans|real person|actual person|a person|live person|live agent|agent|representative|receptionist|reception|operator|someone|somebody|staff|front desk|office manager)\\b");

	/** Words only a change of an existing appointment uses. */
	private static final Pattern RESCHEDULE = Pattern.compile(
			"\\b(re-?schedul\\w*|postpon\\w*|push(ing)? (it|my|the) [a-z ]{0,20}(back|forward|later)|move (one of )?(my|the|our) ([a-z]+ )?(appointment|appt|booking|visit|cleaning|filling|exam|whitening)s?|change (the )?(time|date|day) of|change my ([a-z]+ )?(appointment|appt|booking)"
					// "could my filling move to the 20th?", "can my cleaning be pushed
					// back"
					+ "|(my|our) ([a-z]+ )?(appointment|appt|booking|visit|cleaning|filling|exam|whitening|checkup|check-up|consultation) (be )?(move[ds]?|moving|changed|pushed|shifted|rescheduled|switched)"
					// "the appointment on the 19th needs to change"
					+ "|(appointment|appt|booking|visit|cleaning|filling|exam|whitening|checkup|check-up|consult\\w*)\\b[^.?!]{0,30}\\b(needs?|has|have|will have) to (be )?(change|changed|move|moved|rescheduled|shifted)"
					// "can my cleaning go to next week?"
					+ "|(can|could|may) (my|our|the) ([a-z]+ )?(appointment|appt|booking|visit|cleaning|filling|exam|whitening|checkup|check-up|consult\\w*) (go|be (moved|changed|pushed|shifted|rescheduled)|move)"
					// "could we make that appointment an hour later?"
					+ "|(make|have|put) (it|that|this|my|our|the)( [a-z]+)?( appointment| appt| booking| visit)? ((an?|one|two|three|half an?|\\d+) (hour|hr|day|week|minute|min)s? |a (bit|little) |slightly )?(later|earlier|sooner)\\b(?! (this|next|in the) (week|month))"
					// "could I come 2 hrs earlier?", "a day later, same time", "back an
					// hour"
					+ "|(an?|one|two|three|four|half an?|\\d{1,3}) ?(hours?|hrs?|minutes?|mins?|days?|weeks?) (later|earlier|sooner)"
					+ "|(back|later|earlier) (by )?(an?|one|two|three|half an?|\\d{1,3}) ?(hours?|hrs?|minutes?|mins?|days?|weeks?)"
					// "can I move tomorrow's cleaning to thursday?"
					+ "|(move|reschedule|shift|push|switch) [a-z]+'s (appointment|appt|booking|visit|cleaning|filling|exam|whitening|checkup|check-up|consult\\w*)"
					+ "|(switch|shift|swap|bump|push|move) (my|our) ([a-z]+ )?(appointment|appt|booking|visit|cleaning|filling|exam|whitening|checkup|check-up|consult\\w*) (to|back|forward|out|later|earlier|by|a|one|two))\\b");

	private static final Pattern CANCEL = Pattern.compile("\\bcancel(l?ing|l?ed)?\\b|\\bcall off\\b");

	/** "I don't want to cancel, just move it": a move. */
	private static final Pattern NOT_CANCEL = Pattern.compile(
			"\\b(don'?t|do not|dont|not|no need to|rather not|without|never mind|rather than|instead of)\\s+(want to\\s+|wanna\\s+|need to\\s+|trying to\\s+|the\\s+)?cancel");

	private static final Pattern BOOK_INSTEAD = Pattern
		.compile("\\b(book|schedule|reserve|also (like|want|need)|i'?d like (a|an|to book)|get (a|an|me))\\b");

	private static final Pattern MOVE = Pattern.compile(
			"\\b(move|moving|reschedul\\w*|change|push|switch|shift|different (day|time)|another (day|time)|later|earlier)\\b");

	/** "what is your cancellation policy?" asks about cancelling, it does not cancel. */
	private static final Pattern CANCELLATION_QUESTION = Pattern
		.compile("\\b(cancellation|policy|fee|fees|charge|charged)\\b");

	private static final Pattern PRICE_QUESTION = Pattern.compile("\\b(how much|price|prices|cost|costs)\\b");

	private static final Pattern BOOKING_VERB = Pattern
		.compile("\\b(book|booking|schedule|appointment|appt|come in|see)\\b");

	private static final Map<String, Intent> SHORT_ANSWERS = shortAnswers();

	private static final Set<String> FILLERS = Set.of("please", "pls", "plz", "then", "thanks", "thank", "you", "ok",
			"okay", "oh", "so", "well", "and", "just", "that's", "it", "great", "very", "much", "a", "lot");

	private final SentenceEmbeddings embeddings;

	private final List<Intent> labels;

	private final List<float[]> vectors;

	private final Set<String> vocabulary;

	private final Map<String, String> spelling;

	private final double threshold;

	@Autowired
	IntentClassifier(SentenceEmbeddings embeddings,
			@Value("${smiledesk.conversation.intent-threshold:0.35}") double threshold) {
		this(embeddings, EXAMPLES, threshold);
	}

	IntentClassifier(SentenceEmbeddings embeddings, String examplesResource, double threshold) {
		if (threshold < 0 || threshold > 1) {
			throw new IllegalArgumentException("The intent threshold must be in [0, 1], not " + threshold);
		}
		this.embeddings = embeddings;
		this.threshold = threshold;
		List<Intent> intents = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (String[] pair : Texts.pairs(examplesResource)) {
			intents.add(Intent.valueOf(pair[0]));
			texts.add(pair[1]);
		}
		this.labels = List.copyOf(intents);
		this.vocabulary = new HashSet<>();
		texts.forEach(text -> vocabulary.addAll(Texts.words(text)));
		this.spelling = new HashMap<>();
		Texts.pairs(SPELLING).forEach(pair -> spelling.put(pair[0], pair[1]));
		vocabulary.addAll(spelling.values());
		this.vectors = EMBEDDED.computeIfAbsent(examplesResource + "\n" + String.join("\n", texts),
				key -> embeddings.embedAll(texts.stream().map(this::normalise).toList()));
	}

	/** What the text is for, with the runners-up. */
	public Classification classify(String text) {
		String normalised = normalise(text == null ? "" : text);
		if (normalised.isBlank()) {
			return new Classification(Intent.UNKNOWN, 0, List.of());
		}
		Optional<Intent> ruled = rule(text, normalised);
		if (ruled.isPresent()) {
			// a rule's reading needs no embedding, the slow part
			return new Classification(ruled.get(), RULE_CONFIDENCE, List.of(new Scored(ruled.get(), RULE_CONFIDENCE)));
		}
		List<Scored> ranking = rank(normalised);
		Scored best = ranking.get(0);
		Intent intent = best.confidence() >= threshold ? best.intent() : Intent.UNKNOWN;
		return new Classification(intent, best.confidence(), top(ranking));
	}

	/** The confidence under which a message is {@link Intent#UNKNOWN}. */
	public double threshold() {
		return threshold;
	}

	/**
	 * A rule's reading, when one applies. Short answers are looked up as written (the
	 * lexicon knows the shorthand), the rest in the normalised text.
	 */
	static Optional<Intent> rule(String text, String normalised) {
		List<String> words = Texts.words(text);
		if (words.isEmpty()) {
			return Optional.empty();
		}
		String squeezed = String.join(" ", words.stream().map(Texts::squeeze).toList());
		Intent exact = SHORT_ANSWERS.get(squeezed);
		if (exact != null) {
			return Optional.of(exact);
		}
		if (START_OVER.matcher(normalised).find()) {
			return Optional.of(Intent.START_OVER);
		}
		if (PERSON.matcher(normalised).find()
				&& (ASK.matcher(normalised).find() || words.size() <= 2 && !normalised.contains("someone"))) {
			return Optional.of(Intent.HUMAN);
		}
		if (RESCHEDULE.matcher(normalised).find()
				|| NOT_CANCEL.matcher(normalised).find() && MOVE.matcher(normalised).find()) {
			return Optional.of(Intent.RESCHEDULE);
		}
		if (NOT_CANCEL.matcher(normalised).find()) {
			// "don't cancel it, I'll keep it" refuses; "... but I'd like to book" books
			return Optional.of(BOOK_INSTEAD.matcher(normalised).find() ? Intent.BOOK : Intent.DENY);
		}
		if (CANCEL.matcher(normalised).find() && !CANCELLATION_QUESTION.matcher(normalised).find()) {
			return Optional.of(Intent.CANCEL);
		}
		if (PRICE_QUESTION.matcher(normalised).find() && !BOOKING_VERB.matcher(normalised).find()) {
			return Optional.of(Intent.QUESTION);
		}
		if (words.size() <= 4) {
			return shortAnswer(words);
		}
		return Optional.empty();
	}

	/**
	 * A short message made only of answer words and fillers ("ok bye", "great thx"):
	 * closing words win over acknowledgements.
	 */
	private static Optional<Intent> shortAnswer(List<String> words) {
		Set<Intent> found = new HashSet<>();
		for (String word : words) {
			Intent intent = SHORT_ANSWERS.get(Texts.squeeze(word));
			if (intent != null) {
				found.add(intent);
			}
			else if (!FILLERS.contains(word)) {
				return Optional.empty();
			}
		}
		for (Intent intent : List.of(Intent.GOODBYE, Intent.THANKS, Intent.DENY, Intent.CONFIRM, Intent.GREETING)) {
			if (found.contains(intent)) {
				return Optional.of(intent);
			}
		}
		return Optional.empty();
	}

	private List<Scored> rank(String normalised) {
		float[] vector = embeddings.embed(normalised);
		Map<Intent, double[]> closest = new EnumMap<>(Intent.class);
		for (int i = 0; i < vectors.size(); i++) {
			double cosine = SentenceEmbeddings.dot(vector, vectors.get(i));
			double[] top = closest.computeIfAbsent(labels.get(i), intent -> new double[NEIGHBOURS]);
			insert(top, cosine);
		}
		Map<Intent, Double> scores = new EnumMap<>(Intent.class);
		closest.forEach((intent, top) -> {
			double sum = 0;
			for (double value : top) {
				sum += value;
			}
			scores.put(intent, sum / top.length);
		});
		double bestScore = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		double bestCosine = closest.values().stream().mapToDouble(top -> top[0]).max().orElse(0);
		double total = scores.values().stream().mapToDouble(score -> Math.exp((score - bestScore) / TEMPERATURE)).sum();
		double damping = Math.min(1, Math.max(0, bestCosine) / CLOSE_ENOUGH);
		List<Scored> ranking = new ArrayList<>();
		scores.forEach((intent, score) -> ranking
			.add(new Scored(intent, damping * Math.exp((score - bestScore) / TEMPERATURE) / total)));
		ranking.sort(Comparator.comparingDouble(Scored::confidence).reversed());
		return ranking;
	}

	/** Keeps the largest values, in descending order. */
	private static void insert(double[] top, double value) {
		for (int i = 0; i < top.length; i++) {
			if (value > top[i]) {
				System.arraycopy(top, i, top, i + 1, top.length - i - 1);
				top[i] = value;
				return;
			}
		}
	}

	/** Lower case, chat shorthand expanded, typos of known words corrected. */
	String normalise(String text) {
		StringBuilder out = new StringBuilder();
		for (String word : Texts.words(text)) {
			String meant = spelling.get(word);
			if (meant == null) {
				meant = vocabulary.contains(word) ? word : correct(word);
			}
			out.append(out.isEmpty() ? "" : " ").append(meant);
		}
		return out.toString();
	}

	private String correct(String word) {
		int allowed = Texts.typosAllowed(word.length() + 1);
		if (allowed == 0 || word.chars().anyMatch(Character::isDigit)) {
			return word;
		}
		String best = word;
		int bestDistance = allowed + 1;
		boolean tie = false;
		for (String known : vocabulary) {
			int distance = Texts.distance(word, known, allowed);
			if (distance < bestDistance) {
				best = known;
				bestDistance = distance;
				tie = false;
			}
			else if (distance == bestDistance) {
				tie = true;
			}
		}
		return bestDistance <= allowed && !tie ? best : word;
	}

	private static List<Scored> top(List<Scored> ranking) {
		return List.copyOf(ranking.subList(0, Math.min(3, ranking.size())));
	}

	private static Map<String, Intent> shortAnswers() {
		Map<String, Intent> answers = new HashMap<>();
		put(answers, Intent.CONFIRM, "yes", "yes please", "yeah", "yep", "yup", "ya", "yea", "sure", "sure thing", "ok",
				"okay", "k", "kk", "alright", "all right", "perfect", "correct", "that's correct", "that's right",
				"confirmed", "confirm", "absolutely", "definitely", "sounds good", "sounds great", "book it",
				"go ahead", "do it", "fine", "great", "yes that works", "that works", "works for me");
		put(answers, Intent.DENY, "no", "nope", "nah", "no thanks", "no thank you", "not really", "no way", "neither",
				"none", "not that one", "wrong", "no sorry", "hmm no", "nope not that");
		put(answers, Intent.THANKS, "thanks", "thank you", "thank u", "thx", "thnx", "ty", "tysm", "cheers", "ta",
				"many thanks", "thanks a lot", "much appreciated", "appreciate it", "thank you so much",
				"thanks so much", "thank you very much");
		put(answers, Intent.GOODBYE, "bye", "goodbye", "bye bye", "cya", "see ya", "see you", "see u", "ttyl", "gtg",
				"later", "good night", "night", "take care", "see you later", "talk to you later", "got to go");
		put(answers, Intent.GREETING, "hi", "hello", "hey", "hiya", "heya", "howdy", "yo", "gm", "good morning",
				"good mornin", "good afternoon", "good evening", "evening", "morning", "hi there", "hello there",
				"hey there", "hi hi", "sup", "wassup", "what's up");
		return Map.copyOf(answers);
	}

	private static void put(Map<String, Intent> answers, Intent intent, String... phrases) {
		for (String phrase : phrases) {
			answers.put(String.join(" ", Texts.words(phrase).stream().map(Texts::squeeze).toList()), intent);
		}
	}

	/** An intent and how sure the classifier is of it, in [0, 1]. */
	public record Scored(Intent intent, double confidence) {
	}

	/**
	 * The verdict ({@link Intent#UNKNOWN} under the threshold), its confidence and the
	 * best three candidates.
	 */
	public record Classification(Intent intent, double confidence, List<Scored> ranking) {
	}

}
