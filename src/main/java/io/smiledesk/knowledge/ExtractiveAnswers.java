package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Answers without a language model: the sentences that answer the question, from the best
 * of the first three chunks, followed by the source. A sentence is scored by its vector's
 * closeness to the question, the question's words it shares, whether it holds the kind of
 * fact asked for (a price, a time, a phone number...) and whether it names the day asked
 * about; the best sentence picks the chunk, and one to three of that chunk's sentences
 * (in their original order, short enough for a chat) are the answer. A short chunk is the
 * answer as a whole.
 */
final class ExtractiveAnswers {

	static final int MAX_LENGTH = 360;

	/** How many of the first chunks compete for the answer. */
	static final int CANDIDATES = 3;

	private ExtractiveAnswers() {
	}

	/**
	 * @param quoted the sentences the text quotes
	 */
	record Extract(String text, String source, KnowledgeIndex.Hit hit, List<Scored> quoted) {

		String withSource() {
			return text + " (Source: " + source + ")";
		}

	}

	/** The chunk an answer quotes, with its sentences scored. */
	record Choice(KnowledgeIndex.Hit hit, List<Scored> sentences) {
	}

	/**
	 * @param score how well the sentence answers the question
	 * @param similarity the cosine of its vector with the question's
	 */
	record Scored(int index, String text, double score, double similarity) {
	}

	static Choice choose(List<KnowledgeIndex.Hit> hits, QuestionReading reading, AskedFacts asked,
			Vocabulary vocabulary) {
		Choice best = null;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int rank = 0; rank < Math.min(CANDIDATES, hits.size()); rank++) {
			KnowledgeIndex.Hit hit = hits.get(rank);
			List<Scored> scored = score(hit, reading, asked, vocabulary);
			double top = scored.stream().mapToDouble(Scored::score).max().orElse(Double.NEGATIVE_INFINITY)
					- 0.05 * rank;
			if (best == null || top > bestScore) {
				best = new Choice(hit, scored);
				bestScore = top;
			}
		}
		return best;
	}

	private static List<Scored> score(KnowledgeIndex.Hit hit, QuestionReading reading, AskedFacts asked,
			Vocabulary vocabulary) {
		List<String> sentences = Sentences.split(hit.chunk().text());
		float[][] vectors = hit.sentenceVectors();
		Set<String> topic = reading.topic();
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			String sentence = sentences.get(i);
			double cosine = vectors != null && i < vectors.length ? KnowledgeIndex.dot(hit.questionVector(), vectors[i])
					: hit.similarity();
			double score = cosine + 0.3 * vocabulary.weightedCoverage(topic, Terms.of(sentence));
			if (!asked.kinds().isEmpty()) {
				score += 0.2 * asked.heldBy(sentence) / asked.kinds().size();
			}
			if (!asked.days().isEmpty() && asked.namesAskedDay(sentence)) {
				score += 0.2;
			}
			scored.add(new Scored(i, sentence, score, cosine));
		}
		return scored;
	}

	static Extract answer(Choice choice) {
		KnowledgeIndex.Hit top = choice.hit();
		List<Scored> scored = choice.sentences();
		if (scored.isEmpty()) {
			return new Extract(Sentences.plain(top.chunk().text()).strip(), top.chunk().title(), top, List.of());
		}
		String whole = String.join(" ", scored.stream().map(Scored::text).toList());
		if (scored.size() <= 3 && whole.length() <= MAX_LENGTH) {
			// a short section is the answer as a whole
			return new Extract(whole, top.chunk().title(), top, scored);
		}
		List<Scored> ranked = new ArrayList<>(scored);
		ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::index));
		Scored best = ranked.get(0);
		List<Scored> chosen = new ArrayList<>(List.of(best));
		int length = best.text().length();
		for (Scored next : ranked.subList(1, ranked.size())) {
			if (chosen.size() == 3 || next.score() < best.score() - 0.12) {
				break;
			}
			if (length + next.text().length() + 1 <= MAX_LENGTH) {
				chosen.add(next);
				length += next.text().length() + 1;
			}
		}
		// a lone short sentence that leads into the next one ("Parking:") takes it along
		if (chosen.size() == 1 && best.index() + 1 < scored.size()
				&& (best.text().endsWith(":") || best.text().length() < 40)) {
			Scored following = scored.get(best.index() + 1);
			if (length + following.text().length() + 1 <= MAX_LENGTH) {
				chosen.add(following);
			}
		}
		chosen.sort(Comparator.comparingInt(Scored::index));
		StringBuilder text = new StringBuilder();
		for (Scored sentence : chosen) {
			if (text.length() > 0) {
				text.append(' ');
			}
			text.append(sentence.text());
		}
		String answer = text.toString();
		if (answer.length() > MAX_LENGTH) {
			answer = answer.substring(0, answer.lastIndexOf(' ', MAX_LENGTH - 1)) + "...";
		}
		return new Extract(answer, top.chunk().title(), top, List.copyOf(chosen));
	}

}
