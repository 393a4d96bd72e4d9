package io.smiledesk.conversation;

/** Where a conversation takes place. Only the web chat is wired so far. */
public enum ConversationChannel {

	WEB, EMAIL, SMS, WHATSAPP

}
