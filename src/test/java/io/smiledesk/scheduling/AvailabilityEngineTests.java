package io.smiledesk.scheduling;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ClosureDays;
import io.smiledesk.clinic.OperatoryInfo;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ProviderRole;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.clinic.WeeklyHours;
import io.smiledesk.scheduling.AvailabilityEngine.Evaluation;
import io.smiledesk.scheduling.AvailabilityEngine.Mode;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityEngineTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ServiceInfo CLEANING = new ServiceInfo("annual_cleaning", "Annual Cleaning", null, 45, 15,
			new BigDecimal("120"), Set.of(ProviderRole.DENTIST, ProviderRole.HYGIENIST), true);

	static final ServiceInfo WHITENING = new ServiceInfo("teeth_whitening", "Teeth Whitening", null, 60, 0,
			new BigDecimal("350"), Set.of(ProviderRole.DENTIST), true);

	/** Monday 4 August 2025, 08:00 in New York. */
	static final Instant NOW = Instant.parse("2025-08-04T12:00:00Z");

	@Test
	void offersStartsOnTheGridInsideOpeningAndWorkingHours() {
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("09:00", "12:00"))), List.of()),
				BusyTimes.none(), NOW);

		List<Slot> slots = engine.slots(WHITENING, day(2025, 8, 6), day(2025, 8, 6), Optional.empty(), Mode.PATIENT);

		assertThat(localTimes(slots)).containsExactly("09:00", "09:30", "10:00", "10:30", "11:00");
		assertThat(slots).allSatisfy(slot -> assertThat(slot.providerId()).isEqualTo("ana"));
	}

	@Test
	void skipsBreaks() {
		ProviderInfo ana = new ProviderInfo("ana", "Ana", ProviderRole.DENTIST, null, null, true,
				everyWeekday("08:00", "17:00"), everyWeekday("12:00", "13:00"), List.of());
		AvailabilityEngine engine = engine(clinic(List.of(ana), List.of()), BusyTimes.none(), NOW);

		List<String> times = localTimes(
				engine.slots(WHITENING, day(2025, 8, 6), day(2025, 8, 6), Optional.empty(), Mode.PATIENT));

		assertThat(times).contains("11:00", "13:00").doesNotContain("11:30", "12:00", "12:30");
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 11, 30), "ana"))
			.isEqualTo(unavailable(Unavailability.PROVIDER_ON_BREAK));
	}

	@Test
	void keepsTheBufferAfterAnExistingAppointmentFree() {
		// an existing cleaning 09:00-09:45 plus 15 minutes of buffer occupies the
		// provider until 10:00
		BusyTimes busy = BusyTimes.builder()
			.add(new Placement("ana", "op-1", local(2025, 8, 6, 9, 0), Duration.ofMinutes(45), Duration.ofMinutes(15)))
			.build();
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("08:00", "17:00"))), List.of()),
				busy, NOW);

		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 9, 45), "ana"))
			.isEqualTo(unavailable(Unavailability.PROVIDER_BUSY));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), "ana"))
			.isInstanceOf(Evaluation.Available.class);
		// the new appointment's own buffer must not run into the next one either
		assertThat(evaluate(engine, CLEANING, local(2025, 8, 6, 8, 0), "ana")).isInstanceOf(Evaluation.Available.class);
		assertThat(evaluate(engine, CLEANING, local(2025, 8, 6, 8, 15), "ana"))
			.isEqualTo(unavailable(Unavailability.PROVIDER_BUSY));
	}

	@Test
	void skipsClosuresAndDaysTheClinicIsShut() {
		ClosureDays holiday = new ClosureDays(UUID.randomUUID(), day(2025, 8, 6), day(2025, 8, 7), "Training");
		AvailabilityEngine engine = engine(
				clinic(List.of(dentist("ana", everyWeekday("08:00", "17:00"))), List.of(holiday)), BusyTimes.none(),
				NOW);

		List<Slot> slots = engine.slots(WHITENING, day(2025, 8, 5), day(2025, 8, 10), Optional.empty(), Mode.PATIENT);

		assertThat(slots).extracting(slot -> slot.start().atZone(NEW_YORK).toLocalDate())
			.containsOnly(day(2025, 8, 5), day(2025, 8, 8));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), null))
			.isEqualTo(unavailable(Unavailability.CLINIC_CLOSED));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 9, 10, 0), null))
			.isEqualTo(unavailable(Unavailability.OUTSIDE_OPENING_HOURS));
	}

	@Test
	void rejectsTimesOutsideOpeningHoursEvenWhenTheProviderWorks() {
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("06:00", "22:00"))), List.of()),
				BusyTimes.none(), NOW);

		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 7, 0), null))
			.isEqualTo(unavailable(Unavailability.OUTSIDE_OPENING_HOURS));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 16, 30), null))
			.isEqualTo(unavailable(Unavailability.OUTSIDE_OPENING_HOURS));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 16, 0), null))
			.isInstanceOf(Evaluation.Available.class);
	}

	@Test
	void honoursTimeOff() {
		ProviderInfo ana = new ProviderInfo("ana", "Ana", ProviderRole.DENTIST, null, null, true,
				everyWeekday("08:00", "17:00"), WeeklyHours.none(), List.of(new ProviderInfo.Absence(UUID.randomUUID(),
						local(2025, 8, 6, 0, 0), local(2025, 8, 7, 0, 0), "Course")));
		AvailabilityEngine engine = engine(clinic(List.of(ana), List.of()), BusyTimes.none(), NOW);

		assertThat(engine.slots(WHITENING, day(2025, 8, 6), day(2025, 8, 6), Optional.empty(), Mode.PATIENT)).isEmpty();
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), "ana"))
			.isEqualTo(unavailable(Unavailability.PROVIDER_AWAY));
		assertThat(engine.slots(WHITENING, day(2025, 8, 7), day(2025, 8, 7), Optional.empty(), Mode.PATIENT))
			.isNotEmpty();
	}

	@Test
	void needsAFreeOperatoryAsWellAsAFreeProvider() {
		// two dentists but one chair: once the chair is taken, neither can see a patient
		BusyTimes busy = BusyTimes.builder()
			.add(new Placement("ana", "op-1", local(2025, 8, 6, 10, 0), Duration.ofMinutes(60), Duration.ZERO))
			.build();
		ClinicSnapshot clinic = clinic(
				List.of(dentist("ana", everyWeekday("08:00", "17:00")), dentist("ben", everyWeekday("08:00", "17:00"))),
				List.of(), List.of(new OperatoryInfo("op-1", "1", true)));
		AvailabilityEngine engine = new AvailabilityEngine(clinic, busy, NOW);

		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), "ben"))
			.isEqualTo(unavailable(Unavailability.NO_OPERATORY_FREE));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 11, 0), "ben"))
			.isInstanceOf(Evaluation.Available.class);
	}

	@Test
	void choosesAnotherProviderWhenTheFirstIsBusy() {
		BusyTimes busy = BusyTimes.builder()
			.add(new Placement("ana", "op-1", local(2025, 8, 6, 10, 0), Duration.ofMinutes(60), Duration.ZERO))
			.build();
		AvailabilityEngine engine = engine(clinic(
				List.of(dentist("ana", everyWeekday("08:00", "17:00")), dentist("ben", everyWeekday("08:00", "17:00"))),
				List.of()), busy, NOW);

		Evaluation evaluation = evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), null);

		assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Available.class, available -> {
			assertThat(available.placement().providerId()).isEqualTo("ben");
			assertThat(available.placement().operatoryId()).isEqualTo("op-2");
		});
	}

	@Test
	void putsTheAppointmentInTheRoomThatWasBusyMostRecently() {
		// op-1 was free since 08:00, op-2 since 09:45: a 10:00 start goes to op-2 and
		// keeps op-1's long stretch whole
		BusyTimes busy = BusyTimes.builder()
			.add(new Placement("ben", "op-1", local(2025, 8, 6, 7, 0), Duration.ofMinutes(60), Duration.ZERO))
			.add(new Placement("ben", "op-2", local(2025, 8, 6, 9, 0), Duration.ofMinutes(45), Duration.ZERO))
			.build();
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("08:00", "17:00"))), List.of()),
				busy, NOW);

		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), "ana")).isInstanceOfSatisfying(
				Evaluation.Available.class,
				available -> assertThat(available.placement().operatoryId()).isEqualTo("op-2"));
		assertThat(busy.idleBefore("O:op-2", local(2025, 8, 6, 10, 0))).isEqualTo(15 * 60);
		assertThat(busy.idleBefore("O:op-3", local(2025, 8, 6, 10, 0))).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void onlyOffersServicesToQualifiedProviders() {
		ProviderInfo sam = new ProviderInfo("sam", "Sam", ProviderRole.HYGIENIST, null, null, true,
				everyWeekday("08:00", "17:00"), WeeklyHours.none(), List.of());
		AvailabilityEngine engine = engine(clinic(List.of(sam), List.of()), BusyTimes.none(), NOW);

		assertThat(engine.slots(WHITENING, day(2025, 8, 6), day(2025, 8, 6), Optional.empty(), Mode.PATIENT)).isEmpty();
		assertThat(engine.slots(CLEANING, day(2025, 8, 6), day(2025, 8, 6), Optional.empty(), Mode.PATIENT))
			.isNotEmpty();
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), "sam"))
			.isEqualTo(unavailable(Unavailability.PROVIDER_NOT_QUALIFIED));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 0), null))
			.isEqualTo(unavailable(Unavailability.NO_QUALIFIED_PROVIDER));
	}

	@Test
	void holdsPatientsToNoticeAndHorizonButNotStaff() {
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("08:00", "17:00"))), List.of()),
				BusyTimes.none(), NOW);
		// notice is 120 minutes: 08:00 now, 09:00 too soon, 10:00 fine
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 4, 9, 0), null))
			.isEqualTo(unavailable(Unavailability.TOO_SOON));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 4, 10, 0), null))
			.isInstanceOf(Evaluation.Available.class);
		assertThat(
				engine.evaluate(WHITENING, WHITENING.duration(), local(2025, 8, 4, 9, 0), Optional.empty(), Mode.STAFF))
			.isInstanceOf(Evaluation.Available.class);
		// horizon is 90 days
		assertThat(evaluate(engine, WHITENING, local(2025, 11, 5, 10, 0), null))
			.isEqualTo(unavailable(Unavailability.TOO_FAR_AHEAD));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 4, 7, 0), null))
			.isEqualTo(unavailable(Unavailability.IN_PAST));
		assertThat(
				engine.evaluate(WHITENING, WHITENING.duration(), local(2025, 8, 4, 7, 0), Optional.empty(), Mode.STAFF))
			.isEqualTo(unavailable(Unavailability.IN_PAST));
		List<Slot> today = engine.slots(WHITENING, day(2025, 8, 4), day(2025, 8, 4), Optional.empty(), Mode.PATIENT);
		assertThat(localTimes(today).get(0)).isEqualTo("10:00");
	}

	@Test
	void aRecallVisitMayBeBookedBeyondTheHorizonAndNothingElse() {
		RecallHorizon recall = RecallHorizon.of(List.of("Annual Cleaning"), java.time.Duration.ofDays(400));
		AvailabilityEngine engine = new AvailabilityEngine(
				clinic(List.of(dentist("ana", everyWeekday("08:00", "17:00"))), List.of()), BusyTimes.none(), NOW,
				recall);
		// six months and a day ahead: past the 90-day horizon, inside the recall one
		Instant nextCheckUp = local(2026, 2, 5, 10, 0);
		assertThat(evaluate(engine, CLEANING, nextCheckUp, null)).isInstanceOf(Evaluation.Available.class);
		assertThat(engine.slots(CLEANING, day(2026, 2, 5), day(2026, 2, 5), Optional.empty(), Mode.PATIENT))
			.isNotEmpty();
		assertThat(evaluate(engine, WHITENING, nextCheckUp, null)).isEqualTo(unavailable(Unavailability.TOO_FAR_AHEAD));
		assertThat(engine.slots(WHITENING, day(2026, 2, 5), day(2026, 2, 5), Optional.empty(), Mode.PATIENT)).isEmpty();
		assertThat(evaluate(engine, CLEANING, local(2026, 9, 10, 10, 0), null))
			.isEqualTo(unavailable(Unavailability.TOO_FAR_AHEAD));
	}

	@Test
	void refusesStartsOffTheFiveMinuteGrid() {
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("08:00", "17:00"))), List.of()),
				BusyTimes.none(), NOW);

		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 2), null))
			.isEqualTo(unavailable(Unavailability.NOT_ON_GRID));
		assertThat(evaluate(engine, WHITENING, local(2025, 8, 6, 10, 5), null))
			.isInstanceOf(Evaluation.Available.class);
	}

	@Test
	void keepsLocalOpeningHoursAcrossTheSpringForwardWeek() {
		// DST starts Sunday 9 March 2025: New York moves from UTC-5 to UTC-4
		Instant friday = Instant.parse("2025-03-07T12:00:00Z");
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("09:00", "11:00"))), List.of()),
				BusyTimes.none(), friday);

		List<Slot> slots = engine.slots(WHITENING, day(2025, 3, 7), day(2025, 3, 11), Optional.empty(), Mode.PATIENT);

		assertThat(slots).extracting(Slot::start)
			.contains(Instant.parse("2025-03-07T14:00:00Z"), Instant.parse("2025-03-10T13:00:00Z"))
			.doesNotContain(Instant.parse("2025-03-10T14:30:00Z"));
		assertThat(slots).allSatisfy(slot -> {
			assertThat(slot.start().atZone(NEW_YORK).getHour()).isBetween(9, 9 + 1);
			assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(Duration.ofMinutes(60));
		});
		assertThat(localTimes(slots)).containsOnly("09:00", "09:30", "10:00");
	}

	@Test
	void keepsLocalOpeningHoursAcrossTheFallBackWeek() {
		// DST ends Sunday 2 November 2025: New York moves from UTC-4 to UTC-5
		Instant thursday = Instant.parse("2025-10-30T12:00:00Z");
		AvailabilityEngine engine = engine(clinic(List.of(dentist("ana", everyWeekday("09:00", "10:00"))), List.of()),
				BusyTimes.none(), thursday);

		List<Slot> slots = engine.slots(WHITENING, day(2025, 10, 31), day(2025, 11, 3), Optional.empty(), Mode.PATIENT);

		assertThat(slots).extracting(Slot::start)
			.containsExactly(Instant.parse("2025-10-31T13:00:00Z"), Instant.parse("2025-11-03T14:00:00Z"));
	}

	@Test
	void opensOnSundayOnlyWhenTheClinicDoes() {
		// a clinic open across the spring-forward night: 01:00-04:00 local on 9 March
		// 2025 lasts two real hours
		Map<DayOfWeek, List<TimeRange>> sunday = new EnumMap<>(DayOfWeek.class);
		sunday.put(DayOfWeek.SUNDAY, List.of(TimeRange.of("01:00", "04:00")));
		WeeklyHours hours = new WeeklyHours(sunday);
		ClinicSnapshot clinic = new ClinicSnapshot(profile(), rules(), hours, List.of(), List.of(WHITENING),
				List.of(dentist("ana", hours)), List.of(new OperatoryInfo("op-1", "1", true)));
		AvailabilityEngine engine = new AvailabilityEngine(clinic, BusyTimes.none(),
				Instant.parse("2025-03-01T00:00:00Z"));

		List<Slot> slots = engine.slots(WHITENING, day(2025, 3, 9), day(2025, 3, 9), Optional.empty(), Mode.PATIENT);

		// 01:00 EST and 01:30 EST fit (ending 03:00 and 03:30 EDT); 03:00 EDT fits;
		// nothing exists at 02:xx local
		assertThat(slots).extracting(Slot::start)
			.containsExactly(Instant.parse("2025-03-09T06:00:00Z"), Instant.parse("2025-03-09T06:30:00Z"),
					Instant.parse("2025-03-09T07:00:00Z"));
	}

	// --- fixtures

	static AvailabilityEngine engine(ClinicSnapshot clinic, BusyTimes busy, Instant now) {
		return new AvailabilityEngine(clinic, busy, now);
	}

	static Evaluation evaluate(AvailabilityEngine engine, ServiceInfo service, Instant start, String provider) {
		return engine.evaluate(service, service.duration(), start, Optional.ofNullable(provider), Mode.PATIENT);
	}

	static Evaluation unavailable(Unavailability reason) {
		return new Evaluation.Unavailable(reason);
	}

	static ClinicSnapshot clinic(List<ProviderInfo> providers, List<ClosureDays> closures) {
		return clinic(providers, closures,
				List.of(new OperatoryInfo("op-1", "1", true), new OperatoryInfo("op-2", "2", true)));
	}

	static ClinicSnapshot clinic(List<ProviderInfo> providers, List<ClosureDays> closures,
			List<OperatoryInfo> operatories) {
		return new ClinicSnapshot(profile(), rules(), everyWeekday("08:00", "17:00"), closures,
				List.of(CLEANING, WHITENING), providers, operatories);
	}

	static ClinicProfile profile() {
		return new ClinicProfile("Test", new ClinicProfile.Address("1 Main St", "Town", null, null, "US"), "+1", null,
				null, null, NEW_YORK, "USD");
	}

	static BookingRules rules() {
		return new BookingRules(120, 90, 30, 24, 5);
	}

	static ProviderInfo dentist(String id, WeeklyHours hours) {
		return new ProviderInfo(id, id, ProviderRole.DENTIST, null, null, true, hours, WeeklyHours.none(), List.of());
	}

	static WeeklyHours everyWeekday(String from, String to) {
		Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			days.put(day, List.of(TimeRange.of(from, to)));
		}
		return new WeeklyHours(days);
	}

	static LocalDate day(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(NEW_YORK).toInstant();
	}

	static List<String> localTimes(List<Slot> slots) {
		return slots.stream().map(slot -> slot.start().atZone(NEW_YORK).toLocalTime().toString()).distinct().toList();
	}

}
