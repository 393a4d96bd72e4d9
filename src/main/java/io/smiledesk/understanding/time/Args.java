package io.smiledesk.understanding.time;

import java.util.List;

/** What a production gets: the kept meanings of a match, in order, and the parse. */
final class Args {

	private final List<Node> kept;

	final Parse parse;

	final int start;

	final int end;

	Args(List<Node> kept, Parse parse, int start, int end) {
		this.kept = kept;
		this.parse = parse;
		this.start = start;
		this.end = end;
	}

	Sem get(int i) {
		return kept.get(i).sem();
	}

	Sem.Word word(int i) {
		return (Sem.Word) get(i);
	}

	Sem.Num num(int i) {
		return (Sem.Num) get(i);
	}

	Sem.Ord ord(int i) {
		return (Sem.Ord) get(i);
	}

	Sem.Unit unit(int i) {
		return (Sem.Unit) get(i);
	}

	Sem.Quantity quantity(int i) {
		return (Sem.Quantity) get(i);
	}

	Clock clock(int i) {
		return (Clock) get(i);
	}

	Time time(int i) {
		return (Time) get(i);
	}

	/** Whether the i-th kept meaning is written against what comes before it ("3pm"). */
	boolean attached(int i) {
		return parse.tokens().get(kept.get(i).start()).attached();
	}

	/** The token just after the i-th kept meaning. */
	int endOf(int i) {
		return kept.get(i).end();
	}

	int size() {
		return kept.size();
	}

	/**
	 * Whether a phrase of the category ends just before the match ("come" before "by").
	 */
	boolean precededBy(String category) {
		return parse.lexicon().phraseStart(parse.tokens(), start, category) >= 0;
	}

	/** Whether the first token of the match is this word. */
	boolean startsWith(String word) {
		return parse.tokens().get(start).text().equals(word);
	}

}
