package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A patient's question as the search reads it: chat spellings read ("u" is "you", "appt"
 * is "appointment"), words the knowledge base does not know but has one edit away
 * corrected ("whitenning"), the patients' words for what the documents say in theirs
 * added to the full-text query, and what the question names from the lexicon of things a
 * clinic may or may not offer.
 *
 * @param original the question as written
 * @param words its words as read (lower case)
 * @param text the words as one text, for the sentence vectors
 * @param query the text with the synonyms' words, for the full-text search
 * @param terms the lexicon phrases it names
 * @param unknown topic words (stems) the knowledge base has nowhere
 * @param topic all its topic words (stems)
 */
record QuestionReading(String original, List<String> words, String text, String query, List<PatientWords.Term> terms,
		Set<String> unknown, Set<String> topic) {

	private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("\\d{1,2}(st|nd|rd|th)");

	static QuestionReading of(String question, Vocabulary vocabulary) {
		List<String> read = new ArrayList<>();
		List<String> written = Vocabulary.words(question);
		for (int i = 0; i < written.size(); i++) {
			String word = written.get(i);
			String pair = i + 1 < written.size() ? PatientWords.SPELLINGS.get(word + " " + written.get(i + 1)) : null;
			if (pair != null) {
				read.addAll(Vocabulary.words(pair));
				i++;
				continue;
			}
			String spelt = PatientWords.SPELLINGS.get(word);
			if (spelt != null) {
				read.addAll(Vocabulary.words(spelt));
			}
			else if (ORDINAL.matcher(word).matches()) {
				read.add(word.replaceAll("\\D", "")); // "4th" is 4, as documents write
														// dates
			}
			else {
				read.add(word);
			}
		}
		Set<String> protectedWords = new java.util.HashSet<>();
		List<String> readStems = PatientWords.stems(read);
		for (PatientWords.Term term : PatientWords.TERMS) {
			if (PatientWords.contains(read, term.words()) || PatientWords.contains(readStems, term.stems())) {
				protectedWords.addAll(term.words());
				protectedWords.addAll(read.stream().filter(word -> term.stems().containsAll(Terms.of(word))).toList());
			}
		}
		List<String> words = new ArrayList<>(read.size());
		for (String word : read) {
			String correction = protectedWords.contains(word) || known(word, vocabulary) ? null
					: vocabulary.correction(word);
			words.add(correction == null ? word : correction);
		}
		String text = String.join(" ", words);
		StringBuilder query = new StringBuilder(text);
		for (PatientWords.Synonym synonym : PatientWords.SYNONYMS) {
			if (PatientWords.contains(words, synonym.phrase())) {
				query.append(' ').append(synonym.words());
			}
		}
		List<PatientWords.Term> terms = new ArrayList<>();
		List<String> stems = PatientWords.stems(words);
		for (PatientWords.Term term : PatientWords.TERMS) {
			if (PatientWords.contains(words, term.words()) || PatientWords.contains(stems, term.stems())) {
				terms.add(term);
			}
		}
		Set<String> topic = Terms.ofQuestion(text);
		Set<String> unknown = new LinkedHashSet<>();
		for (String stem : topic) {
			if (!vocabulary.hasStem(stem) && !stem.chars().allMatch(Character::isDigit)
					&& !AskedFacts.ASKING.contains(stem)) {
				unknown.add(stem);
			}
		}
		return new QuestionReading(question, List.copyOf(words), text, query.toString(), List.copyOf(terms),
				Set.copyOf(unknown), topic);
	}

	/** Lexicon kinds: a kind of insurance plan (PPO, HMO), and an insurer. */
	static final String PLAN = "plan";

	static final String INSURER = "insurer";

	private static boolean known(String word, Vocabulary vocabulary) {
		if (vocabulary.hasWord(word)) {
			return true;
		}
		Set<String> stems = Terms.of(word);
		return stems.isEmpty() || stems.stream().allMatch(vocabulary::hasStem);
	}

	/**
	 * The lexicon phrases the question names that no chunk of the knowledge base
	 * mentions, itself or in the words patients use for it.
	 */
	List<PatientWords.Term> unlisted(KnowledgeIndex index) {
		List<PatientWords.Term> unlisted = new ArrayList<>();
		// an insurer the clinic never names, asked with a kind of plan it does name ("my
		// humana is an hmo plan"), is answered by what it says of that kind of plan
		boolean namedPlan = terms.stream().anyMatch(term -> term.kind().equals(PLAN) && index.mentions(term.phrase()));
		for (PatientWords.Term term : terms) {
			if (term.kind().equals(PLAN) || namedPlan && term.kind().equals(INSURER)) {
				continue;
			}
			if (!index.mentions(term.phrase()) && !mentionedBySynonym(term, index)) {
				unlisted.add(term);
			}
		}
		return unlisted;
	}

	private static boolean mentionedBySynonym(PatientWords.Term term, KnowledgeIndex index) {
		for (PatientWords.Synonym synonym : PatientWords.SYNONYMS) {
			if (synonym.phrase().equals(term.words()) && index.mentions(synonym.words())) {
				return true;
			}
		}
		return false;
	}

}
