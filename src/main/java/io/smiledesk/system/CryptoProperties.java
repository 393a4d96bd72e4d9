package io.smiledesk.system;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keys data keys by id, each 32 bytes in base64 (SMILEDESK_CRYPTO_KEYS_&lt;ID&gt;)
 * @param activeKey the id of the key new values are encrypted with
 * @param indexKey the key of the email/phone lookup hashes, 32 bytes in base64; changing
 * it needs a re-index
 */
@ConfigurationProperties("smiledesk.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKey, String indexKey) {

	public CryptoProperties {
		keys = keys == null ? Map.of() : Map.copyOf(keys);
		if (activeKey == null || !keys.containsKey(activeKey)) {
			throw new IllegalArgumentException("smiledesk.crypto.active-key must name one of smiledesk.crypto.keys");
		}
		keys.forEach((id, key) -> {
			if (!id.matches("[A-Za-z0-9_-]{1,32}") || decode(key).length != 32) {
				throw new IllegalArgumentException("smiledesk.crypto.keys." + id + " must be 32 bytes in base64");
			}
		});
		if (indexKey == null || decode(indexKey).length != 32) {
			throw new IllegalArgumentException("smiledesk.crypto.index-key must be 32 bytes in base64");
		}
	}

	Map<String, SecretKey> secretKeys() {
		Map<String, SecretKey> secrets = new LinkedHashMap<>();
		keys.forEach((id, key) -> secrets.put(id, new SecretKeySpec(decode(key), "AES")));
		return secrets;
	}

	byte[] indexKeyBytes() {
		return decode(indexKey);
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

}
