package io.smiledesk.understanding.time;

import java.util.List;

/**
 * Words that are never times: the lexicon's {@code not-time} phrases ("night guard"), and
 * numbers that are never times: phone numbers and long identifiers (seven digits or more
 * in groups, unless the groups make a date), and prices ("$120", "1 200 €", "50 euros").
 * Their tokens are masked before the grammar sees them. Counts and ages ("2 kids", "34
 * years old") are left to {@link #countLike}. A month or season word that is a person's
 * name ("my daughter April", "June Summers") is masked too.
 */
final class NonTimes {

	private NonTimes() {
	}

	static void mask(List<Token> tokens, Lexicon lexicon, String text) {
		for (int k = 0; k < tokens.size(); k++) {
			if (name(tokens, k, lexicon, text) || address(tokens, k, lexicon, text) || sinceThen(tokens, k, lexicon)) {
				tokens.set(k, tokens.get(k).mask());
			}
		}
		int i = 0;
		while (i < tokens.size()) {
			int phrase = lexicon.phraseEnd(tokens, i, "not-time");
			if (phrase > i) {
				// "night guard" is a thing, not a night
				for (int j = i; j < phrase; j++) {
					tokens.set(j, tokens.get(j).mask());
				}
				i = phrase;
				continue;
			}
			int end = digitGroups(tokens, i);
			if (end == i && tokens.get(i).kind() == Token.Kind.NUMBER) {
				int amount = amountEnd(tokens, i);
				boolean before = i > 0 && isCurrency(tokens.get(i - 1));
				boolean after = amount < tokens.size()
						&& (isCurrency(tokens.get(amount)) || lexicon.phraseEnd(tokens, amount, "currency") > amount);
				end = before || after ? amount : i;
			}
			if (end > i) {
				for (int j = i; j < end; j++) {
					tokens.set(j, tokens.get(j).mask());
				}
				i = end;
				continue;
			}
			i++;
		}
	}

	/**
	 * Whether a month or season word names a person: right after a word for one ("my
	 * daughter April", "my name is June"; not before a day number), or capitalised before
	 * another capitalised word that is no time ("June Summers").
	 */
	private static boolean name(List<Token> tokens, int k, Lexicon lexicon, String text) {
		Token token = tokens.get(k);
		if (token.kind() != Token.Kind.WORD || !(lexicon.phraseEnd(tokens, k, "month") == k + 1
				|| lexicon.phraseEnd(tokens, k, "season") == k + 1)) {
			return false;
		}
		Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
		if (lexicon.phraseStart(tokens, k, "name-before") >= 0) {
			return next == null || next.kind() != Token.Kind.NUMBER;
		}
		return capitalised(token, text) && next != null && next.kind() == Token.Kind.WORD && capitalised(next, text)
				&& !next.text().equals("i") && !timeWord(tokens, k + 1, lexicon);
	}

	/** A house number: "210 Maple Avenue", "12 Old Mill Rd". */
	private static boolean address(List<Token> tokens, int k, Lexicon lexicon, String text) {
		if (tokens.get(k).kind() != Token.Kind.NUMBER) {
			return false;
		}
		for (int street = k + 2; street <= Math.min(k + 3, tokens.size() - 1); street++) {
			Token name = tokens.get(street - 1);
			if (name.kind() != Token.Kind.WORD || !capitalised(name, text)) {
				return false;
			}
			if (lexicon.phraseEnd(tokens, street, "street") > street) {
				return true;
			}
		}
		return false;
	}

	/** "I've had this crown for 10 years now": how long until now, not a time wanted. */
	private static boolean sinceThen(List<Token> tokens, int k, Lexicon lexicon) {
		return k > 0 && lexicon.phraseEnd(tokens, k, "now") == k + 1 && tokens.get(k - 1).kind() == Token.Kind.WORD
				&& (lexicon.phraseStart(tokens, k, "unit") >= 0 || tokens.get(k - 1).text().equals("while"));
	}

	private static boolean capitalised(Token token, String text) {
		return token.start() < text.length() && Character.isUpperCase(text.charAt(token.start()))
				&& (token.end() - token.start() < 2 || !Character.isUpperCase(text.charAt(token.start() + 1)));
	}

	private static boolean timeWord(List<Token> tokens, int k, Lexicon lexicon) {
		for (String category : List.of("weekday", "month", "season", "holiday", "day", "part")) {
			if (lexicon.phraseEnd(tokens, k, category) > k) {
				return true;
			}
		}
		return false;
	}

	/** The end of an amount: "120", "1,200", "1 200", "85.50". */
	private static int amountEnd(List<Token> tokens, int i) {
		int j = i + 1;
		while (j + 1 < tokens.size() && (tokens.get(j).is(",") || tokens.get(j).is("."))
				&& tokens.get(j + 1).kind() == Token.Kind.NUMBER && tokens.get(j + 1).text().length() == 3) {
			j += 2;
		}
		while (j < tokens.size() && tokens.get(j).kind() == Token.Kind.NUMBER && tokens.get(j).text().length() == 3
				&& !tokens.get(j).attached()) {
			j++;
		}
		if (j + 1 < tokens.size() && tokens.get(j).is(".") && tokens.get(j + 1).kind() == Token.Kind.NUMBER
				&& tokens.get(j + 1).text().length() <= 2) {
			j += 2;
		}
		return j;
	}

	/**
	 * Whether the words around tokens [start, end) make a number there a count, a price,
	 * an age or a tooth: "2 kids", "tooth 14", "#3", "45%".
	 */
	static boolean countLike(List<Token> tokens, int start, int end, Lexicon lexicon) {
		Token before = start > 0 ? tokens.get(start - 1) : null;
		Token after = end < tokens.size() ? tokens.get(end) : null;
		if (before != null && (isCurrency(before) || before.is("#"))) {
			return true;
		}
		if (after != null && (after.is("%") || isCurrency(after))) {
			return true;
		}
		if (after != null && (after.is(":") || lexicon.phraseEnd(tokens, end, "meridiem") > end
				|| after.attached() && lexicon.phraseEnd(tokens, end, "meridiem-short") > end
				|| lexicon.phraseEnd(tokens, end, "oclock") > end)) {
			// "is 4pm open?": a clock's own words outweigh a count word before it
			return false;
		}
		return lexicon.phraseEnd(tokens, end, "count-after") > 0
				|| lexicon.phraseStart(tokens, start, "count-before") >= 0;
	}

	private static boolean spaced(Token group, Token next, boolean afterPlus) {
		int a = group.text().length();
		int b = next.text().length();
		return (a >= 3 || afterPlus) && b >= 3 || a == 2 && b == 2;
	}

	private static boolean isCurrency(Token token) {
		return token.is("$") || token.is("€") || token.is("£");
	}

	/**
	 * The end of a run of digit groups starting at {@code i} that is a phone number or an
	 * identifier, or {@code i} when there is none.
	 */
	private static int digitGroups(List<Token> tokens, int i) {
		int j = i;
		if (j < tokens.size() && (tokens.get(j).is("+") || tokens.get(j).is("("))) {
			j++;
		}
		int digits = 0;
		int groups = 0;
		int[] lengths = new int[3];
		boolean dateSeparators = true;
		boolean pairs = false;
		int end = i;
		while (j < tokens.size() && tokens.get(j).kind() == Token.Kind.NUMBER) {
			Token number = tokens.get(j);
			digits += number.text().length();
			if (groups < 3) {
				lengths[groups] = number.text().length();
			}
			groups++;
			j++;
			end = j;
			if (j < tokens.size() && tokens.get(j).is(")")) {
				j++;
				end = j;
			}
			boolean joined = j + 1 < tokens.size() && tokens.get(j + 1).kind() == Token.Kind.NUMBER
					&& (tokens.get(j).is("-") || tokens.get(j).is(".") || tokens.get(j).is("("));
			if (joined) {
				dateSeparators &= !tokens.get(j).is("(");
				j++;
			}
			else if (j < tokens.size() && tokens.get(j).kind() == Token.Kind.NUMBER
					&& spaced(number, tokens.get(j), groups == 1 && i < j - 1)) {
				// spaced groups: "973 555 0101", "06 12 34 56 78"; not "March 12 2026
				// 10:00"
				dateSeparators = false;
				pairs |= number.text().length() == 2;
			}
			else {
				break;
			}
		}
		if (digits < 7 || pairs && groups < 4) {
			return i;
		}
		boolean date = groups == 3 && dateSeparators
				&& (lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] == 2 || lengths[2] == 4)
						|| lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2);
		return date ? i : end;
	}

}
