package io.smiledesk.campaign;

import java.util.UUID;

class CampaignNotFoundException extends RuntimeException {

	CampaignNotFoundException(UUID id) {
		super("No campaign with id " + id + ".");
	}

}
