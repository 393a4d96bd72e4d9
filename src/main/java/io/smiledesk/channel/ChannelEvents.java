package io.smiledesk.channel;

/** Within the module: work for the background workers, announced as it is committed. */
final class ChannelEvents {

	private ChannelEvents() {
	}

	/** A message was put in the outbox. */
	record OutboundQueued() {
	}

}
