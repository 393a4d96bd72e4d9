package io.smiledesk.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlEnvironmentPostProcessorTests {

	@Test
	void turnsAPlatformUrlIntoDatasourceSettings() {
		assertThat(DatabaseUrlEnvironmentPostProcessor
			.toDatasource("postgres://desk:s%3Acret@db.internal:6543/smiledesk?sslmode=require"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db.internal:6543/smiledesk?sslmode=require")
			.containsEntry("spring.datasource.username", "desk")
			.containsEntry("spring.datasource.password", "s:cret")
			.containsEntry("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
	}

	@Test
	void defaultsThePortAndPassesJdbcUrlsThrough() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.toDatasource("postgresql://db/smiledesk"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/smiledesk");
		assertThat(DatabaseUrlEnvironmentPostProcessor.toDatasource("jdbc:postgresql://db/x"))
			.containsExactlyEntriesOf(java.util.Map.of("spring.datasource.url", "jdbc:postgresql://db/x"));
	}

	@Test
	void refusesOtherSchemes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.toDatasource("mysql://db/x"));
	}

}
