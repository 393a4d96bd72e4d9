package io.smiledesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
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

		private static final String RESOURCE = "/all-minilm-l6-v2-q";

		static final EmbeddingModel INSTANCE = load();

		/**
		 * The library's default session spreads one sentence over every core and keeps
		 * its threads spinning between calls, which takes the CPU that other requests
		 * need on a small server. One thread per sentence, no spinning: concurrent
		 * requests run side by side, and batches are spread over the cores by the
		 * executor instead.
		 */
		private static EmbeddingModel load() {
			long start = System.nanoTime();
			try (InputStream onnx = resource(".onnx");
					InputStream tokenizer = resource("-tokenizer.json");
					OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
				options.setIntraOpNumThreads(1);
				options.setInterOpNumThreads(1);
				options.addConfigEntry("session.intra_op.allow_spinning", "0");
				options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
						environment.createSession(onnx.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
				EmbeddingModel model = new Encoder(encoder, batches());
				log.info("Sentence embedding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
				return model;
			}
			catch (IOException | OrtException ex) {
				throw new IllegalStateException("The sentence embedding model could not be loaded", ex);
			}
		}

		private static InputStream resource(String suffix) {
			InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(RESOURCE + suffix);
			if (in == null) {
				throw new IllegalStateException("Missing model resource " + RESOURCE + suffix);
			}
			return in;
		}

		private static Executor batches() {
			AtomicInteger number = new AtomicInteger();
			return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
				Thread thread = new Thread(task, "sentence-embeddings-" + number.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}

	}

	private static final class Encoder extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		Encoder(OnnxBertBiEncoder encoder, Executor executor) {
			super(executor);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

		@Override
		protected Integer knownDimension() {
			return 384;
		}

	}

}
