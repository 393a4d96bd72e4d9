package io.smiledesk.channel;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Waits for new mail with IMAP IDLE on a thread of its own and has the {@link ImapReader}
 * read it at once. Restarted after a failure, more slowly each time; on a server without
 * IDLE it ends and the scheduled poll is all there is. Stopped with the application.
 */
@Component
class ImapIdle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImapIdle.class);

	static final Duration FIRST_RESTART = Duration.ofSeconds(1);

	static final Duration MAX_RESTART = Duration.ofMinutes(5);

	private final ImapReader reader;

	private final ImapProperties imap;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile ImapConnection connection;

	private volatile boolean idling;

	private ScheduledExecutorService renewals;

	ImapIdle(ImapReader reader, ImapProperties imap) {
		this.reader = reader;
		this.imap = imap;
	}

	@Override
	public void start() {
		if (reader.enabled() && imap.idle()) {
			begin();
		}
	}

	/** Starts the thread, whatever the settings say (tests start it by hand). */
	synchronized void begin() {
		if (running) {
			return;
		}
		running = true;
		renewals = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "imap-idle-renewal"));
		thread = daemon(this::run, "imap-idle");
		thread.start();
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		ImapConnection open = connection;
		if (open != null) {
			// ends a blocked IDLE at once
			open.close();
		}
		thread.interrupt();
		renewals.shutdownNow();
		try {
			thread.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Whether the thread is in an IDLE command, waiting for the server, for tests. */
	boolean idling() {
		return idling;
	}

	private void run() {
		Duration restart = FIRST_RESTART;
		while (running) {
			try (ImapConnection open = ImapConnection.open(imap, imap.idleRenew().multipliedBy(2))) {
				if (!open.supportsIdle()) {
					log.info("IMAP server {} has no IDLE: new mail is polled every {}", imap.host(),
							imap.pollInterval());
					return;
				}
				connection = open;
				restart = FIRST_RESTART;
				while (running) {
					// what arrived before IDLE began, and what the last IDLE announced
					reader.poll();
					idle(open.folder());
				}
			}
			catch (MessagingException | RuntimeException ex) {
				if (running) {
					log.warn("IMAP IDLE on {} failed, restarting in {}: {}", imap.host(), restart, ex.toString());
				}
			}
			finally {
				connection = null;
			}
			if (!sleep(restart)) {
				return;
			}
			restart = restart.multipliedBy(2).compareTo(MAX_RESTART) > 0 ? MAX_RESTART : restart.multipliedBy(2);
		}
	}

	/**
	 * Returns when the server announces a change, or when the renewal ends the IDLE
	 * command before the server would drop it.
	 */
	private void idle(IMAPFolder folder) throws MessagingException {
		ScheduledFuture<?> renewal = renewals.schedule(() -> renew(folder), imap.idleRenew().toMillis(),
				TimeUnit.MILLISECONDS);
		idling = true;
		try {
			folder.idle(true);
		}
		finally {
			idling = false;
			renewal.cancel(false);
		}
	}

	/** Using the folder from another thread ends its IDLE (a NOOP goes to the server). */
	private static void renew(IMAPFolder folder) {
		try {
			folder.getMessageCount();
		}
		catch (MessagingException | RuntimeException ex) {
			// the IDLE thread sees the broken connection itself
		}
	}

	private boolean sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
			return running;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
