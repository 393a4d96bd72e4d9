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

	/**
	 * Whether the i-th kept meaning is a spelled word written against a hyphen right
	 * after a spelled word: the second half of "forty-five", not the end of a range.
	 */
	boolean spelledCompound(int i) {
		Node node = kept.get(i);
		List<Token> tokens = parse.tokens();
		int hyphen = node.start() - 1;
		if (!attached(i) || hyphen < 1 || !tokens.get(hyphen).text().equals("-") || !tokens.get(hyphen).attached()) {
			return false;
		}
		return isWord(tokens.get(node.start())) && isWord(tokens.get(hyphen - 1));
	}

	/**
	 * Whether a day number comes right after the match: "in Jan" in "in Jan 5" is not the
	 * month, "Jan 5" is the day.
	 */
	boolean followedByDayNumber() {
		List<Token> tokens = parse.tokens();
		if (end >= tokens.size()) {
			return false;
		}
		String next = tokens.get(end).text();
		return next.matches("(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?");
	}

	private static boolean isWord(Token token) {
		return token.text().chars().allMatch(Character::isLetter);
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
