package io.smiledesk.knowledge;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KnowledgeIndexTests {

	final KnowledgeIndex index = new KnowledgeIndex(KnowledgeFixtures.EMBEDDINGS);

	final KnowledgeProperties properties = new KnowledgeProperties(0.57, 0.25, 0.75, 0.8);

	@AfterEach
	void close() {
		index.close();
	}

	@Test
	void fusesTheTwoRankingsByReciprocalRank() {
		add("Parking", "Free parking is in the lot behind the building.");
		add("Payments", "We accept Visa, Mastercard and cash.");
		add("Languages", "Our team speaks English and Spanish.");

		List<KnowledgeIndex.Hit> hits = index.search("where can I park my car", 3);

		KnowledgeIndex.Hit top = hits.get(0);
		assertThat(top.chunk().title()).isEqualTo("Parking");
		assertThat(top.textRank()).isEqualTo(1);
		assertThat(top.vectorRank()).isEqualTo(1);
		assertThat(top.score()).isCloseTo(2.0 / (KnowledgeIndex.RRF_K + 1), within(1e-9));
		for (KnowledgeIndex.Hit hit : hits) {
			double expected = (hit.textRank() > 0 ? 1.0 / (KnowledgeIndex.RRF_K + hit.textRank()) : 0)
					+ (hit.vectorRank() > 0 ? 1.0 / (KnowledgeIndex.RRF_K + hit.vectorRank()) : 0);
			assertThat(hit.score()).isCloseTo(expected, within(1e-9));
		}
		assertThat(hits).extracting(KnowledgeIndex.Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@Test
	void aChunkOnlyOneRankingFindsStillComesBack() {
		add("Insurance", "We are in network with Delta Dental PPO and Cigna.");
		add("Hygiene", "Instruments are sterilised in an autoclave after every patient.");

		// no shared words with the hygiene chunk: only the vectors find it
		List<KnowledgeIndex.Hit> hits = index.search("how do you keep everything germ free", 2);

		assertThat(hits.get(0).chunk().title()).isEqualTo("Hygiene");
		assertThat(hits.get(0).textRank()).isZero();
		assertThat(hits.get(0).vectorRank()).isEqualTo(1);
	}

	@Test
	void belowTheThresholdAQuestionIsNotFound() {
		add("Parking", "Free parking is in the lot behind the building.");
		add("Payments", "We accept Visa, Mastercard and cash.");

		String related = "is there free parking";
		String unrelated = "what's the weather like on mars";

		assertThat(KnowledgeSearch.found(related, index.search(related, 3), properties)).isTrue();
		assertThat(KnowledgeSearch.found(unrelated, index.search(unrelated, 3), properties)).isFalse();
		assertThat(KnowledgeSearch.found("anything", List.of(), properties)).isFalse();
		// no words at all (the embedding model would refuse them)
		assertThat(index.search("\u3000\u200b ?!", 3)).isEmpty();
	}

	@Test
	void replacingAndRemovingAGroupChangesWhatIsFound() {
		UUID id = UUID.randomUUID();
		index.replace(id.toString(), MarkdownChunks.split(id, "Pets", "Guide dogs are welcome."));
		assertThat(index.search("guide dogs", 1).get(0).chunk().text()).contains("Guide dogs");

		index.replace(id.toString(), MarkdownChunks.split(id, "Pets", "Cats are welcome in carriers."));
		assertThat(index.search("cats", 5)).extracting(hit -> hit.chunk().text())
			.containsExactly("Cats are welcome in carriers.");

		index.remove(id.toString());
		assertThat(index.search("cats", 5)).isEmpty();
		assertThat(index.size()).isZero();
	}

	private void add(String title, String text) {
		UUID id = UUID.randomUUID();
		index.replace(id.toString(), MarkdownChunks.split(id, title, text));
	}

}
