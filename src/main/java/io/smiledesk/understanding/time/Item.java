package io.smiledesk.understanding.time;

import java.util.function.Predicate;

/**
 * One position of a rule's pattern: a word of one of some lexicon categories, or a kind
 * of meaning with a condition. Fillers ("at", "on", "the") must be there but are not
 * passed to the rule's production; optional ones may be missing.
 */
record Item(String[] keys, Predicate<Sem> test, boolean kept, boolean optional) {

	/** A word of a category, passed to the production. */
	static Item w(String category) {
		return new Item(words(category), sem -> true, true, false);
	}

	/** A word of one of the categories, required but not passed on. */
	static Item f(String... categories) {
		return new Item(words(categories), sem -> true, false, false);
	}

	/** A word of one of the categories that may be missing. */
	static Item opt(String... categories) {
		return new Item(words(categories), sem -> true, false, true);
	}

	static Item num(Predicate<Sem.Num> test) {
		return new Item(new String[] { "t:num" }, sem -> test.test((Sem.Num) sem), true, false);
	}

	static Item ord(Predicate<Sem.Ord> test) {
		return new Item(new String[] { "t:ord" }, sem -> test.test((Sem.Ord) sem), true, false);
	}

	static Item unit(Predicate<Sem.Unit> test) {
		return new Item(new String[] { "t:unit" }, sem -> test.test((Sem.Unit) sem), true, false);
	}

	static Item quantity(Predicate<Sem.Quantity> test) {
		return new Item(new String[] { "t:quantity" }, sem -> test.test((Sem.Quantity) sem), true, false);
	}

	static Item clock(Predicate<Clock> test) {
		return new Item(new String[] { "t:clock" }, sem -> test.test((Clock) sem), true, false);
	}

	static Item time(Predicate<Time> test) {
		return new Item(new String[] { "t:time" }, sem -> test.test((Time) sem), true, false);
	}

	boolean accepts(Sem sem) {
		String key = sem.key();
		for (String mine : keys) {
			if (mine.equals(key)) {
				return test.test(sem);
			}
		}
		return false;
	}

	private static String[] words(String... categories) {
		String[] keys = new String[categories.length];
		for (int i = 0; i < categories.length; i++) {
			keys[i] = "w:" + categories[i];
		}
		return keys;
	}

}
