package io.smiledesk.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FieldCipherTests {

	static final String K1 = key("first-key-for-the-tests-00000001");

	static final String K2 = key("second-key-for-the-tests-0000002");

	static final String INDEX = key("index-key-for-the-tests-00000001");

	@Test
	void encryptsWithAFreshIvAndTheKeyIdAndReadsItBack() {
		FieldCipher cipher = cipher(Map.of("k1", K1), "k1", INDEX);

		String first = cipher.encrypt("1990-04-23");
		String second = cipher.encrypt("1990-04-23");

		assertThat(first).startsWith("enc:v1:k1:").doesNotContain("1990").isNotEqualTo(second);
		assertThat(cipher.decrypt(first)).isEqualTo("1990-04-23");
		assertThat(cipher.decrypt(second)).isEqualTo("1990-04-23");
		assertThat(cipher.encrypt(null)).isNull();
		assertThat(cipher.decrypt("written before encryption")).isEqualTo("written before encryption");
	}

	@Test
	void refusesATamperedValueOrOneRelabelledForAnotherKey() {
		FieldCipher cipher = cipher(Map.of("k1", K1, "k2", K2), "k1", INDEX);
		String stored = cipher.encrypt("Allergic to penicillin");
		char last = stored.charAt(stored.length() - 2);
		String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A')
				+ stored.charAt(stored.length() - 1);

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(tampered));
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(stored.replace("enc:v1:k1:", "enc:v1:k2:")));
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(stored.replace("enc:v1:k1:", "enc:v1:k9:")))
			.withMessageContaining("k9");
	}

	@Test
	void rotatesKeysWithoutLosingOldValues() {
		String old = cipher(Map.of("k1", K1), "k1", INDEX).encrypt("+19735550101");
		FieldCipher rotated = cipher(Map.of("k1", K1, "k2", K2), "k2", INDEX);

		assertThat(rotated.decrypt(old)).isEqualTo("+19735550101");
		assertThat(rotated.isCurrent(old)).isFalse();
		String fresh = rotated.encrypt("+19735550101");
		assertThat(fresh).startsWith("enc:v1:k2:");
		assertThat(rotated.isCurrent(fresh)).isTrue();
		assertThat(rotated.keyOf(old)).contains("k1");
	}

	@Test
	void lookupHashesAreStableAndNeedTheIndexKey() {
		FieldCipher cipher = cipher(Map.of("k1", K1), "k1", INDEX);
		FieldCipher otherIndex = cipher(Map.of("k1", K1), "k1", key("another-index-key-for-tests-0001"));

		assertThat(cipher.blindIndex("ana@example.com")).hasSize(64)
			.isEqualTo(cipher(Map.of("k2", K2), "k2", INDEX).blindIndex("ana@example.com"))
			.isNotEqualTo(cipher.blindIndex("ben@example.com"))
			.isNotEqualTo(otherIndex.blindIndex("ana@example.com"));
		assertThat(cipher.blindIndex(null)).isNull();
	}

	@Test
	void refusesBadKeyConfiguration() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CryptoProperties(Map.of("k1", K1), "k2", INDEX));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CryptoProperties(Map.of("k1", key("too-short")), "k1", INDEX));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CryptoProperties(Map.of("k1", K1), "k1", "not base64!"));
	}

	static FieldCipher cipher(Map<String, String> keys, String active, String index) {
		return new FieldCipher(new CryptoProperties(keys, active, index));
	}

	static String key(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
	}

}
