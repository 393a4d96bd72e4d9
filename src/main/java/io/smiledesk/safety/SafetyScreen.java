package io.smiledesk.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Screens a patient message before the assistant answers it.
 * <p>
 * Emergencies outrank risks. Some emergencies are a single phrase (trouble breathing,
 * bleeding that will not stop, a knocked-out tooth, a broken jaw); others are a
 * combination: swelling with fever, swelling that spreads to the eye, neck or throat,
 * severe facial swelling, an injury with tooth damage, still bleeding not described as
 * light. Half a combination is a risk (facial swelling, fever, an injury to the face or
 * mouth, light bleeding that goes on). Risks are ranked by how much they change dental
 * care: blood thinners, allergy, heart, immune system, pregnancy, diabetes, recent
 * surgery, a request for clinical advice, medication. A question asking for advice is a
 * request for clinical advice only when the message also says the patient has a symptom
 * or condition; some requests are advice on their own (medicines, doses, a diagnosis).
 * The assessment names the most serious concern and mentions the others in its reason.
 */
@Component
public class SafetyScreen {

	private static final int SEVERE_NEAR_SWELLING = 4;

	/**
	 * How close (in words and marks) an advice question must be to the symptom it asks
	 * about: the next sentence, not the other end of a long letter.
	 */
	private static final int ADVICE_NEAR_SYMPTOM = 25;

	private static final List<Signal> RISKS = List.of(Signal.BLOOD_THINNERS, Signal.ALLERGY, Signal.HEART_CONDITION,
			Signal.IMMUNOSUPPRESSION, Signal.PREGNANCY, Signal.DIABETES, Signal.RECENT_SURGERY, Signal.CLINICAL_ADVICE,
			Signal.MEDICATION);

	private static final Map<Signal, String> DESCRIPTIONS = Map.of(Signal.BLOOD_THINNERS,
			"Mentions blood thinners or a bleeding disorder", Signal.ALLERGY, "Mentions an allergy",
			Signal.HEART_CONDITION, "Mentions a heart or blood pressure condition", Signal.IMMUNOSUPPRESSION,
			"Mentions a weakened immune system or its treatment", Signal.PREGNANCY, "Mentions pregnancy",
			Signal.DIABETES, "Mentions diabetes", Signal.RECENT_SURGERY, "Mentions recent surgery",
			Signal.CLINICAL_ADVICE, "Asks for clinical advice", Signal.MEDICATION, "Mentions medication");

	private final Lexicon lexicon;

	public SafetyScreen() {
		this(Lexicon.load("safety"));
	}

	SafetyScreen(Lexicon lexicon) {
		this.lexicon = lexicon;
	}

	public SafetyAssessment assess(String message) {
		if (message == null || message.isBlank()) {
			return SafetyAssessment.none();
		}
		Mentions mentions = new Mentions(message, Token.of(message));
		find(mentions);
		mentions.adviceAboutOwnCondition(ADVICE_NEAR_SYMPTOM);
		List<Finding> findings = new ArrayList<>();
		emergencies(mentions, findings);
		for (Signal risk : RISKS) {
			if (mentions.has(risk)) {
				findings.add(new Finding(Level.RISK, risk.topic(), DESCRIPTIONS.get(risk), mentions.evidence(risk)));
			}
		}
		if (findings.isEmpty()) {
			return SafetyAssessment.none();
		}
		findings.sort(Comparator.comparing(Finding::level).reversed());
		return assessment(findings);
	}

	private void find(Mentions mentions) {
		List<Token> tokens = mentions.tokens();
		Map<Signal, boolean[]> ignored = new EnumMap<>(Signal.class);
		for (Signal signal : Signal.values()) {
			ignored.put(signal, new boolean[tokens.size()]);
		}
		boolean[] none = new boolean[tokens.size()];
		Words.Reader words = lexicon.words().reader(tokens);
		for (Lexicon.Ignore ignore : lexicon.ignores()) {
			for (Phrase.Match match : ignore.phrase().find(tokens, none, words)) {
				for (Signal signal : Signal.values()) {
					if (ignore.appliesTo(signal)) {
						for (int i = match.start(); i <= match.end(); i++) {
							ignored.get(signal)[i] = true;
						}
					}
				}
			}
		}
		for (Lexicon.Entry entry : lexicon.entries()) {
			for (Phrase.Match match : entry.phrase().find(tokens, ignored.get(entry.signal()), words)) {
				if (!lexicon.negation().negates(tokens, match)) {
					mentions.add(entry.signal(), match);
				}
			}
		}
	}

	private static void emergencies(Mentions m, List<Finding> findings) {
		if (m.has(Signal.BREATHING_OR_SWALLOWING)) {
			findings.add(emergency(Topic.BREATHING_OR_SWALLOWING, "Trouble breathing or swallowing",
					m.evidence(Signal.BREATHING_OR_SWALLOWING)));
		}
		if (m.has(Signal.UNCONTROLLED_BLEEDING)) {
			findings.add(emergency(Topic.UNCONTROLLED_BLEEDING, "Bleeding that will not stop",
					m.evidence(Signal.UNCONTROLLED_BLEEDING)));
		}
		else if (m.has(Signal.LINGERING_BLEEDING)) {
			findings.add(m.has(Signal.MILD)
					? risk(Topic.UNCONTROLLED_BLEEDING, "Light bleeding that goes on",
							m.evidence(Signal.LINGERING_BLEEDING, Signal.MILD))
					: emergency(Topic.UNCONTROLLED_BLEEDING, "Still bleeding", m.evidence(Signal.LINGERING_BLEEDING)));
		}
		if (m.has(Signal.SWELLING)) {
			swelling(m, findings);
		}
		else if (m.has(Signal.FEVER) && !(m.has(Signal.ILLNESS) && !m.has(Signal.OWN))) {
			// a fever with a dental problem may be a spreading infection: staff ask about
			// swelling; one that a cold or flu explains, with no dental complaint, is not
			findings.add(risk(Topic.SWELLING_WITH_FEVER, "Fever, no swelling mentioned", m.evidence(Signal.FEVER)));
		}
		if (m.has(Signal.DENTAL_TRAUMA)) {
			findings.add(emergency(Topic.DENTAL_TRAUMA, "Dental trauma", m.evidence(Signal.DENTAL_TRAUMA)));
		}
		else if (m.has(Signal.INJURY) && m.has(Signal.TOOTH_DAMAGE)) {
			findings.add(emergency(Topic.DENTAL_TRAUMA, "Injury with tooth damage",
					m.evidence(Signal.INJURY, Signal.TOOTH_DAMAGE)));
		}
		else if (m.has(Signal.INJURY) && m.has(Signal.MOUTH)) {
			findings.add(risk(Topic.DENTAL_TRAUMA, "Injury to the face or mouth, no tooth damage mentioned",
					m.evidence(Signal.INJURY, Signal.MOUTH)));
		}
	}

	private static void swelling(Mentions m, List<Finding> findings) {
		Topic topic = Topic.SWELLING_WITH_FEVER;
		boolean severe = m.near(Signal.SEVERE, Signal.SWELLING, SEVERE_NEAR_SWELLING);
		if (m.has(Signal.FEVER)) {
			findings.add(emergency(topic, "Swelling with fever", m.evidence(Signal.SWELLING, Signal.FEVER)));
		}
		else if (m.has(Signal.SPREAD)) {
			findings.add(emergency(topic, "Swelling that is spreading", m.evidence(Signal.SWELLING, Signal.SPREAD)));
		}
		else if (severe && m.has(Signal.FACE)) {
			findings.add(emergency(topic, "Severe facial swelling",
					m.evidence(Signal.SEVERE, Signal.SWELLING, Signal.FACE)));
		}
		else if (severe || m.has(Signal.FACE)) {
			findings.add(risk(topic, "Swelling without fever or spread",
					m.evidence(Signal.SWELLING, Signal.FACE, Signal.SEVERE)));
		}
	}

	private static Finding emergency(Topic topic, String description, List<String> evidence) {
		return new Finding(Level.EMERGENCY, topic, description, evidence);
	}

	private static Finding risk(Topic topic, String description, List<String> evidence) {
		return new Finding(Level.RISK, topic, description, evidence);
	}

	private static SafetyAssessment assessment(List<Finding> findings) {
		Finding first = findings.get(0);
		StringBuilder reason = new StringBuilder(first.describe());
		Set<String> evidence = new LinkedHashSet<>(first.evidence());
		for (int i = 1; i < findings.size(); i++) {
			String other = findings.get(i).describe();
			reason.append(i == 1 ? "; also: " : "; ")
				.append(Character.toLowerCase(other.charAt(0)))
				.append(other.substring(1));
			evidence.addAll(findings.get(i).evidence());
		}
		return new SafetyAssessment(first.level(), first.topic(), reason.toString(), List.copyOf(evidence));
	}

	private record Finding(Level level, Topic topic, String description, List<String> evidence) {

		String describe() {
			return description + " (" + String.join(", ", evidence) + ")";
		}

	}

	/** What the lexicon found in one message. */
	private record Mentions(String message, List<Token> tokens, Map<Signal, List<Phrase.Match>> found) {

		Mentions(String message, List<Token> tokens) {
			this(message, tokens, new EnumMap<>(Signal.class));
		}

		void add(Signal signal, Phrase.Match match) {
			found.computeIfAbsent(signal, (key) -> new ArrayList<>()).add(match);
		}

		/**
		 * An advice question near a symptom of the patient's own is a request for
		 * clinical advice.
		 */
		void adviceAboutOwnCondition(int distance) {
			Set<Phrase.Match> advice = new LinkedHashSet<>();
			for (Phrase.Match question : found.getOrDefault(Signal.ADVICE, List.of())) {
				for (Phrase.Match symptom : found.getOrDefault(Signal.OWN, List.of())) {
					if (near(question, symptom, distance)) {
						advice.add(question);
						advice.add(symptom);
					}
				}
			}
			advice.forEach((match) -> add(Signal.CLINICAL_ADVICE, match));
		}

		boolean has(Signal signal) {
			return found.containsKey(signal);
		}

		boolean near(Signal a, Signal b, int distance) {
			for (Phrase.Match x : found.getOrDefault(a, List.of())) {
				for (Phrase.Match y : found.getOrDefault(b, List.of())) {
					if (near(x, y, distance)) {
						return true;
					}
				}
			}
			return false;
		}

		private static boolean near(Phrase.Match x, Phrase.Match y, int distance) {
			return x.start() - y.end() <= distance && y.start() - x.end() <= distance;
		}

		/**
		 * The patient's own words, in message order per signal, overlapping mentions
		 * joined, without repeats.
		 */
		List<String> evidence(Signal... signals) {
			Set<String> quotes = new LinkedHashSet<>();
			for (Signal signal : signals) {
				List<Phrase.Match> matches = new ArrayList<>(found.getOrDefault(signal, List.of()));
				matches.sort(Comparator.comparingInt(Phrase.Match::start));
				int from = -1;
				int to = -1;
				for (Phrase.Match match : matches) {
					if (from >= 0 && match.start() > to) {
						quotes.add(quote(from, to));
						from = -1;
					}
					from = (from < 0) ? match.start() : from;
					to = Math.max(to, match.end());
				}
				if (from >= 0) {
					quotes.add(quote(from, to));
				}
			}
			return List.copyOf(quotes);
		}

		private String quote(int from, int to) {
			return message.substring(tokens.get(from).start(), tokens.get(to).end());
		}

	}

}
