package io.smiledesk.system;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;

/**
 * Buckets in this instance's memory, at most {@code maxBuckets} of them. When the map is
 * full, buckets that have refilled are dropped first (a new bucket would be just as full,
 * so nothing is lost); only if that is not enough, the least recently used ones go, which
 * forgets some spending but keeps memory bounded when many clients appear at once.
 */
final class LocalBuckets implements BucketStore {

	private final TimeMeter time;

	private final int maxBuckets;

	/**
	 * Dropping down to 90% leaves room for many new clients before the next sweep over
	 * the whole map.
	 */
	private final int lowWatermark;

	/** In access order: the eldest entry is the least recently used bucket. */
	private final Map<String, Entry> buckets = new LinkedHashMap<>(256, 0.75f, true);

	LocalBuckets(TimeMeter time, int maxBuckets) {
		this.time = time;
		this.maxBuckets = maxBuckets;
		this.lowWatermark = maxBuckets - Math.max(1, maxBuckets / 10);
	}

	@Override
	public ConsumptionProbe tryConsume(String id, Bandwidth limit) {
		// Consuming under the lock too: a bucket evicted between lookup and consumption
		// would forget the request.
		synchronized (buckets) {
			Entry entry = buckets.get(id);
			if (entry == null) {
				// Before adding: the new bucket is full and would be the first to go.
				if (buckets.size() >= maxBuckets) {
					evict();
				}
				entry = new Entry(Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build(),
						limit.getCapacity());
				buckets.put(id, entry);
			}
			return entry.bucket().tryConsumeAndReturnRemaining(1);
		}
	}

	int size() {
		synchronized (buckets) {
			return buckets.size();
		}
	}

	private void evict() {
		buckets.values().removeIf(Entry::full);
		Iterator<Map.Entry<String, Entry>> eldest = buckets.entrySet().iterator();
		while (buckets.size() > lowWatermark && eldest.hasNext()) {
			eldest.next();
			eldest.remove();
		}
	}

	private record Entry(LocalBucket bucket, long capacity) {

		boolean full() {
			return bucket.getAvailableTokens() >= capacity;
		}

	}

}
