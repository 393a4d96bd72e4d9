package io.smiledesk.understanding;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a long message that say what the patient wants: people put the request
 * first ("I'd like a cleaning on Thursday; let me explain why...") or last ("... so could
 * I come in next week?").
 */
final class LongMessages {

	static final int PART = 300;

	private LongMessages() {
	}

	/** The first sentences, up to about {@value #PART} characters. */
	static String opening(String text) {
		List<String> sentences = sentences(text);
		StringBuilder out = new StringBuilder();
		for (String sentence : sentences) {
			if (!out.isEmpty() && out.length() + sentence.length() > PART) {
				break;
			}
			out.append(sentence);
		}
		return out.toString().strip();
	}

	/** The last sentences, up to about {@value #PART} characters. */
	static String closing(String text) {
		List<String> sentences = sentences(text);
		StringBuilder out = new StringBuilder();
		for (int i = sentences.size() - 1; i >= 0; i--) {
			String sentence = sentences.get(i);
			if (!out.isEmpty() && out.length() + sentence.length() > PART) {
				break;
			}
			out.insert(0, sentence);
		}
		return out.toString().strip();
	}

	private static List<String> sentences(String text) {
		BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
		iterator.setText(text);
		List<String> sentences = new ArrayList<>();
		int start = iterator.first();
		for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
			sentences.add(text.substring(start, end));
		}
		return sentences;
	}

}
