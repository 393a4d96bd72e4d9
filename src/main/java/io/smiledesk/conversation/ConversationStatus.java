package io.smiledesk.conversation;

/**
 * Where a conversation stands; the assistant answers unless a person has taken it over.
 */
public enum ConversationStatus {

	ACTIVE, HANDOFF_REQUIRED, HUMAN_ACTIVE, CLOSED

}
