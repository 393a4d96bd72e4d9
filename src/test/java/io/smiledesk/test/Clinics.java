package io.smiledesk.test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ProviderRole;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.WeeklyHours;
import io.smiledesk.understanding.MessageContext;

/** Clinics for reading messages without Spring: the demo clinic's catalog, or another. */
public final class Clinics {

	/** Monday 4 August 2025, 08:00 clinic time, like the integration tests' clock. */
	public static final LocalDateTime NOW = LocalDateTime.of(2025, 8, 4, 8, 0);

	private Clinics() {
	}

	public static ClinicSnapshot demo() {
		return clinic(
				List.of(service("annual_cleaning", "Annual Cleaning"), service("teeth_whitening", "Teeth Whitening"),
						service("filling", "Filling"), service("crown_consultation", "Crown Consultation"),
						service("emergency_exam", "Emergency Exam"), service("new_patient_exam", "New Patient Exam")),
				List.of(provider("dr-maria-lopez", "Dr. Maria Lopez", true),
						provider("dr-james-chen", "Dr. James Chen", true),
						provider("dr-aisha-patel", "Dr. Aisha Patel", true),
						provider("sam-oneill", "Sam O'Neill", true)));
	}

	public static ClinicSnapshot clinic(List<ServiceInfo> services, List<ProviderInfo> providers) {
		return new ClinicSnapshot(
				new ClinicProfile("Test Dental",
						new ClinicProfile.Address("1 Main St", "Springfield", "NJ", "07081", "US"), "+1 973-555-0142",
						null, "hello@test.example", null, ZoneId.of("America/New_York"), "USD"),
				new BookingRules(120, 90, 15, 24, 5), WeeklyHours.none(), List.of(), services, providers, List.of());
	}

	public static MessageContext context(String awaiting) {
		return new MessageContext(NOW, demo(), awaiting, List.of());
	}

	public static ServiceInfo service(String id, String name) {
		return new ServiceInfo(id, name, "", 30, 10, new BigDecimal("100.00"), Set.of(ProviderRole.DENTIST), true);
	}

	public static ServiceInfo retired(String id, String name) {
		return new ServiceInfo(id, name, "", 30, 10, new BigDecimal("100.00"), Set.of(ProviderRole.DENTIST), false);
	}

	public static ProviderInfo provider(String id, String name, boolean active) {
		return new ProviderInfo(id, name, ProviderRole.DENTIST, "DDS", "", active, WeeklyHours.none(),
				WeeklyHours.none(), List.of());
	}

}
