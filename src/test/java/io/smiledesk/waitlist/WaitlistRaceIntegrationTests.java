package io.smiledesk.waitlist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static io.smiledesk.waitlist.WaitlistFixtures.MORNING;
import static io.smiledesk.waitlist.WaitlistFixtures.TUESDAY_TEN;
import static io.smiledesk.waitlist.WaitlistFixtures.mornings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patients who accept the same freed time at the same moment, on real threads against the
 * real database: exactly one is booked, the others are told it was taken.
 */
@IntegrationTest
class WaitlistRaceIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	Patients patients;

	@Autowired
	Booking booking;

	@Autowired
	Waitlist waitlist;

	WaitlistFixtures fixtures;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(MORNING);
		fixtures = new WaitlistFixtures(patients, booking, waitlist, data);
	}

	@Test
	void twoPatientsAcceptAtOnceOneIsBookedTheOtherToldItWasTaken() throws Exception {
		for (int round = 0; round < 5; round++) {
			data.reset();
			clock.set(MORNING);
			UUID cancelled = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
			UUID first = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(),
					null);
			clock.advance(Duration.ofMinutes(1));
			UUID second = fixtures.wait(fixtures.patient("Ed Second", "+12015550105"), "Annual Cleaning", mornings(),
					null);
			fixtures.cancel(cancelled);
			List<UUID> offers = List.of(fixtures.offerOf(first), fixtures.offerOf(second));

			List<Response> responses = acceptAtOnce(offers);

			assertThat(responses).filteredOn(Response.Booked.class::isInstance).hasSize(1);
			assertThat(responses).filteredOn(Response.Taken.class::isInstance).hasSize(1);
			assertThat(data.jdbc()
				.queryForObject("select count(*) from appointment where status = 'BOOKED' and starts_at = ?",
						Integer.class, java.sql.Timestamp.from(TUESDAY_TEN)))
				.isEqualTo(1);
			assertThat(data.count("waitlist_offer where status = 'ACCEPTED'")).isEqualTo(1);
			assertThat(data.count("waitlist_offer where status = 'TAKEN'")).isEqualTo(1);
			assertThat(data.count("waitlist_entry where status = 'BOOKED'")).isEqualTo(1);
			assertThat(data.jdbc().queryForObject("select status from waitlist_slot", String.class))
				.isEqualTo("FILLED");
		}
	}

	@Test
	void aTimeBookedByAnotherRouteMeanwhileIsTakenForEveryone() {
		UUID cancelled = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		UUID first = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(), null);
		fixtures.cancel(cancelled);
		// the front desk books the time for someone walking in
		fixtures.cleaning("Walk In", "+12015550199", TUESDAY_TEN);

		Response response = waitlist.accept(fixtures.offerOf(first));

		assertThat(response).isInstanceOf(Response.Taken.class);
		assertThat(((Response.Taken) response).alternatives()).isNotEmpty()
			.allSatisfy(slot -> assertThat(slot.start()).isAfter(MORNING));
		assertThat(data.count("appointment where status = 'BOOKED'")).isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select status from waitlist_slot", String.class)).isEqualTo("GONE");
		// answered once: a second yes changes nothing
		assertThat(waitlist.accept(fixtures.offerOf(first))).isInstanceOf(Response.AlreadyAnswered.class);
	}

	List<Response> acceptAtOnce(List<UUID> offers) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(offers.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (UUID offer : offers) {
				futures.add(pool.submit(() -> {
					start.await();
					return waitlist.accept(offer);
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdown();
		}
	}

}
