package io.smiledesk.understanding;

/** Reads one patient message. Implementations never throw for ordinary text. */
public interface MessageUnderstanding {

	Understanding understand(String text, MessageContext context);

	/**
	 * Whether {@link MessageContext#recent()} is read; when not, the conversation's last
	 * turns are not loaded for it.
	 */
	default boolean readsHistory() {
		return false;
	}

}
