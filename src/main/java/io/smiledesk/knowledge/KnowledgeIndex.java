package io.smiledesk.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smiledesk.system.SentenceEmbeddings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Chunks searched two ways and fused: BM25 over the words (Lucene, English stemming, in
 * memory) and cosine similarity of sentence vectors, combined by reciprocal rank fusion.
 * <p>
 * Chunks are added and replaced in groups (a document, or the clinic settings). Changes
 * are serialised; searches run in parallel with them and see the index before or after a
 * change.
 */
final class KnowledgeIndex implements AutoCloseable {

	/** The usual constant of reciprocal rank fusion (Cormack et al. 2009). */
	static final int RRF_K = 60;

	/** How deep each ranking is read before fusing. */
	static final int DEPTH = 30;

	/**
	 * How many chunks, by their own vector, get their sentences compared too (all of them
	 * in a knowledge base of this many chunks or fewer).
	 */
	static final int PRESELECT = 300;

	private static final String KEY = "key";

	private static final String GROUP = "group";

	private static final String HEADING = "heading";

	private static final String TEXT = "text";

	private static final int MAX_QUERY = 1_000;

	private final SentenceEmbeddings embeddings;

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, List<String>> groups = new HashMap<>();

	/**
	 * All entries and their vectors, for the scan; replaced (never changed) on every
	 * change.
	 */
	private volatile Vectors all = Vectors.of(List.of());

	/** The words of all entries; replaced (never changed) on every change. */
	private volatile Vocabulary vocabulary = Vocabulary.EMPTY;

	KnowledgeIndex(SentenceEmbeddings embeddings) {
		this.embeddings = embeddings;
		try {
			this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A chunk with its vector and its sentences' vectors (each sentence with its nearest
	 * heading), so a question about one line of a long section still finds it.
	 */
	record Entry(Chunk chunk, float[] vector, float[][] sentences, Vocabulary.ChunkWords words) {

		double similarity(float[] question) {
			double best = dot(question, vector);
			for (float[] sentence : sentences) {
				best = Math.max(best, dot(question, sentence));
			}
			return best;
		}

	}

	/**
	 * One ranked chunk.
	 *
	 * @param score the fused score (sum of 1/(60 + rank) over the rankings)
	 * @param similarity cosine of the question and the chunk
	 * @param textRank rank in the BM25 ranking (1-based), 0 when not in it
	 * @param vectorRank rank in the vector ranking (1-based), 0 when not in it
	 */
	record Hit(Chunk chunk, double score, double similarity, int textRank, int vectorRank, float[] questionVector,
			float[][] sentenceVectors, Vocabulary.ChunkWords words) {
	}

	/**
	 * What a search found.
	 *
	 * @param reading how the question was read (spellings, corrections, synonyms)
	 * @param hits the best chunks, best first
	 */
	record Found(QuestionReading reading, List<Hit> hits) {

		static final Found NOTHING = new Found(null, List.of());

	}

	/** Replaces a group's chunks (all of a document's, or the clinic settings'). */
	synchronized void replace(String group, List<Chunk> chunks) {
		List<String> texts = new ArrayList<>();
		List<Integer> sentenceCounts = new ArrayList<>();
		for (Chunk chunk : chunks) {
			texts.add(embeddable(chunk));
			List<String> sentences = Sentences.split(chunk.text());
			String heading = chunk.headings().isEmpty() ? chunk.title()
					: chunk.headings().get(chunk.headings().size() - 1);
			sentences.forEach(sentence -> texts.add(heading + ": " + sentence));
			sentenceCounts.add(sentences.size());
		}
		List<float[]> vectors = embeddings.embedAll(texts);
		List<Document> documents = new ArrayList<>();
		for (Chunk chunk : chunks) {
			Document document = new Document();
			document.add(new StringField(KEY, chunk.key(), Field.Store.YES));
			document.add(new StringField(GROUP, group, Field.Store.NO));
			document.add(new TextField(HEADING, chunk.heading(), Field.Store.NO));
			document.add(new TextField(TEXT, Sentences.plain(chunk.text()), Field.Store.NO));
			documents.add(document);
		}
		try {
			writer.updateDocuments(new Term(GROUP, group), documents);
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> keys = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < chunks.size(); i++) {
			float[] vector = vectors.get(next++);
			float[][] sentences = new float[sentenceCounts.get(i)][];
			for (int j = 0; j < sentences.length; j++) {
				sentences[j] = vectors.get(next++);
			}
			entries.put(chunks.get(i).key(),
					new Entry(chunks.get(i), vector, sentences, Vocabulary.ChunkWords.of(chunks.get(i))));
			keys.add(chunks.get(i).key());
		}
		List<String> previous = groups.put(group, keys);
		if (previous != null) {
			previous.stream().filter(key -> !keys.contains(key)).forEach(entries::remove);
		}
		changed();
	}

	private void changed() {
		all = Vectors.of(entries.values());
		vocabulary = Vocabulary.of(entries.values().stream().map(Entry::words).toList());
	}

	synchronized void remove(String group) {
		try {
			writer.deleteDocuments(new Term(GROUP, group));
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> previous = groups.remove(group);
		if (previous != null) {
			previous.forEach(entries::remove);
		}
		changed();
	}

	synchronized boolean contains(String group) {
		return groups.containsKey(group);
	}

	int size() {
		return all.entries().length;
	}

	Vocabulary vocabulary() {
		return vocabulary;
	}

	/**
	 * Whether one chunk holds all the content words of a phrase (the knowledge base
	 * mentions it).
	 */
	boolean mentions(String phrase) {
		java.util.Set<String> stems = Terms.of(phrase);
		if (stems.isEmpty()) {
			return false;
		}
		Vocabulary words = vocabulary;
		if (!stems.stream().allMatch(words::hasStem)) {
			return false;
		}
		for (Entry entry : all.entries()) {
			if (entry.words().stems().containsAll(stems)) {
				return true;
			}
		}
		return false;
	}

	/** The best chunks for a question, best first. */
	List<Hit> search(String question, int limit) {
		return find(question, limit).hits();
	}

	/** The question as read and the best chunks for it, best first. */
	Found find(String question, int limit) {
		if (!Sentences.hasWords(question)) {
			return Found.NOTHING;
		}
		String asked = question.length() > MAX_QUERY ? question.substring(0, MAX_QUERY) : question;
		QuestionReading reading = QuestionReading.of(asked, vocabulary);
		String text = Sentences.hasWords(reading.text()) ? reading.text() : asked;
		float[] vector = embeddings.embed(text);
		Vectors snapshot = all;
		Map<String, int[]> ranks = new HashMap<>();
		List<String> byText = textRanking(reading.query());
		for (int i = 0; i < byText.size(); i++) {
			ranks.computeIfAbsent(byText.get(i), key -> new int[2])[0] = i + 1;
		}
		List<Entry> byVector = vectorRanking(vector, snapshot);
		for (int i = 0; i < byVector.size(); i++) {
			ranks.computeIfAbsent(byVector.get(i).chunk().key(), key -> new int[2])[1] = i + 1;
		}
		List<Hit> hits = new ArrayList<>();
		for (Map.Entry<String, int[]> ranked : ranks.entrySet()) {
			Entry entry = entries.get(ranked.getKey());
			if (entry == null) {
				continue; // removed while searching
			}
			int textRank = ranked.getValue()[0];
			int vectorRank = ranked.getValue()[1];
			double score = (textRank > 0 ? 1.0 / (RRF_K + textRank) : 0)
					+ (vectorRank > 0 ? 1.0 / (RRF_K + vectorRank) : 0);
			hits.add(new Hit(entry.chunk(), score, entry.similarity(vector), textRank, vectorRank, vector,
					entry.sentences(), entry.words()));
		}
		hits.sort(Comparator.comparingDouble(Hit::score)
			.reversed()
			.thenComparing(Comparator.comparingDouble(Hit::similarity).reversed())
			.thenComparing(hit -> hit.chunk().key()));
		return new Found(reading, hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits));
	}

	/** Chunk keys by BM25, best first. */
	private List<String> textRanking(String query) {
		Query parsed;
		try {
			MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] { HEADING, TEXT }, analyzer,
					Map.of(HEADING, 1.5f, TEXT, 1.0f));
			parsed = parser.parse(QueryParser.escape(query));
		}
		catch (ParseException | RuntimeException ex) {
			// nothing searchable (only stop words), or too many clauses
			return List.of();
		}
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				List<String> keys = new ArrayList<>();
				for (ScoreDoc hit : searcher.search(parsed, DEPTH).scoreDocs) {
					keys.add(searcher.storedFields().document(hit.doc).get(KEY));
				}
				return keys;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Entries by cosine with the question, best first: the chunk vectors pick the
	 * {@link #PRESELECT} likeliest chunks, and their sentence vectors decide.
	 */
	private static List<Entry> vectorRanking(float[] vector, Vectors snapshot) {
		int size = snapshot.entries().length;
		int[] candidates;
		if (size <= PRESELECT) {
			candidates = new int[size];
			for (int i = 0; i < size; i++) {
				candidates[i] = i;
			}
		}
		else {
			TopK preselected = new TopK(PRESELECT);
			for (int i = 0; i < size; i++) {
				preselected.offer(i, snapshot.chunkDot(i, vector));
			}
			candidates = preselected.indexes();
		}
		TopK best = new TopK(DEPTH);
		for (int candidate : candidates) {
			best.offer(candidate, snapshot.similarity(candidate, vector));
		}
		List<Entry> ranked = new ArrayList<>();
		for (int index : best.sortedIndexes()) {
			ranked.add(snapshot.entries()[index]);
		}
		return ranked;
	}

	/**
	 * The vectors of all entries laid out in two flat arrays (chunks, then sentences in
	 * entry order), so that the scan reads memory in order.
	 */
	record Vectors(Entry[] entries, float[] chunks, float[] sentences, int[] sentenceStart, int dimension) {

		static Vectors of(java.util.Collection<Entry> all) {
			Entry[] entries = all.toArray(Entry[]::new);
			int dimension = entries.length == 0 ? 0 : entries[0].vector().length;
			int sentenceCount = 0;
			for (Entry entry : entries) {
				sentenceCount += entry.sentences().length;
			}
			float[] chunks = new float[entries.length * dimension];
			float[] sentences = new float[sentenceCount * dimension];
			int[] start = new int[entries.length + 1];
			int next = 0;
			for (int i = 0; i < entries.length; i++) {
				System.arraycopy(entries[i].vector(), 0, chunks, i * dimension, dimension);
				start[i] = next;
				for (float[] sentence : entries[i].sentences()) {
					System.arraycopy(sentence, 0, sentences, next * dimension, dimension);
					next++;
				}
			}
			start[entries.length] = next;
			return new Vectors(entries, chunks, sentences, start, dimension);
		}

		double chunkDot(int entry, float[] question) {
			return dot(question, chunks, entry * dimension);
		}

		/** The best cosine of the question with the chunk or one of its sentences. */
		double similarity(int entry, float[] question) {
			double best = chunkDot(entry, question);
			for (int sentence = sentenceStart[entry]; sentence < sentenceStart[entry + 1]; sentence++) {
				best = Math.max(best, dot(question, sentences, sentence * dimension));
			}
			return best;
		}

	}

	/** The k best-scored indexes, kept in a min-heap of primitives. */
	static final class TopK {

		private final int[] indexes;

		private final double[] scores;

		private int size;

		TopK(int k) {
			this.indexes = new int[k];
			this.scores = new double[k];
		}

		void offer(int index, double score) {
			if (size < indexes.length) {
				indexes[size] = index;
				scores[size] = score;
				up(size++);
			}
			else if (score > scores[0]) {
				indexes[0] = index;
				scores[0] = score;
				down(0);
			}
		}

		int[] indexes() {
			return java.util.Arrays.copyOf(indexes, size);
		}

		/** Best first; equal scores by index, so rankings are repeatable. */
		int[] sortedIndexes() {
			Integer[] order = new Integer[size];
			for (int i = 0; i < size; i++) {
				order[i] = i;
			}
			java.util.Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
					: Integer.compare(indexes[a], indexes[b]));
			int[] sorted = new int[size];
			for (int i = 0; i < size; i++) {
				sorted[i] = indexes[order[i]];
			}
			return sorted;
		}

		private void up(int i) {
			while (i > 0) {
				int parent = (i - 1) / 2;
				if (scores[parent] <= scores[i]) {
					return;
				}
				swap(i, parent);
				i = parent;
			}
		}

		private void down(int i) {
			while (true) {
				int left = 2 * i + 1;
				int smallest = i;
				if (left < size && scores[left] < scores[smallest]) {
					smallest = left;
				}
				if (left + 1 < size && scores[left + 1] < scores[smallest]) {
					smallest = left + 1;
				}
				if (smallest == i) {
					return;
				}
				swap(i, smallest);
				i = smallest;
			}
		}

		private void swap(int a, int b) {
			int index = indexes[a];
			indexes[a] = indexes[b];
			indexes[b] = index;
			double score = scores[a];
			scores[a] = scores[b];
			scores[b] = score;
		}

	}

	/** The dot product of {@code a} with the vector at {@code offset} in {@code flat}. */
	static double dot(float[] a, float[] flat, int offset) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < a.length; i += 4) {
			s0 += a[i] * flat[offset + i];
			s1 += a[i + 1] * flat[offset + i + 1];
			s2 += a[i + 2] * flat[offset + i + 2];
			s3 += a[i + 3] * flat[offset + i + 3];
		}
		for (; i < a.length; i++) {
			s0 += a[i] * flat[offset + i];
		}
		return (double) s0 + s1 + s2 + s3;
	}

	/** The vectors are normalised, so their cosine is their dot product. */
	static double dot(float[] a, float[] b) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < a.length; i += 4) {
			s0 += a[i] * b[i];
			s1 += a[i + 1] * b[i + 1];
			s2 += a[i + 2] * b[i + 2];
			s3 += a[i + 3] * b[i + 3];
		}
		for (; i < a.length; i++) {
			s0 += a[i] * b[i];
		}
		return (double) s0 + s1 + s2 + s3;
	}

	private static String embeddable(Chunk chunk) {
		return chunk.heading() + ": " + Sentences.plain(chunk.text());
	}

	@Override
	public synchronized void close() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
