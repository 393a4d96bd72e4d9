package io.smiledesk.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sentence vectors from a small in-process model (all-MiniLM-L6-v2, quantised; offline,
 * about 1.5 ms per short sentence). Vectors are normalised, so the cosine is a dot
 * product. Thresholds on the cosine are specific to this model.
 * <p>
 * The model loads once per process, on first use, and is shared by every application
 * context in the JVM (tests start many).
 */
@Component
public class SentenceEmbeddings {

	private static final Logger log = LoggerFactory.getLogger(SentenceEmbeddings.class);

	/** Chat repeats itself ("yes", "2", "thanks"): recent texts skip the model. */
	private static final int CACHED_TEXTS = 4096;

	private final Map<String, float[]> recent = Collections
		.synchronizedMap(new LinkedHashMap<>(CACHED_TEXTS, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
				return size() > CACHED_TEXTS;
			}
		});

	/**
	 * Normalised vector of one text (an empty text gets the model's empty vector). The
	 * array may be shared: callers must not change it.
	 */
	public float[] embed(String text) {
		String key = text == null ? "" : text;
		float[] cached = recent.get(key);
		if (cached != null) {
			return cached;
		}
		float[] vector = normalise(Model.INSTANCE.embed(key).content().vector());
		if (key.length() <= 500) {
			recent.put(key, vector);
		}
		return vector;
	}

	/** Forgets the recent texts, so that measurements see the model's own cost. */
	public void clearCache() {
		recent.clear();
	}

	/** Cosine similarity of two vectors from this class, which are already normalised. */
	public static double dot(float[] a, float[] b) {
		float dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	/** Normalised vectors, in the order of the texts. */
	public List<float[]> embedAll(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		List<TextSegment> segments = texts.stream().map(text -> TextSegment.from(text == null ? "" : text)).toList();
		List<Embedding> embeddings = Model.INSTANCE.embedAll(segments).content();
		List<float[]> vectors = new ArrayList<>(embeddings.size());
		for (Embedding embedding : embeddings) {
			vectors.add(normalise(embedding.vector()));
		}
		return vectors;
	}

	/** Cosine similarity in [-1, 1]; 0 when either vector is all zeros. */
	public static double cosine(float[] a, float[] b) {
		if (a.length != b.length) {
			throw new IllegalArgumentException("Vectors of different sizes: " + a.length + " and " + b.length);
		}
		double dot = 0;
		double normA = 0;
		double normB = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			normA += a[i] * a[i];
			normB += b[i] * b[i];
		}
		if (normA == 0 || normB == 0) {
			return 0;
		}
		return dot / Math.sqrt(normA * normB);
	}

	private static float[] normalise(float[] vector) {
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		if (norm == 0) {
			return vector;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = vector[i] * scale;
		}
		return unit;
	}

	/** Lazy holder: the class loads (and the model with it) on first use only. */
	private static final class Model {

		static final EmbeddingModel INSTANCE = load();

		private static EmbeddingModel load() {
			long start = System.nanoTime();
			EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
			log.info("Sentence embedding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
			return model;
		}

	}

}
