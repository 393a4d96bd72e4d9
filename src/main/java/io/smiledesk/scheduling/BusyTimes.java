package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Occupied intervals per resource (a provider or an operatory), searchable in O(log n).
 * Each resource keeps its intervals sorted by start with a running maximum of ends, so
 * "does anything overlap [from, to)?" is one binary search, whether or not the intervals
 * themselves overlap.
 */
final class BusyTimes {

	private static final BusyTimes NONE = new BusyTimes(Map.of());

	private final Map<String, Intervals> byResource;

	private BusyTimes(Map<String, Intervals> byResource) {
		this.byResource = byResource;
	}

	static BusyTimes none() {
		return NONE;
	}

	static Builder builder() {
		return new Builder();
	}

	static String provider(String id) {
		return "P:" + id;
	}

	static String operatory(String id) {
		return "O:" + id;
	}

	boolean isFree(String resource, Instant from, Instant to) {
		Intervals intervals = byResource.get(resource);
		return intervals == null || !intervals.overlaps(from.getEpochSecond(), to.getEpochSecond());
	}

	/**
	 * Seconds the resource has been idle at {@code at} (since its latest busy interval
	 * starting before); max if never.
	 */
	long idleBefore(String resource, Instant at) {
		Intervals intervals = byResource.get(resource);
		if (intervals == null) {
			return Long.MAX_VALUE;
		}
		int last = intervals.lastStartingBefore(at.getEpochSecond());
		return last < 0 ? Long.MAX_VALUE : Math.max(0, at.getEpochSecond() - intervals.maxEnds[last]);
	}

	static final class Builder {

		private final Map<String, List<long[]>> intervals = new HashMap<>();

		Builder add(Placement placement) {
			long from = placement.start().getEpochSecond();
			long to = placement.occupiedUntil().getEpochSecond();
			add(provider(placement.providerId()), from, to);
			add(operatory(placement.operatoryId()), from, to);
			return this;
		}

		Builder add(String resource, long from, long to) {
			intervals.computeIfAbsent(resource, key -> new ArrayList<>()).add(new long[] { from, to });
			return this;
		}

		BusyTimes build() {
			Map<String, Intervals> built = new HashMap<>();
			intervals.forEach((resource, list) -> built.put(resource, Intervals.of(list)));
			return new BusyTimes(built);
		}

	}

	private record Intervals(long[] starts, long[] maxEnds) {

		static Intervals of(List<long[]> list) {
			list.sort((a, b) -> Long.compare(a[0], b[0]));
			long[] starts = new long[list.size()];
			long[] maxEnds = new long[list.size()];
			long max = Long.MIN_VALUE;
			for (int i = 0; i < starts.length; i++) {
				starts[i] = list.get(i)[0];
				max = Math.max(max, list.get(i)[1]);
				maxEnds[i] = max;
			}
			return new Intervals(starts, maxEnds);
		}

		boolean overlaps(long from, long to) {
			// any interval starting before 'to' that ends after 'from' overlaps
			int last = lastStartingBefore(to);
			return last >= 0 && maxEnds[last] > from;
		}

		int lastStartingBefore(long time) {
			int low = 0;
			int high = starts.length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (starts[middle] < time) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return low - 1;
		}

	}

}
