package io.smiledesk.system;

import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before encryption existed: the migration encrypts what is there and
 * indexes the contacts.
 */
class SensitiveDataMigrationTests {

	@Test
	void encryptsExistingPatientsAndNotesAndFillsTheLookupHashes() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		FieldCipher cipher = FieldCipherTests.cipher(Map.of("k1", FieldCipherTests.K1), "k1", FieldCipherTests.INDEX);
		java.util.function.Supplier<org.flywaydb.core.api.configuration.FluentConfiguration> flyway = () -> Flyway
			.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.javaMigrations(new V10__EncryptSensitiveData(cipher));
		flyway.get().target("8").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		UUID patient = UUID.randomUUID();
		jdbc.update("insert into patient (id, name, email, phone, date_of_birth, patient_type, preferred_channel, "
				+ "created_at, updated_at) values (?, 'Ana', 'ana@example.com', '+19735550101', DATE '1990-04-23', "
				+ "'EXISTING', 'EMAIL', current_timestamp, current_timestamp)", patient);
		jdbc.update("insert into provider (id, name, role, active) values ('p', 'P', 'DENTIST', true)");
		jdbc.update("insert into operatory (id, name, active) values ('o', 'O', true)");
		jdbc.update("insert into dental_service (id, name, duration_minutes, buffer_minutes, price, active) "
				+ "values ('s', 'S', 30, 0, 1, true)");
		jdbc.update("insert into appointment (id, patient_id, provider_id, operatory_id, service_id, starts_at, "
				+ "duration_minutes, buffer_minutes, status, notes, created_from, created_at, updated_at) values "
				+ "(?, ?, 'p', 'o', 's', current_timestamp, 30, 0, 'BOOKED', 'Nervous patient', 'MANUAL_ADMIN', "
				+ "current_timestamp, current_timestamp)", UUID.randomUUID(), patient);

		flyway.get().load().migrate();

		Map<String, Object> row = jdbc.queryForMap("select * from patient");
		assertThat(String.valueOf(row.get("EMAIL"))).startsWith("enc:v1:k1:");
		assertThat(cipher.decrypt(String.valueOf(row.get("EMAIL")))).isEqualTo("ana@example.com");
		assertThat(cipher.decrypt(String.valueOf(row.get("PHONE")))).isEqualTo("+19735550101");
		assertThat(cipher.decrypt(String.valueOf(row.get("DATE_OF_BIRTH_ENC")))).isEqualTo("1990-04-23");
		assertThat(row.get("EMAIL_HASH")).isEqualTo(cipher.blindIndex("ana@example.com"));
		assertThat(row.get("PHONE_HASH")).isEqualTo(cipher.blindIndex("+19735550101"));
		assertThat(row).doesNotContainKey("DATE_OF_BIRTH");
		String notes = jdbc.queryForObject("select notes from appointment", String.class);
		assertThat(cipher.decrypt(notes)).isEqualTo("Nervous patient");
	}

}
