package io.smiledesk.conversation;

/** How soon staff should look at a handoff: emergencies are URGENT. */
public enum Urgency {

	NORMAL, URGENT

}
