package io.smiledesk.understanding.time;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bottom-up chart parser: every meaning found is offered to every rule that can use it,
 * at every position of the rule's pattern, and combined with the meanings already found
 * next to it. Each combination is tried once, when its newest part arrives, so the work
 * grows with the meanings found, not with the message's length squared.
 */
final class Chart {

	/** A safety valve: a normal message makes a few hundred meanings. */
	static final int MAX_NODES = 4_000;

	private record Slot(Item[] pattern, int position, Rule rule) {
	}

	private record Key(int start, int end, Sem sem) {
	}

	private final Map<String, List<Slot>> slots = new HashMap<>();

	Chart(List<Rule> rules) {
		for (Rule rule : rules) {
			for (Item[] pattern : rule.patterns) {
				for (int i = 0; i < pattern.length; i++) {
					for (String key : pattern[i].keys()) {
						slots.computeIfAbsent(key, k -> new ArrayList<>()).add(new Slot(pattern, i, rule));
					}
				}
			}
		}
	}

	/** Every meaning the rules find, starting from the given ones. */
	List<Node> parse(List<Node> initial, Parse parse) {
		return new Run(parse).saturate(initial);
	}

	private final class Run {

		private final Parse parse;

		/**
		 * Meanings by where they start (end) and by key, so a pattern looks only at its
		 * kind.
		 */
		private final List<Map<String, List<Node>>> byStart = new ArrayList<>();

		private final List<Map<String, List<Node>>> byEnd = new ArrayList<>();

		private final Set<Key> seen = new HashSet<>();

		private final List<Node> all = new ArrayList<>();

		private final ArrayDeque<Node> agenda = new ArrayDeque<>();

		Run(Parse parse) {
			this.parse = parse;
			for (int i = 0; i <= parse.tokens().size(); i++) {
				byStart.add(new HashMap<>(8));
				byEnd.add(new HashMap<>(8));
			}
		}

		List<Node> saturate(List<Node> initial) {
			initial.forEach(node -> add(node.start(), node.end(), node.sem(), node.cost()));
			while (!agenda.isEmpty()) {
				Node node = agenda.poll();
				for (Slot slot : slots.getOrDefault(node.sem().key(), List.of())) {
					if (slot.pattern()[slot.position()].accepts(node.sem())) {
						Node[] match = new Node[slot.pattern().length];
						match[slot.position()] = node;
						left(slot, slot.position() - 1, node.start(), match, node);
					}
				}
			}
			return all;
		}

		private void left(Slot slot, int position, int end, Node[] match, Node newest) {
			if (position < 0) {
				right(slot, slot.position() + 1, newest.end(), match, newest);
				return;
			}
			Item item = slot.pattern()[position];
			for (String key : item.keys()) {
				for (Node node : byEnd.get(end).getOrDefault(key, List.of())) {
					if (node.seq() < newest.seq() && item.accepts(node.sem())) {
						match[position] = node;
						left(slot, position - 1, node.start(), match, newest);
					}
				}
			}
		}

		private void right(Slot slot, int position, int start, Node[] match, Node newest) {
			Item[] pattern = slot.pattern();
			if (position == pattern.length) {
				produce(slot, match);
				return;
			}
			if (start >= byStart.size()) {
				return;
			}
			Item item = pattern[position];
			for (String key : item.keys()) {
				for (Node node : byStart.get(start).getOrDefault(key, List.of())) {
					if (node.seq() < newest.seq() && item.accepts(node.sem())) {
						match[position] = node;
						right(slot, position + 1, node.end(), match, newest);
					}
				}
			}
		}

		private void produce(Slot slot, Node[] match) {
			List<Node> kept = new ArrayList<>(match.length);
			int cost = 1;
			for (int i = 0; i < match.length; i++) {
				cost += match[i].cost();
				if (slot.pattern()[i].kept()) {
					kept.add(match[i]);
				}
			}
			int start = match[0].start();
			int end = match[match.length - 1].end();
			Sem made = slot.rule().production.make(new Args(kept, parse, start, end));
			if (made != null) {
				add(start, end, made, cost);
			}
		}

		private void add(int start, int end, Sem sem, int cost) {
			if (all.size() >= MAX_NODES || !seen.add(new Key(start, end, sem))) {
				return;
			}
			Node node = new Node(start, end, sem, cost, all.size());
			all.add(node);
			byStart.get(start).computeIfAbsent(sem.key(), key -> new ArrayList<>(2)).add(node);
			byEnd.get(end).computeIfAbsent(sem.key(), key -> new ArrayList<>(2)).add(node);
			agenda.add(node);
		}

	}

}
