package io.smiledesk.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.Channel;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving an appointment to a time that overlaps its own: the patient's current visit
 * counts as free for its new time, nobody else's does.
 */
@IntegrationTest
class MovingHoldIntegrationTests {

	static final LocalDate DAY = LocalDate.parse("2025-08-12");

	static final String PROVIDER = "dr-maria-lopez";

	@Autowired
	Booking booking;

	@Autowired
	Availability availability;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void holdsHalfAnHourLaterForTheAppointmentBeingMoved() {
		AppointmentView current = book("Nora Beck", "nora.beck@example.com", "10:00");

		assertThat(booking.hold("annual_cleaning", at("10:30"), Optional.of(PROVIDER)))
			.isInstanceOf(Booking.Rejected.class);
		Booking.Outcome held = booking.hold("annual_cleaning", at("10:30"), Optional.of(PROVIDER), current.id());

		assertThat(held).isInstanceOf(Booking.Held.class);
		UUID holdId = ((Booking.Held) held).hold().holdId();
		// the overlap stays the appointment's: the hold claims only what comes after it
		Long lastOwn = data.jdbc()
			.queryForObject("select max(granule) from slot_claim where appointment_id = ? and resource = ?", Long.class,
					current.id(), "P:" + PROVIDER);
		List<Long> heldGranules = data.jdbc()
			.queryForList("select granule from slot_claim where hold_id = ? and resource = ?", Long.class, holdId,
					"P:" + PROVIDER);
		assertThat(heldGranules).isNotEmpty().allMatch(granule -> granule > lastOwn);

		booking.releaseHold(holdId);
		Booking.Outcome moved = booking.reschedule(current.id(), at("10:30"), Optional.of(PROVIDER),
				new Booking.Actor.Patient("nora.beck@example.com", null));
		assertThat(moved).isInstanceOfSatisfying(Booking.Done.class,
				done -> assertThat(done.appointment().start()).isEqualTo(at("10:30")));
		assertThat(data.count("slot_hold")).isZero();
	}

	@Test
	void stillRefusesTimeThatAnotherPatientHas() {
		AppointmentView current = book("Nora Beck", "nora.beck@example.com", "10:00");
		book("Omar Haddad", "omar.haddad@example.com", "11:00");

		assertThat(booking.hold("annual_cleaning", at("10:30"), Optional.of(PROVIDER), current.id()))
			.isInstanceOfSatisfying(Booking.Rejected.class,
					rejected -> assertThat(rejected.reason()).isEqualTo(Unavailability.PROVIDER_BUSY));
	}

	@Test
	void offersOverlappingTimesOnlyForTheAppointmentBeingMoved() {
		AppointmentView current = book("Nora Beck", "nora.beck@example.com", "10:00");
		ServiceInfo cleaning = catalog.snapshot().service("annual_cleaning").orElseThrow();

		assertThat(availability.slots(cleaning, DAY, DAY, Optional.of(PROVIDER))).extracting(Slot::start)
			.doesNotContain(at("10:00"), at("10:30"));
		assertThat(availability.slots(cleaning, DAY, DAY, Optional.of(PROVIDER), current.id())).extracting(Slot::start)
			.contains(at("10:00"), at("10:30"));
		assertThat(availability.staffSlots(cleaning, DAY, Optional.of(PROVIDER), current.id())).extracting(Slot::start)
			.contains(at("10:30"));
	}

	private AppointmentView book(String name, String email, String time) {
		Booking.Outcome outcome = booking
			.book(new Booking.BookRequest(name, email, null, null, Channel.EMAIL, "annual_cleaning", at(time),
					Optional.of(PROVIDER), Optional.empty(), null, CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		assertThat(outcome).isInstanceOf(Booking.Done.class);
		return ((Booking.Done) outcome).appointment();
	}

	private Instant at(String time) {
		ZoneId zone = catalog.snapshot().zone();
		return LocalDateTime.of(DAY, java.time.LocalTime.parse(time)).atZone(zone).toInstant();
	}

}
