package io.smiledesk.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.ClinicAdministration;
import io.smiledesk.clinic.ClinicAdministration.ProviderDraft;
import io.smiledesk.clinic.ClinicAdministration.ServiceDraft;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ProviderRole;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.clinic.WeeklyHours;

/** Brightside Dental, the clinic every fresh installation starts with. */
final class DemoClinic {

	private DemoClinic() {
	}

	static void seed(ClinicAdministration clinic, int year) {
		clinic.configure(
				new ClinicProfile("Brightside Dental",
						new ClinicProfile.Address("210 Maple Avenue, Suite 3", "Springfield", "NJ", "07081", "US"),
						"+1 973-555-0142", "+1 973-555-0199", "hello@brightside-dental.example",
						"https://brightside-dental.example", ZoneId.of("America/New_York"), "USD"),
				new BookingRules(120, 90, 15, 24, 5),
				week(Map.of(DayOfWeek.MONDAY, List.of(TimeRange.of("08:00", "17:00")), DayOfWeek.TUESDAY,
						List.of(TimeRange.of("08:00", "17:00")), DayOfWeek.WEDNESDAY,
						List.of(TimeRange.of("08:00", "19:00")), DayOfWeek.THURSDAY,
						List.of(TimeRange.of("08:00", "17:00")), DayOfWeek.FRIDAY,
						List.of(TimeRange.of("08:00", "15:00")), DayOfWeek.SATURDAY,
						List.of(TimeRange.of("09:00", "13:00")))));
		for (int y = year; y <= year + 1; y++) {
			clinic.addClosure(LocalDate.of(y, 1, 1), LocalDate.of(y, 1, 1), "New Year's Day");
			LocalDate memorialDay = LocalDate.of(y, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
			clinic.addClosure(memorialDay, memorialDay, "Memorial Day");
			clinic.addClosure(LocalDate.of(y, 7, 4), LocalDate.of(y, 7, 4), "Independence Day");
			LocalDate laborDay = LocalDate.of(y, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
			clinic.addClosure(laborDay, laborDay, "Labor Day");
			LocalDate thanksgiving = LocalDate.of(y, 11, 1)
				.with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
			clinic.addClosure(thanksgiving, thanksgiving.plusDays(1), "Thanksgiving");
			clinic.addClosure(LocalDate.of(y, 12, 24), LocalDate.of(y, 12, 26), "Christmas");
		}

		WeeklyHours lunch = weekdays(TimeRange.of("12:00", "13:00"), false);
		clinic.createProvider(new ProviderDraft("dr-maria-lopez", "Dr. Maria Lopez", ProviderRole.DENTIST, "DDS",
				"General and cosmetic dentistry; fifteen years of gentle care for nervous patients.",
				List.of("English", "Spanish"), true, weekdays(TimeRange.of("08:00", "17:00"), false), lunch));
		clinic.createProvider(new ProviderDraft("dr-james-chen", "Dr. James Chen", ProviderRole.DENTIST, "DMD",
				"Restorative dentistry, crowns and emergency care.", List.of("English"), true,
				week(Map.of(DayOfWeek.MONDAY, List.of(TimeRange.of("09:00", "17:00")), DayOfWeek.WEDNESDAY,
						List.of(TimeRange.of("11:00", "19:00")), DayOfWeek.THURSDAY,
						List.of(TimeRange.of("09:00", "17:00")), DayOfWeek.FRIDAY,
						List.of(TimeRange.of("08:00", "15:00")), DayOfWeek.SATURDAY,
						List.of(TimeRange.of("09:00", "13:00")))),
				weekdays(TimeRange.of("13:00", "13:30"), false)));
		clinic.createProvider(new ProviderDraft("dr-aisha-patel", "Dr. Aisha Patel", ProviderRole.DENTIST, "DDS",
				"Family dentistry and teeth whitening.", List.of("English", "Hindi", "Gujarati"), true,
				week(Map.of(DayOfWeek.TUESDAY, List.of(TimeRange.of("08:00", "17:00")), DayOfWeek.WEDNESDAY,
						List.of(TimeRange.of("08:00", "16:00")), DayOfWeek.THURSDAY,
						List.of(TimeRange.of("08:00", "17:00")))),
				weekdays(TimeRange.of("12:30", "13:15"), false)));
		clinic.createProvider(new ProviderDraft("sam-oneill", "Sam O'Neill", ProviderRole.HYGIENIST, "RDH",
				"Registered dental hygienist: cleanings, periodontal maintenance and prevention.", List.of("English"),
				true, weekdays(TimeRange.of("08:00", "17:00"), true), weekdays(TimeRange.of("12:00", "12:45"), true)));

		Set<ProviderRole> dentists = Set.of(ProviderRole.DENTIST);
		Set<ProviderRole> anyone = Set.of(ProviderRole.DENTIST, ProviderRole.HYGIENIST);
		clinic.createService(new ServiceDraft("annual_cleaning", "Annual Cleaning",
				"Check-up, scale and polish by a hygienist or dentist.", 45, 15, new BigDecimal("120.00"), anyone,
				true));
		clinic.createService(new ServiceDraft("teeth_whitening", "Teeth Whitening",
				"In-chair whitening session with a shade check.", 60, 15, new BigDecimal("350.00"), dentists, true));
		clinic.createService(new ServiceDraft("filling", "Filling", "Tooth-coloured composite filling.", 45, 10,
				new BigDecimal("180.00"), dentists, true));
		clinic.createService(new ServiceDraft("crown_consultation", "Crown Consultation",
				"Assessment and planning for a crown, with photos.", 30, 5, new BigDecimal("90.00"), dentists, true));
		clinic.createService(new ServiceDraft("emergency_exam", "Emergency Exam",
				"Same-day exam for pain, swelling or a broken tooth.", 30, 10, new BigDecimal("95.00"), dentists,
				true));
		clinic.createService(new ServiceDraft("new_patient_exam", "New Patient Exam",
				"Full exam with x-rays for first-time patients.", 60, 10, new BigDecimal("160.00"), dentists, true));

		clinic.createOperatory("op-1", "Operatory 1", true);
		clinic.createOperatory("op-2", "Operatory 2", true);
		clinic.createOperatory("op-3", "Operatory 3 (hygiene)", true);
	}

	private static WeeklyHours weekdays(TimeRange range, boolean includeSaturday) {
		Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.getValue() <= 5 || (includeSaturday && day == DayOfWeek.SATURDAY)) {
				days.put(day, List.of(range));
			}
		}
		return new WeeklyHours(days);
	}

	private static WeeklyHours week(Map<DayOfWeek, List<TimeRange>> days) {
		return new WeeklyHours(days);
	}

}
