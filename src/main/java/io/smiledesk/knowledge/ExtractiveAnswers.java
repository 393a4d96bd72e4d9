package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.smiledesk.system.SentenceEmbeddings;

/**
 * Answers without a language model: a short best chunk as a whole, or else the sentences
 * of the best chunk closest to the question (one to three, in their original order, short
 * enough to read in a chat), followed by the source.
 */
final class ExtractiveAnswers {

	static final int MAX_LENGTH = 360;

	private final SentenceEmbeddings embeddings;

	ExtractiveAnswers(SentenceEmbeddings embeddings) {
		this.embeddings = embeddings;
	}

	record Extract(String text, String source, KnowledgeIndex.Hit hit) {

		String withSource() {
			return text + " (Source: " + source + ")";
		}

	}

	Extract answer(String question, List<KnowledgeIndex.Hit> hits) {
		KnowledgeIndex.Hit top = hits.get(0);
		List<String> sentences = Sentences.split(top.chunk().text());
		if (sentences.isEmpty()) {
			return new Extract(Sentences.plain(top.chunk().text()).strip(), top.chunk().title(), top);
		}
		if (sentences.size() <= 3 && String.join(" ", sentences).length() <= MAX_LENGTH) {
			// a short section is the answer as a whole
			return new Extract(String.join(" ", sentences), top.chunk().title(), top);
		}
		Set<String> asked = Terms.of(question);
		List<float[]> vectors = embeddings.embedAll(sentences);
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			double score = KnowledgeIndex.dot(top.questionVector(), vectors.get(i))
					+ 0.15 * Terms.coverage(asked, Terms.of(sentences.get(i)));
			scored.add(new Scored(i, sentences.get(i), score));
		}
		List<Scored> ranked = new ArrayList<>(scored);
		ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
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
		if (chosen.size() == 1 && best.index() + 1 < sentences.size()
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
		return new Extract(answer, top.chunk().title(), top);
	}

	private record Scored(int index, String text, double score) {
	}

}
