package io.smiledesk.conversation;

/**
 * Where a conversation takes place: the web chat, or one of the patient's own channels
 * (the channel module brings those in).
 */
public enum ConversationChannel {

	WEB, EMAIL, SMS, WHATSAPP, VOICE

}
