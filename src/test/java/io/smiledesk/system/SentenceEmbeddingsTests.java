package io.smiledesk.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SentenceEmbeddingsTests {

	final SentenceEmbeddings embeddings = new SentenceEmbeddings();

	@Test
	void relatedSentencesAreCloserThanUnrelatedOnes() {
		long start = System.nanoTime();
		float[] booking = embeddings.embed("I would like to book a cleaning");
		System.out.printf("sentence embeddings: first embed (model load) %d ms%n",
				(System.nanoTime() - start) / 1_000_000);
		float[] appointment = embeddings.embed("can I book a teeth cleaning please");
		float[] weather = embeddings.embed("what's the weather like in Paris");

		assertThat(SentenceEmbeddings.cosine(booking, appointment)).isGreaterThan(0.5);
		assertThat(SentenceEmbeddings.cosine(booking, weather)).isLessThan(0.2);
	}

	@Test
	void vectorsAreNormalised() {
		float[] vector = embeddings.embed("hello");
		assertThat(SentenceEmbeddings.cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		assertThat(norm).isCloseTo(1.0, within(1e-4));
	}

	@Test
	void embedsManyInOrder() {
		List<float[]> vectors = embeddings.embedAll(List.of("cancel my appointment", "what time do you open"));
		assertThat(vectors).hasSize(2);
		assertThat(SentenceEmbeddings.cosine(vectors.get(0), embeddings.embed("cancel my appointment"))).isCloseTo(1.0,
				within(1e-4));
		assertThat(embeddings.embedAll(List.of())).isEmpty();
	}

	@Test
	void cosineOfAZeroVectorIsZero() {
		assertThat(SentenceEmbeddings.cosine(new float[] { 0, 0 }, new float[] { 1, 0 })).isZero();
		assertThat(SentenceEmbeddings.cosine(new float[] { 1, 0 }, new float[] { 0, 1 })).isZero();
	}

}
