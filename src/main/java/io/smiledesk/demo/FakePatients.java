package io.smiledesk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import net.datafaker.Faker;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.patient.TreatmentRecord;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.Slot;

import org.springframework.stereotype.Component;

/**
 * Realistic fake patients, each with a past treatment (recall due dates from a month ago
 * to eight weeks ahead) and an upcoming appointment booked through the normal booking
 * rules, so generated data never breaks an invariant.
 */
@Component
class FakePatients {

	private static final String[] AREA_CODES = { "201", "551", "732", "862", "908", "973" };

	private static final String[] PROCEDURES = { "Annual Cleaning", "Filling", "Teeth Whitening", "Crown", "Root Canal",
			"Extraction", "Periodontal Maintenance" };

	private final Patients patients;

	private final Booking booking;

	private final Availability availability;

	private final ClinicCatalog catalog;

	private final Clock clock;

	FakePatients(Patients patients, Booking booking, Availability availability, ClinicCatalog catalog, Clock clock) {
		this.patients = patients;
		this.booking = booking;
		this.availability = availability;
		this.catalog = catalog;
		this.clock = clock;
	}

	record Result(int patients, int appointments) {
	}

	Result generate(int count, long seed) {
		Random random = new Random(seed);
		Faker faker = new Faker(Locale.US, random);
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = clinic.zone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<ServiceInfo> services = clinic.services().stream().filter(ServiceInfo::active).toList();
		int created = 0;
		int booked = 0;
		for (int i = 0; i < count; i++) {
			String first = faker.name().firstName();
			String last = faker.name().lastName();
			String email = (first + "." + last + (100 + random.nextInt(900))).toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9.]", "") + "@example.com";
			String phone = "+1" + AREA_CODES[random.nextInt(AREA_CODES.length)] + "555"
					+ String.format("%04d", random.nextInt(10000));
			PatientType type = PatientType.values()[random.nextInt(PatientType.values().length)];
			Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
			LocalDate birth = today.minusYears(6 + random.nextInt(80)).minusDays(random.nextInt(365));
			Patients.Contact contact = patients.contact(email, phone);
			if (patients.identify(contact).isPresent()) {
				continue;
			}
			PatientId patient = patients
				.register(new Patients.NewPatient(first + " " + last, contact, birth, type, channel))
				.id();
			created++;
			if (type != PatientType.COLD_LEAD) {
				// due from a month ago to eight weeks ahead, so the recall list has
				// overdue,
				// due and coming patients
				LocalDate due = today.minusDays(30).plusDays(random.nextInt(87));
				LocalDate performed = due.minusMonths(6);
				patients.recordTreatment(patient,
						new TreatmentRecord(null, PROCEDURES[random.nextInt(PROCEDURES.length)], performed,
								"6-month check-up and cleaning", due, null));
			}
			if (services.isEmpty() || random.nextInt(10) < 2) {
				continue;
			}
			ServiceInfo service = services.get(random.nextInt(services.size()));
			LocalDate day = today.plusDays(1 + random.nextInt(30));
			List<Slot> slots = availability.slots(service, day, day.plusDays(3), Optional.empty());
			if (slots.isEmpty()) {
				continue;
			}
			Slot slot = slots.get(random.nextInt(slots.size()));
			CreatedFrom source = CreatedFrom.values()[random.nextInt(CreatedFrom.values().length)];
			Booking.Outcome outcome = booking.book(new Booking.BookRequest(first + " " + last, email, phone, birth,
					channel, service.id(), slot.start(), Optional.of(slot.providerId()), Optional.empty(),
					faker.options().option("", "Prefers morning reminders", "Nervous patient", "Bring x-rays"), source,
					null, null, null, null));
			if (outcome instanceof Booking.Done) {
				booked++;
			}
		}
		return new Result(created, booked);
	}

}
