package io.smiledesk.understanding.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The meanings the chart starts from: every lexicon phrase found (numbers, ordinals and
 * units already as such), every number written in digits, every punctuation mark.
 */
final class Words {

	private Words() {
	}

	static List<Node> initial(List<Token> tokens, Lexicon lexicon) {
		List<Node> nodes = new ArrayList<>();
		for (Lexicon.Hit hit : lexicon.find(tokens)) {
			Lexicon.Entry entry = hit.entry();
			String value = entry.value();
			Sem sem = switch (entry.category()) {
				case "number" -> new Sem.Num(Integer.parseInt(value), Sem.Num.Form.SPELLED, 0, false,
						NonTimes.countLike(tokens, hit.start(), hit.end(), lexicon));
				case "amount" -> new Sem.Num(Integer.parseInt(value), Sem.Num.Form.AMOUNT, 0, false, false);
				case "ordinal" -> new Sem.Ord(Integer.parseInt(value), true, false);
				case "unit" -> unit(value);
				default -> new Sem.Word(entry.category(), value, entry.weak());
			};
			nodes.add(new Node(hit.start(), hit.end(), sem, 1, 0));
			if (entry.category().equals("article")) {
				nodes
					.add(new Node(hit.start(), hit.end(), new Sem.Num(1, Sem.Num.Form.ARTICLE, 0, false, false), 1, 0));
			}
		}
		for (Token token : tokens) {
			if (token.masked()) {
				continue;
			}
			if (token.kind() == Token.Kind.NUMBER && token.text().length() <= 9) {
				nodes.add(new Node(token.index(), token.index() + 1,
						new Sem.Num(Integer.parseInt(token.text()), Sem.Num.Form.DIGITS, token.text().length(),
								token.text().length() > 1 && token.text().charAt(0) == '0',
								NonTimes.countLike(tokens, token.index(), token.index() + 1, lexicon)),
						1, 0));
			}
			else if (token.kind() == Token.Kind.PUNCT) {
				nodes.add(new Node(token.index(), token.index() + 1, new Sem.Word(token.text(), token.text(), false), 1,
						0));
			}
		}
		return nodes;
	}

	/** "WEEK", or "WEEK 2" for a fortnight. */
	private static Sem.Unit unit(String value) {
		int space = value.indexOf(' ');
		return space < 0 ? new Sem.Unit(Grain.of(value), 1)
				: new Sem.Unit(Grain.of(value.substring(0, space)), Integer.parseInt(value.substring(space + 1)));
	}

}
