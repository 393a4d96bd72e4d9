package io.smiledesk.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static io.smiledesk.waitlist.WaitlistFixtures.MORNING;
import static io.smiledesk.waitlist.WaitlistFixtures.TUESDAY_TEN;
import static io.smiledesk.waitlist.WaitlistFixtures.mornings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time frees up in other ways than a cancellation: an appointment removed by staff, a
 * move by another route (which names the provider who had the time), and a no-show marked
 * while the visit's time still runs.
 */
@IntegrationTest
class WaitlistFreedTimesIntegrationTests {

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

	@Autowired
	io.smiledesk.clinic.ClinicAdministration clinic;

	WaitlistFixtures fixtures;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(MORNING);
		fixtures = new WaitlistFixtures(patients, booking, waitlist, data);
	}

	@Test
	void anAppointmentRemovedByStaffFreesItsTime() {
		UUID removed = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		UUID entry = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(), null);

		assertThat(booking.delete(removed)).isInstanceOf(io.smiledesk.scheduling.Booking.Done.class);
		data.awaitEvents();

		assertThat(data.jdbc().queryForObject("select cause from waitlist_slot", String.class)).isEqualTo("REMOVED");
		assertThat(fixtures.offerStatus(entry)).isEqualTo("PENDING");
	}

	@Test
	void aMoveByAnotherRouteFreesTheOldTimeWithItsProvider() {
		UUID moved = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		UUID entry = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(), null);

		assertThat(booking.reschedule(moved, TUESDAY_TEN.plus(Duration.ofDays(2)), Optional.empty(),
				Booking.Actor.staff()))
			.isInstanceOf(Booking.Done.class);
		data.awaitEvents();

		assertThat(data.jdbc()
			.queryForObject("select provider_id from waitlist_slot where starts_at = ?", String.class,
					java.sql.Timestamp.from(TUESDAY_TEN)))
			.isEqualTo("sam-oneill");
		assertThat(fixtures.offerStatus(entry)).isEqualTo("PENDING");
	}

	@Test
	void aNoShowMarkedDuringTheVisitFreesTheRestOfItsTimeOnTheClinicsGrid() {
		UUID missed = fixtures.book("Ann Able", "+12015550101", "Teeth Whitening", "dr-maria-lopez", TUESDAY_TEN);
		UUID entry = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Crown Consultation", mornings(),
				null);
		clock.set(TUESDAY_TEN.plus(Duration.ofMinutes(5)));

		assertThat(booking.markNoShow(missed)).isInstanceOf(Booking.Done.class);
		data.awaitEvents();

		Instant quarterPast = TUESDAY_TEN.plus(Duration.ofMinutes(15));
		assertThat(data.jdbc().queryForMap("select cause, starts_at, ends_at, provider_id from waitlist_slot"))
			.containsEntry("CAUSE", "MISSED")
			.containsEntry("PROVIDER_ID", "dr-maria-lopez");
		assertThat(data.jdbc().queryForObject("select starts_at from waitlist_slot", Instant.class))
			.isEqualTo(quarterPast);
		assertThat(data.count("slot_claim where appointment_id = '" + missed + "'")).isZero();
		// the clinic's two hours' booking notice keeps patients from being offered it...
		assertThat(data.count("waitlist_offer where entry_id = '" + entry + "'")).isZero();
		// ...but the chair is free: staff can fit someone in
		assertThat(booking.book(new Booking.BookRequest("Walk In", null, "+12015550103", null, Channel.SMS,
				"Crown Consultation", quarterPast, Optional.of("dr-maria-lopez"), Optional.empty(), null,
				CreatedFrom.MANUAL_ADMIN, null, null, null, null)))
			.isInstanceOf(Booking.Done.class);
	}

	@Test
	void timeOffTakenAwayIsOfferedAsVisitsOfTheShortestServiceTheProviderGives() {
		Instant nine = TUESDAY_TEN.minus(Duration.ofHours(1));
		UUID absence = clinic.addTimeOff("sam-oneill", nine, nine.plus(Duration.ofHours(3)), "course").id();
		UUID entry = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(), null);

		clinic.removeTimeOff("sam-oneill", absence);
		data.awaitEvents();

		// 45 minutes and a 15-minute buffer: 9:00, 10:00 and 11:00 in the three hours
		assertThat(data.jdbc()
			.queryForList("select starts_at from waitlist_slot where cause = 'TIME_OFF' order by starts_at",
					Instant.class))
			.containsExactly(nine, TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofHours(1)));
		assertThat(data.jdbc()
			.queryForObject("select slot_start from waitlist_offer where entry_id = ?", Instant.class, entry))
			.isEqualTo(nine);
	}

	@Test
	void aNoShowMarkedAfterTheVisitFreesNothing() {
		UUID missed = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(), null);
		clock.set(TUESDAY_TEN.plus(Duration.ofHours(1)));

		assertThat(booking.markNoShow(missed)).isInstanceOf(Booking.Done.class);
		data.awaitEvents();

		assertThat(data.count("waitlist_slot")).isZero();
		assertThat(data.count("waitlist_offer")).isZero();
	}

}
