package io.smiledesk.system;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: this instance's memory or Redis. */
interface BucketStore {

	/**
	 * Takes one token from the bucket {@code id}, creating it full with {@code limit}
	 * when it does not exist.
	 */
	ConsumptionProbe tryConsume(String id, Bandwidth limit);

}
