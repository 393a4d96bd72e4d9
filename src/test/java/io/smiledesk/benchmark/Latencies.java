package io.smiledesk.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Timings in nanoseconds, summarised as nearest-rank percentiles in milliseconds. */
final class Latencies {

	private final long[] sorted;

	Latencies(long[] nanos) {
		this.sorted = nanos.clone();
		Arrays.sort(this.sorted);
	}

	int count() {
		return sorted.length;
	}

	double percentile(double fraction) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(fraction * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
	}

	double median() {
		return percentile(0.50);
	}

	double p99() {
		return percentile(0.99);
	}

	double max() {
		return percentile(1.0);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "median %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)", median(), p99(), max(),
				count());
	}

}
