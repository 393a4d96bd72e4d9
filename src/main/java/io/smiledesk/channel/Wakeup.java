package io.smiledesk.channel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a worker's drain on its own thread, one at a time, as soon as there is work: a
 * message is answered in milliseconds, not at the next poll, and one thread keeps a
 * patient's messages in order. The poll stays as the safety net (work from another
 * instance, retries that came due).
 */
final class Wakeup implements AutoCloseable {

	private final ExecutorService thread;

	private final AtomicBoolean queued = new AtomicBoolean();

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Wakeup.class);

	private final String name;

	private final Runnable drain;

	Wakeup(String name, Runnable drain) {
		this.name = name;
		this.drain = drain;
		this.thread = Executors.newSingleThreadExecutor(runnable -> {
			Thread worker = new Thread(runnable, name);
			worker.setDaemon(true);
			return worker;
		});
	}

	/**
	 * Asks for a drain; a drain already asked for and not yet started covers this one.
	 */
	void wake() {
		if (queued.compareAndSet(false, true)) {
			thread.execute(() -> {
				queued.set(false);
				try {
					drain.run();
				}
				catch (RuntimeException ex) {
					// the database went away, say: the next poll tries again
					log.warn("The {} stopped on an error; the next poll resumes", name, ex);
				}
			});
		}
	}

	@Override
	public void close() {
		thread.shutdownNow();
	}

}
