package io.smiledesk.system;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Buckets in Redis (compare-and-swap through Lettuce), shared by every instance that uses
 * the same Redis and prefix. A key expires shortly after its bucket has refilled, so idle
 * clients leave nothing behind.
 */
final class RedisBuckets implements BucketStore, AutoCloseable {

	/**
	 * Kept a little past the full refill, so a key is not recreated while its client is
	 * still counted.
	 */
	private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

	/**
	 * A slow Redis should not hold requests: past this the limiter lets the request
	 * through (see RateLimiter).
	 */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

	private final RedisClient client;

	private final StatefulRedisConnection<String, byte[]> connection;

	private final ProxyManager<String> buckets;

	private final String prefix;

	RedisBuckets(String redisUrl, String prefix, TimeMeter time) {
		this.client = RedisClient.create(redisUrl);
		this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		this.prefix = prefix;
		// Bucket4j computes refills on the client; all instances read the same
		// (wall-clock) time meter.
		this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.clientClock(time)
			.requestTimeout(REQUEST_TIMEOUT)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
			.build();
	}

	@Override
	public ConsumptionProbe tryConsume(String id, Bandwidth limit) {
		BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit).build();
		return buckets.getProxy(prefix + id, () -> configuration).tryConsumeAndReturnRemaining(1);
	}

	@Override
	public void close() {
		connection.close();
		client.shutdown();
	}

}
