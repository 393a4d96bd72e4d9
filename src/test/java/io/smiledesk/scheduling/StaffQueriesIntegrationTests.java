package io.smiledesk.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The queries the staff console reads the schedule with. */
@IntegrationTest
class StaffQueriesIntegrationTests {

	private static final LocalDate MONDAY = LocalDate.of(2025, 8, 4);

	@Autowired
	Availability availability;

	@Autowired
	Appointments appointments;

	@Autowired
	Booking booking;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void staffSlotsIncludeShortNoticeTimesButNotThePastOrTakenTimes() {
		// the test clock stands at 08:00 on Monday in New York; patients need two hours'
		// notice
		ServiceInfo filling = catalog.snapshot().service("filling").orElseThrow();
		book("ana@example.com", "2025-08-04T13:00:00Z", "dr-maria-lopez");

		List<Instant> staff = starts(availability.staffSlots(filling, MONDAY, Optional.of("dr-maria-lopez")));
		List<Instant> patient = starts(availability.slots(filling, MONDAY, MONDAY, Optional.of("dr-maria-lopez")));

		assertThat(staff).contains(Instant.parse("2025-08-04T12:00:00Z"), Instant.parse("2025-08-04T15:00:00Z"))
			.doesNotContain(Instant.parse("2025-08-04T13:00:00Z"));
		assertThat(patient).doesNotContain(Instant.parse("2025-08-04T12:00:00Z"))
			.contains(Instant.parse("2025-08-04T15:00:00Z"));
		assertThat(availability.staffSlots(filling, MONDAY.minusDays(1), Optional.empty())).isEmpty();
	}

	@Test
	void listsEveryAppointmentOfAPatientLatestFirst() {
		AppointmentView first = book("ana@example.com", "2025-08-05T14:00:00Z", "dr-aisha-patel");
		AppointmentView second = book("ana@example.com", "2025-08-12T14:00:00Z", "dr-aisha-patel");
		book("ben@example.com", "2025-08-06T14:00:00Z", "dr-aisha-patel");
		booking.cancel(first.id(), "moved away", Booking.Actor.staff());

		List<AppointmentView> visits = appointments.ofPatient(first.patientId());

		assertThat(visits).extracting(AppointmentView::id).containsExactly(second.id(), first.id());
		assertThat(visits.get(1).status()).isEqualTo(AppointmentStatus.CANCELLED);
	}

	private AppointmentView book(String email, String start, String provider) {
		Booking.Outcome outcome = booking
			.book(new Booking.BookRequest("Test Patient", email, null, null, null, "filling", Instant.parse(start),
					Optional.of(provider), Optional.empty(), null, CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		return ((Booking.Done) outcome).appointment();
	}

	private static List<Instant> starts(List<Slot> slots) {
		return slots.stream().map(Slot::start).toList();
	}

}
