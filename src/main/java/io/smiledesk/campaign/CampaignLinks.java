package io.smiledesk.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.system.FieldCipher;

import org.springframework.stereotype.Component;

/**
 * Booking links that name their campaign: the token is the campaign's id and a keyed hash
 * of it, so a link cannot be made up or pointed at another patient's campaign.
 */
@Component
class CampaignLinks {

	private static final int MAC_HEX = 32;

	private final FieldCipher cipher;

	private final CampaignProperties properties;

	CampaignLinks(FieldCipher cipher, CampaignProperties properties) {
		this.cipher = cipher;
		this.properties = properties;
	}

	String token(UUID campaignId) {
		return campaignId + "." + mac(campaignId);
	}

	String url(UUID campaignId) {
		String base = properties.publicBaseUrl().replaceAll("/+$", "");
		return base + "/book.html?campaign=" + token(campaignId);
	}

	/** The campaign a token names, when it is genuine. */
	Optional<UUID> verify(String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(token.substring(0, dot));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		boolean genuine = MessageDigest.isEqual(mac(id).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
		return genuine ? Optional.of(id) : Optional.empty();
	}

	private String mac(UUID campaignId) {
		return cipher.blindIndex("campaign booking link " + campaignId).substring(0, MAC_HEX);
	}

}
