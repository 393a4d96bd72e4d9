package io.smiledesk.campaign;

/** A request the campaign's state does not allow; {@code type} is the problem's slug. */
class CampaignConflictException extends RuntimeException {

	private final String type;

	CampaignConflictException(String type, String message) {
		super(message);
		this.type = type;
	}

	String type() {
		return type;
	}

}
