package io.smiledesk.system;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clinic adds key "k2", makes it active and rotates: everything is then under k2 and
 * still readable.
 */
@IntegrationTest
@TestPropertySource(properties = { "smiledesk.crypto.keys.k2=c2Vjb25kLWtleS1mb3ItdGhlLXRlc3RzLTAwMDAwMDI=",
		"smiledesk.crypto.active-key=k2" })
class CryptoRotationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	FieldCipher cipher;

	@Autowired
	CryptoRotateCommand rotate;

	@Autowired
	CryptoProperties properties;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void reEncryptsValuesUnderOldKeysAndLeavesNewOnesAlone() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana", "ana@example.com", "973-555-0101", "2025-08-20T14:00:00Z", "filling")))
			.andExpect(status().isCreated());
		// as if written before the rotation, under the demo key
		FieldCipher old = new FieldCipher(new CryptoProperties(properties.keys(), "demo", properties.indexKey()));
		data.jdbc().update("update patient set email = ?", old.encrypt("ana@example.com"));

		assertThat(rotate.rotate()).isEqualTo(1);
		// every encrypted column is rotated, not only those someone listed
		assertThat(rotate.columns()).extracting(column -> column.table() + "." + column.name())
			.contains("patient.email", "patient.date_of_birth_enc", "conversation_message.text", "channel_inbound.body",
					"campaign.initial_inquiry", "insurance_subscriber.member_id",
					"insurance_subscriber.date_of_birth_enc", "stripe_event.payload");

		Map<String, Object> patient = data.jdbc().queryForMap("select * from patient");
		assertThat(String.valueOf(value(patient, "email"))).startsWith("enc:v1:k2:");
		assertThat(cipher.decrypt(String.valueOf(value(patient, "email")))).isEqualTo("ana@example.com");
		assertThat(String.valueOf(value(patient, "phone"))).startsWith("enc:v1:k2:");
		assertThat(rotate.rotate()).isZero();
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Ana", "ANA@example.com", null, "2025-08-21T14:00:00Z", "filling")))
			.andExpect(status().isCreated());
		assertThat(data.count("patient")).as("still found by email after the rotation").isEqualTo(1);
	}

}
