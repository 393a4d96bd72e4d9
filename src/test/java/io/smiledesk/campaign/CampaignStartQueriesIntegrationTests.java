package io.smiledesk.campaign;

import java.time.Duration;
import java.time.LocalDate;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.patient.TreatmentRecord;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting campaigns reads a page of candidates with a fixed number of statements, not
 * some per patient (10,000 campaigns took minutes that way).
 */
@IntegrationTest
class CampaignStartQueriesIntegrationTests extends CampaignFlows {

	@Autowired
	CampaignStarts starts;

	@Autowired
	EntityManagerFactory entityManagers;

	@Test
	void startingTwelveLeadsAndTwelveRecallsTakesNoMoreStatementsThanTwo() {
		long two = statementsToStart(2);
		data.reset();
		long twelve = statementsToStart(12);
		// per-patient lookups would add dozens; a little slack for the context's own
		// background work
		assertThat(twelve).isLessThanOrEqualTo(two + 5);
	}

	/**
	 * Statements run starting campaigns for {@code each} quiet leads and due patients.
	 */
	private long statementsToStart(int each) {
		clock.set(MORNING.minus(Duration.ofDays(200)));
		for (int i = 0; i < each; i++) {
			patients.register(new Patients.NewPatient("Lena Lead" + i,
					patients.contact("lead" + i + "@example.com", null), null, PatientType.COLD_LEAD, Channel.EMAIL));
			PatientId due = patients
				.register(
						new Patients.NewPatient("Rob Recall" + i, patients.contact("recall" + i + "@example.com", null),
								null, PatientType.EXISTING, Channel.EMAIL))
				.id();
			patients.recordTreatment(due, new TreatmentRecord(null, "Annual Cleaning", LocalDate.of(2025, 1, 20), null,
					LocalDate.of(2025, 7, 21), null));
		}
		clock.set(MORNING);
		Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		statistics.clear();
		try {
			assertThat(starts.startDue()).isEqualTo(2 * each);
			return statistics.getPrepareStatementCount();
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
	}

}
