package io.smiledesk.understanding.time;

/**
 * A word, a number or one punctuation mark of a message, normalised (lower case, no
 * accents), with its character offsets in the message. {@code attached} says no space
 * comes before it ("3" and "pm" in "3pm"); a {@code masked} token belongs to something
 * that is never a time (an email address, a phone number, a price).
 */
record Token(int index, int start, int end, String text, Kind kind, boolean attached, boolean masked) {

	enum Kind {

		WORD, NUMBER, PUNCT

	}

	boolean is(String punctuation) {
		return kind == Kind.PUNCT && text.equals(punctuation);
	}

	Token mask() {
		return new Token(index, start, end, text, kind, attached, true);
	}

}
