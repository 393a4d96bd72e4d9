package io.smiledesk.channel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WakeupTests {

	@Test
	void wakesThatArriveWhileADrainIsQueuedAreCoveredByIt() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch running = new CountDownLatch(1);
		AtomicInteger drains = new AtomicInteger();
		try (Wakeup wakeup = new Wakeup("test", () -> {
			drains.incrementAndGet();
			running.countDown();
			await(release);
		})) {
			wakeup.wake();
			assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
			// one drain is running: the next wakes queue a single drain between them
			wakeup.wake();
			wakeup.wake();
			wakeup.wake();
			release.countDown();
			awaitCount(drains, 2);
			Thread.sleep(100);
			assertThat(drains.get()).isEqualTo(2);
		}
	}

	@Test
	void aFailingDrainDoesNotStopTheNextOne() throws Exception {
		AtomicInteger drains = new AtomicInteger();
		try (Wakeup wakeup = new Wakeup("test", () -> {
			if (drains.incrementAndGet() == 1) {
				throw new IllegalStateException("database away");
			}
		})) {
			wakeup.wake();
			awaitCount(drains, 1);
			Thread.sleep(50);
			wakeup.wake();
			awaitCount(drains, 2);
		}
	}

	private static void awaitCount(AtomicInteger count, int wanted) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (count.get() < wanted && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(count.get()).isGreaterThanOrEqualTo(wanted);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
