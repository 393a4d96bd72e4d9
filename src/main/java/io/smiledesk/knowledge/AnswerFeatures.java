package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the retrieval says about whether the knowledge base answers a question, as numbers
 * for {@link Answerability}: how close the best chunk is (cosine, shared words, the
 * rarest word it lacks), whether both rankings agree on it, how much of the question the
 * knowledge base knows at all, whether the question names something from the lexicon the
 * clinic never mentions, whether the best sentences hold the kind of fact asked for, and
 * whether it asks about the patient's own records or condition. Every feature is relative
 * to the clinic's own knowledge base, so the weights carry over to another clinic's.
 */
final class AnswerFeatures {

	/** The features' names, in the order of {@link #of}'s values. */
	static final List<String> NAMES = List.of("similarity", "coverage", "weighted_coverage", "answer_similarity",
			"answer_coverage", "answer_missing", "answer_missing_share", "other_service", "rare_missing",
			"unknown_share", "unknown_any", "unlisted", "listed", "asked", "asked_held", "focus_held", "agree",
			"text_found", "margin", "own_records", "own_condition", "names_business", "settings");

	private static final Pattern OWN_RECORDS = Pattern.compile("\\b(my|our) (last|previous|recent) (visit|appointment|"
			+ "cleaning|exam|checkup|check-up)\\b|\\bhow much (do|did) (i|we) (still )?owe\\b|\\b(i|we) still owe\\b|"
			+ "\\bmy (chart|records|record|bill|balance|account|claim|results|readings)\\b|\\b(did|has|have) my "
			+ "(insurance|claim|x-?rays?)\\b|\\bmy x-?rays? (show|say)\\b|\\bwrite in my\\b");

	private static final Pattern OWN_CONDITION = Pattern.compile("\\b(i am|i have|i had|i take|i am on|i was|im)"
			+ " (pregnant|diabetic|allergic|breastfeeding|nursing|taking |a heart|a pacemaker|high blood|type [12]|"
			+ "diabetes|thin enamel|a latex|on (\\w+ )?(medication|meds|medicine|pills?|blood thinners?|antibiotics|chemo\\w*|"
			+ "warfarin|insulin|steroids|dialysis|radiation|bisphosphonates))|\\b(safe for me|should i be worried|do you think|is that (something )?"
			+ "serious|what should i do|should i (stop|take|skip|get|pull|premedicate)|can i safely|safe to take|do i need (antibiotics|to "
			+ "premedicate|a root canal)|do i have gum|can i still have)\\b|\\bmy \\w+ (hurts|aches|is wobbly|is "
			+ "puffy|still hurts|clicks|bleed|bleeds)\\b|\\bsince my\\b");

	private AnswerFeatures() {
	}

	/**
	 * The features of a question, what the search found for it and the answer that would
	 * be given.
	 */
	static double[] of(KnowledgeIndex.Found found, ExtractiveAnswers.Extract answer, AskedFacts asked,
			Vocabulary vocabulary, List<PatientWords.Term> unlisted, boolean otherService) {
		QuestionReading reading = found.reading();
		List<KnowledgeIndex.Hit> hits = found.hits();
		KnowledgeIndex.Hit top = hits.get(0);
		Set<String> topic = reading.topic();
		Set<String> topStems = top.words().stems();
		double answerSimilarity = 0;
		double answerCoverage = 0;
		List<String> quoted = new ArrayList<>();
		for (ExtractiveAnswers.Scored sentence : answer.quoted()) {
			answerSimilarity = Math.max(answerSimilarity, sentence.similarity());
			answerCoverage = Math.max(answerCoverage, vocabulary.weightedCoverage(topic, Terms.of(sentence.text())));
			quoted.add(sentence.text());
		}
		if (quoted.isEmpty()) {
			quoted.add(answer.text());
			answerSimilarity = top.similarity();
		}
		double rareMissing = 0;
		double total = Math.log(1 + vocabulary.chunks());
		Set<String> quotedStems = Terms.of(String.join(" ", quoted));
		double answerMissing = 0;
		int known = 0;
		int missing = 0;
		for (String stem : topic) {
			if (vocabulary.hasStem(stem)) {
				known++;
				if (!quotedStems.contains(stem)) {
					missing++;
					answerMissing = Math.max(answerMissing, total > 0 ? vocabulary.idf(stem) / total : 0);
				}
			}
		}
		for (String stem : topic) {
			if (!topStems.contains(stem) && vocabulary.hasStem(stem) && total > 0) {
				rareMissing = Math.max(rareMissing, vocabulary.idf(stem) / total);
			}
		}
		double unknownShare = topic.isEmpty() ? 0 : reading.unknown().size() / (double) topic.size();
		double margin = 0;
		for (KnowledgeIndex.Hit other : hits.subList(1, hits.size())) {
			if (!other.chunk().title().equals(top.chunk().title())) {
				margin = top.similarity() - other.similarity();
				break;
			}
		}
		// the sentence of the answer's chunk most about the question's topic must hold
		// the asked fact
		Set<String> about = new java.util.HashSet<>(topic);
		about.removeAll(AskedFacts.ASKING);
		double focusHeld = 0;
		if (!asked.kinds().isEmpty()) {
			String focus = null;
			double bestCoverage = -1;
			for (String sentence : Sentences.split(answer.hit().chunk().text())) {
				double coverage = vocabulary.weightedCoverage(about, Terms.of(sentence));
				if (coverage > bestCoverage) {
					focus = sentence;
					bestCoverage = coverage;
				}
			}
			// a question only of asking words ("what's your phone number?") is about what
			// it asks
			focusHeld = about.isEmpty() ? asked.heldShare(quoted) : focus == null ? 0 : asked.heldShare(List.of(focus));
		}
		String text = reading.text();
		boolean business = reading.terms().stream().anyMatch(term -> term.kind().equals("business"));
		return new double[] { top.similarity(), Terms.coverage(topic, topStems),
				vocabulary.weightedCoverage(topic, topStems), answerSimilarity, answerCoverage, answerMissing,
				known == 0 ? 0 : missing / (double) known, otherService ? 1 : 0, rareMissing, unknownShare,
				reading.unknown().isEmpty() ? 0 : 1, unlisted.isEmpty() ? 0 : 1,
				reading.terms().size() > unlisted.size() ? 1 : 0, asked.kinds().isEmpty() ? 0 : 1,
				asked.kinds().isEmpty() ? 0 : asked.heldShare(quoted), focusHeld,
				top.textRank() == 1 && top.vectorRank() == 1 ? 1 : 0, top.textRank() > 0 ? 1 : 0, margin,
				OWN_RECORDS.matcher(text).find() ? 1 : 0, OWN_CONDITION.matcher(text).find() ? 1 : 0, business ? 1 : 0,
				answer.hit().chunk().documentId() == null ? 1 : 0 };
	}

	/** The sentences of a hit closest to the question by their vectors, best first. */
	static List<String> bestSentences(KnowledgeIndex.Hit hit, List<String> sentences, int count) {
		float[][] vectors = hit.sentenceVectors();
		if (vectors == null || vectors.length != sentences.size()) {
			return sentences.subList(0, Math.min(count, sentences.size()));
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			order.add(i);
		}
		order.sort((a, b) -> Double.compare(KnowledgeIndex.dot(hit.questionVector(), vectors[b]),
				KnowledgeIndex.dot(hit.questionVector(), vectors[a])));
		List<String> best = new ArrayList<>();
		for (int i = 0; i < Math.min(count, order.size()); i++) {
			best.add(sentences.get(order.get(i)));
		}
		return best;
	}

}
