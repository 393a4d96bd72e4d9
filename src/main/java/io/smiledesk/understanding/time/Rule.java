package io.smiledesk.understanding.time;

import java.util.ArrayList;
import java.util.List;

/**
 * A grammar rule: a pattern of items over adjacent meanings and a production that makes a
 * new meaning of them, or null when they do not fit together after all. Optional items
 * are expanded into one pattern per combination when the rule is made.
 */
final class Rule {

	@FunctionalInterface
	interface Production {

		Sem make(Args args);

	}

	final String name;

	final List<Item[]> patterns;

	final Production production;

	Rule(String name, Production production, Item... items) {
		this.name = name;
		this.production = production;
		this.patterns = expand(items);
	}

	private static List<Item[]> expand(Item[] items) {
		List<Item[]> patterns = new ArrayList<>();
		patterns.add(new Item[0]);
		for (Item item : items) {
			List<Item[]> longer = new ArrayList<>();
			for (Item[] pattern : patterns) {
				Item[] with = java.util.Arrays.copyOf(pattern, pattern.length + 1);
				with[pattern.length] = item;
				longer.add(with);
				if (item.optional()) {
					longer.add(pattern);
				}
			}
			patterns = longer;
		}
		patterns.removeIf(pattern -> pattern.length == 0);
		return patterns;
	}

	@Override
	public String toString() {
		return name;
	}

}
