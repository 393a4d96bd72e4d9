package io.smiledesk.scheduling;

public enum CreatedFrom {

	AI_AGENT_FORM, CHAT, MANUAL_ADMIN, PORTAL

}
