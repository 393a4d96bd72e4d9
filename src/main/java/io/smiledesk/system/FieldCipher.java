package io.smiledesk.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields at rest with AES-256-GCM. Each value names the key that
 * encrypted it ({@code enc:v1:<key id>:<base64 of iv, ciphertext and tag>}), so keys can
 * be rotated: new values use the active key, old ones stay readable while their key is
 * configured. Lookups by email or phone use a keyed hash (HMAC-SHA256) of the normalised
 * value, which reveals nothing without the index key.
 */
@Component
public class FieldCipher {

	private static final String PREFIX = "enc:v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, SecretKey> keys;

	private final String activeKey;

	private final SecretKeySpec indexKey;

	FieldCipher(CryptoProperties properties) {
		this.keys = properties.secretKeys();
		this.activeKey = properties.activeKey();
		this.indexKey = new SecretKeySpec(properties.indexKeyBytes(), "HmacSHA256");
	}

	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
			// the key id is authenticated too: a value cannot be passed off as another
			// key's
			cipher.updateAAD(activeKey.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return PREFIX + activeKey + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * Plain values written before encryption was switched on are returned as they are.
	 */
	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		int colon = stored.indexOf(':', PREFIX.length());
		String keyId = stored.substring(PREFIX.length(), colon);
		SecretKey key = keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("No key '" + keyId + "' is configured to read this value");
		}
		try {
			byte[] data = Base64.getDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A stored value could not be decrypted (tampered or wrong key)", ex);
		}
	}

	/** The key a stored value was encrypted with; empty for plain values. */
	public Optional<String> keyOf(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return Optional.of(stored.substring(PREFIX.length(), stored.indexOf(':', PREFIX.length())));
	}

	public boolean isCurrent(String stored) {
		return stored == null || keyOf(stored).filter(activeKey::equals).isPresent();
	}

	/**
	 * A keyed hash for equality lookups of a normalised value (an email in lower case, a
	 * phone in E.164).
	 */
	public String blindIndex(String normalised) {
		if (normalised == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(indexKey);
			return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
