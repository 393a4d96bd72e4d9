package io.smiledesk.conversation.understanding;

/** Reads one patient message. Implementations never throw for ordinary text. */
public interface MessageUnderstanding {

	Understanding understand(String text, MessageContext context);

}
