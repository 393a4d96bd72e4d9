package io.smiledesk.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;

/**
 * One question through the knowledge base, without Spring: the search, the decision
 * whether what was found answers it ({@link Answerability}), and the offline answer
 * ({@link ExtractiveAnswers}). {@link KnowledgeAnswers} asks it for every question; the
 * evaluation asks it directly.
 */
final class Answering {

	static final int RETRIEVED = 10;

	/** Words of service names too general to say a text is about that service. */
	private static final Set<String> GENERIC = Set.of("annual", "teeth", "tooth", "exam", "session", "appointment",
			"visit");

	private final KnowledgeIndex index;

	private final Answerability answerability;

	Answering(KnowledgeIndex index, Answerability answerability) {
		this.index = index;
		this.answerability = answerability;
	}

	/**
	 * What the knowledge base makes of a question.
	 *
	 * @param hits what the search found, best first (the chunk about a named service
	 * first)
	 * @param probability how likely the knowledge base answers the question
	 * @param answer the offline answer, or null when the knowledge base does not answer
	 * @param reason why there is no answer, or null when there is one
	 * @param serviceId the active service the answer is about, or null
	 * @param candidate the offline answer that was weighed, given or not (null when
	 * nothing was found)
	 */
	record Outcome(List<KnowledgeIndex.Hit> hits, double[] features, double probability,
			ExtractiveAnswers.Extract answer, ClinicQuestions.Unanswered reason, String serviceId,
			ExtractiveAnswers.Extract candidate) {

		boolean answered() {
			return answer != null;
		}

	}

	Outcome answer(String question, ClinicSnapshot clinic, LocalDate today) {
		KnowledgeIndex.Found found = index.find(question, RETRIEVED);
		if (found.hits().isEmpty()) {
			return new Outcome(List.of(), null, 0, null, ClinicQuestions.Unanswered.NOTHING_RELEVANT, null, null);
		}
		List<KnowledgeIndex.Hit> hits = namedServiceFirst(found.reading(), found.hits(), clinic);
		found = new KnowledgeIndex.Found(found.reading(), hits);
		AskedFacts asked = AskedFacts.of(found.reading(), today);
		List<PatientWords.Term> unlisted = found.reading().unlisted(index);
		ExtractiveAnswers.Choice choice = ExtractiveAnswers.choose(hits, found.reading(), asked, index.vocabulary());
		ExtractiveAnswers.Extract extract = ExtractiveAnswers.answer(choice);
		double[] features = AnswerFeatures.of(found, extract, asked, index.vocabulary(), unlisted,
				aboutAnotherService(found.reading(), extract.hit().chunk(), clinic));
		double probability = answerability.probability(features);
		// a passage about another service than the one the question names is no answer
		// about that service, however close it reads ("numb after a cleaning" answered
		// from the filling's aftercare): too rare among the labelled questions for the
		// model to learn, so a rule
		// likewise a passage about the topic that states nothing of the detail asked
		// ("the youngest age for whitening", "the interest rate after the free period")
		if (probability < answerability.threshold()
				|| quotesAnotherService(found.reading(), extract.hit().chunk(), clinic)
				|| AskedAttributes.unstated(found.reading().text(), extract.hit().chunk())) {
			return new Outcome(hits, features, probability, null, reason(features, unlisted), null, extract);
		}
		return new Outcome(hits, features, probability, extract, null, serviceOf(extract.hit().chunk(), clinic),
				extract);
	}

	private static ClinicQuestions.Unanswered reason(double[] features, List<PatientWords.Term> unlisted) {
		if (features[AnswerFeatures.NAMES.indexOf("own_records")] > 0
				|| features[AnswerFeatures.NAMES.indexOf("own_condition")] > 0) {
			return ClinicQuestions.Unanswered.ABOUT_THE_PATIENT;
		}
		if (!unlisted.isEmpty()) {
			return ClinicQuestions.Unanswered.NOT_LISTED;
		}
		if (features[AnswerFeatures.NAMES.indexOf("similarity")] < 0.35) {
			return ClinicQuestions.Unanswered.NOTHING_RELEVANT;
		}
		return ClinicQuestions.Unanswered.NOT_PUBLISHED;
	}

	/**
	 * A chunk about one service (a settings price chunk, or a section whose heading names
	 * the service) answers only a question that names a service: "how much does that
	 * cost?" in the middle of a booking names none, so such chunks give way to the best
	 * of the retrieved chunks about no one service (the price list, say).
	 */
	private static List<KnowledgeIndex.Hit> namedServiceFirst(QuestionReading reading, List<KnowledgeIndex.Hit> hits,
			ClinicSnapshot clinic) {
		if (clinic == null) {
			return hits;
		}
		Set<String> asked = Terms.of(reading.text());
		boolean namesAService = clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.anyMatch(service -> !Collections.disjoint(asked, nameTerms(service)));
		if (namesAService || hits.isEmpty() || headingService(hits.get(0).chunk(), clinic) == null) {
			return hits;
		}
		for (int i = 1; i < hits.size(); i++) {
			if (headingService(hits.get(i).chunk(), clinic) == null) {
				List<KnowledgeIndex.Hit> reordered = new ArrayList<>(hits);
				reordered.add(0, reordered.remove(i));
				return reordered;
			}
		}
		return hits;
	}

	/**
	 * Whether the question names a service and the answer is about another one ("does the
	 * emergency exam include x-rays" answered from the new patient exam).
	 */
	private static boolean aboutAnotherService(QuestionReading reading, Chunk answer, ClinicSnapshot clinic) {
		if (clinic == null) {
			return false;
		}
		String about = serviceOf(answer, clinic);
		if (about == null) {
			return false;
		}
		Set<String> asked = Terms.of(reading.text());
		List<String> named = clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.filter(service -> !nameTerms(service).isEmpty() && asked.containsAll(nameTerms(service)))
			.map(ServiceInfo::id)
			.toList();
		return !named.isEmpty() && !named.contains(about);
	}

	/**
	 * Whether the question names services by their words ("after a cleaning", not "fill
	 * in the forms") and the answer quotes a section or a price about another one.
	 */
	static boolean quotesAnotherService(QuestionReading reading, Chunk answer, ClinicSnapshot clinic) {
		if (clinic == null) {
			return false;
		}
		String about = answer.documentId() == null ? answer.serviceId() : headingService(answer, clinic);
		if (about == null) {
			return false;
		}
		Set<String> words = new java.util.HashSet<>();
		for (String word : reading.text().split("[^\\p{L}]+")) {
			words.add(singular(word));
		}
		List<String> named = new ArrayList<>();
		for (ServiceInfo service : clinic.services()) {
			List<String> name = new ArrayList<>();
			for (String word : service.name().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
				if (!word.isEmpty() && !GENERIC.contains(word)) {
					name.add(singular(word));
				}
			}
			if (service.active() && !name.isEmpty() && words.containsAll(name)) {
				named.add(service.id());
			}
		}
		return !named.isEmpty() && !named.contains(about);
	}

	private static String singular(String word) {
		return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
	}

	private static Set<String> nameTerms(ServiceInfo service) {
		Set<String> name = Terms.of(service.name().toLowerCase(Locale.ROOT));
		name.removeAll(Terms.of(String.join(" ", GENERIC)));
		return name;
	}

	/** The service a settings chunk is about, or the one its headings name. */
	private static String headingService(Chunk chunk, ClinicSnapshot clinic) {
		if (chunk.documentId() == null) {
			return chunk.serviceId();
		}
		Set<String> heading = Terms.of(String.join(" ", chunk.headings()));
		for (ServiceInfo service : clinic.services()) {
			Set<String> name = nameTerms(service);
			if (service.active() && !name.isEmpty() && heading.containsAll(name)) {
				return service.id();
			}
		}
		return null;
	}

	/**
	 * The active service a chunk is about: named by the chunk (clinic settings, a
	 * {@code service:} tag) or in its headings.
	 */
	static String serviceOf(Chunk chunk, ClinicSnapshot clinic) {
		if (clinic == null) {
			return null;
		}
		if (chunk.serviceId() != null) {
			return clinic.serviceById(chunk.serviceId()).filter(ServiceInfo::active).map(ServiceInfo::id).orElse(null);
		}
		return headingService(chunk, clinic);
	}

}
