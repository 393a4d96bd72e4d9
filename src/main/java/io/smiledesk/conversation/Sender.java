package io.smiledesk.conversation;

public enum Sender {

	PATIENT, BOT, STAFF

}
