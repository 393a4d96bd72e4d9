package io.smiledesk.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/** Patients, appointments and entries the waitlist tests start from. */
final class WaitlistFixtures {

	/** Monday 4 August 2025, 09:30 in New York: inside the clinic's sending hours. */
	static final Instant MORNING = Instant.parse("2025-08-04T13:30:00Z");

	/** Tuesday 5 August, 10:00 in New York. */
	static final Instant TUESDAY_TEN = Instant.parse("2025-08-05T14:00:00Z");

	/** Thursday 7 August, 10:00 in New York. */
	static final Instant THURSDAY_TEN = Instant.parse("2025-08-07T14:00:00Z");

	static final LocalDate MONDAY = LocalDate.of(2025, 8, 4);

	private final Patients patients;

	private final Booking booking;

	private final Waitlist waitlist;

	private final TestData data;

	WaitlistFixtures(Patients patients, Booking booking, Waitlist waitlist, TestData data) {
		this.patients = patients;
		this.booking = booking;
		this.waitlist = waitlist;
		this.data = data;
	}

	PatientId patient(String name, String phone) {
		return patients
			.register(new Patients.NewPatient(name, patients.contact(null, phone), null, PatientType.EXISTING,
					Channel.SMS))
			.id();
	}

	/** A cleaning with the hygienist, booked by staff. */
	UUID cleaning(String name, String phone, Instant start) {
		return book(name, phone, "Annual Cleaning", "sam-oneill", start);
	}

	/** A visit booked by staff with the provider named. */
	UUID book(String name, String phone, String service, String provider, Instant start) {
		Booking.Outcome outcome = booking
			.book(new Booking.BookRequest(name, null, phone, null, Channel.SMS, service, start, Optional.of(provider),
					Optional.empty(), null, CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		assertThat(outcome).isInstanceOf(Booking.Done.class);
		return ((Booking.Done) outcome).appointment().id();
	}

	UUID wait(PatientId patient, String service, Set<PartOfDay> parts, UUID moving) {
		return wait(patient, service, MONDAY, MONDAY.plusDays(4), parts, moving);
	}

	UUID wait(PatientId patient, String service, LocalDate earliest, LocalDate latest, Set<PartOfDay> parts,
			UUID moving) {
		Waitlist.Outcome outcome = waitlist.join(patient,
				new Waitlist.Wish(service, earliest, latest, parts, moving, null), false);
		assertThat(outcome).isInstanceOf(Waitlist.Outcome.Joined.class);
		return ((Waitlist.Outcome.Joined) outcome).entryId();
	}

	static Set<PartOfDay> mornings() {
		return EnumSet.of(PartOfDay.MORNING);
	}

	void cancel(UUID appointment) {
		assertThat(booking.cancel(appointment, "Can't make it", Booking.Actor.staff()))
			.isInstanceOf(Booking.Done.class);
		data.awaitEvents();
	}

	/** Offers by entry, as staff would see them. */
	List<java.util.Map<String, Object>> offers() {
		return data.jdbc().queryForList("select * from waitlist_offer order by sent_at, id");
	}

	String offerStatus(UUID entry) {
		return data.jdbc()
			.queryForObject("select status from waitlist_offer where entry_id = ? order by sent_at desc limit 1",
					String.class, entry);
	}

	UUID offerOf(UUID entry) {
		return data.jdbc()
			.queryForObject("select id from waitlist_offer where entry_id = ? order by sent_at desc limit 1",
					UUID.class, entry);
	}

}
