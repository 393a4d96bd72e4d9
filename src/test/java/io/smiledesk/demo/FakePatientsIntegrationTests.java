package io.smiledesk.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FakePatientsIntegrationTests {

	@Autowired
	FakePatients fakePatients;

	@Autowired
	TestData data;

	@Autowired
	io.smiledesk.system.FieldCipher cipher;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void generatesPatientsWithValidContactsAndBooksThroughTheNormalRules() {
		FakePatients.Result result = fakePatients.generate(12, 7);

		assertThat(result.patients()).isEqualTo(12);
		assertThat(data.count("patient")).isEqualTo(12);
		assertThat(data.count("appointment")).isEqualTo(result.appointments()).isPositive();
		List<Map<String, Object>> patients = data.jdbc().queryForList("select email, phone from patient");
		assertThat(patients).allSatisfy(row -> {
			assertThat(cipher.decrypt(String.valueOf(row.values().toArray()[0]))).matches("[a-z0-9.]+@example\\.com");
			assertThat(cipher.decrypt(String.valueOf(row.values().toArray()[1]))).matches("\\+1\\d{10}");
		});
		// every generated appointment holds its claims, like any booking
		assertThat(data.count("slot_claim")).isGreaterThanOrEqualTo(2 * result.appointments());
	}

	@Test
	void theSameSeedGivesTheSamePatients() {
		fakePatients.generate(5, 11);
		List<String> first = data.jdbc().queryForList("select name from patient order by name", String.class);
		data.reset();

		fakePatients.generate(5, 11);

		assertThat(data.jdbc().queryForList("select name from patient order by name", String.class)).isEqualTo(first);
	}

	@Test
	void recallDueDatesRunFromAMonthAgoToEightWeeksAhead() {
		fakePatients.generate(40, 3);

		List<java.time.LocalDate> due = data.jdbc()
			.queryForList("select next_follow_up_date from patient where next_follow_up_date is not null",
					java.time.LocalDate.class);
		java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(catalog.snapshot().zone()));
		assertThat(due).isNotEmpty()
			.allSatisfy(date -> assertThat(date).isBetween(today.minusDays(30), today.plusDays(56)));
		assertThat(due).anySatisfy(date -> assertThat(date).isBefore(today))
			.anySatisfy(date -> assertThat(date).isAfter(today.plusDays(14)));
	}

	@Autowired
	java.time.Clock clock;

	@Autowired
	io.smiledesk.clinic.ClinicCatalog catalog;

	@Autowired
	FakeConversations fakeConversations;

	@Test
	void conversationsOnPatientsOwnChannelsFillTheInboxEachAnswered() {
		fakeConversations.generate(20, 7);

		List<String> channels = data.jdbc().queryForList("select distinct channel from conversation", String.class);
		assertThat(channels).contains("SMS", "EMAIL").doesNotContain("WEB");
		assertThat(data.count("channel_inbound")).isEqualTo(data.jdbc()
			.queryForObject("select count(*) from channel_inbound where status = 'PROCESSED'", Integer.class));
		// every patient message has its answer, or is an opt-out already confirmed
		assertThat(data.jdbc()
			.queryForObject("select count(*) from conversation_message where sender = 'BOT'", Integer.class))
			.isPositive();
		// run again with the same seed: the same provider ids, nothing stored twice
		int before = data.count("channel_inbound");
		fakeConversations.generate(20, 7);
		assertThat(data.count("channel_inbound")).isEqualTo(before);
	}

}
