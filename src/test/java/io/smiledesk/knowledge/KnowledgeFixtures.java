package io.smiledesk.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ClosureDays;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ProviderRole;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.clinic.WeeklyHours;
import io.smiledesk.system.SentenceEmbeddings;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Brightside Dental's knowledge base and settings, without Spring. */
final class KnowledgeFixtures {

	static final LocalDate TODAY = LocalDate.of(2025, 8, 4);

	static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();

	private KnowledgeFixtures() {
	}

	/** The demo documents from resources/demo/knowledge, with fresh ids. */
	static List<KnowledgeDocumentView> demoDocuments() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/knowledge/*.md");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<KnowledgeDocumentView> documents = new ArrayList<>();
			for (Resource file : files) {
				try (InputStream in = file.getInputStream()) {
					documents.add(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static KnowledgeDocumentView parse(String text) {
		int end = text.indexOf("\n---\n", 4);
		String title = null;
		List<String> tags = List.of();
		for (String line : text.substring(4, end).split("\n")) {
			if (line.startsWith("title:")) {
				title = line.substring(6).strip();
			}
			else if (line.startsWith("tags:")) {
				tags = Arrays.stream(line.substring(5).split(",")).map(String::strip).toList();
			}
		}
		return document(title, text.substring(end + 5).strip(), tags);
	}

	static KnowledgeDocumentView document(String title, String body, List<String> tags) {
		return new KnowledgeDocumentView(UUID.randomUUID(), title, body, tags, "test", Instant.EPOCH, Instant.EPOCH, 0);
	}

	/** The demo knowledge base and clinic settings in a fresh index. */
	static KnowledgeIndex demoIndex() {
		KnowledgeIndex index = new KnowledgeIndex(EMBEDDINGS);
		for (KnowledgeDocumentView document : demoDocuments()) {
			index.replace(document.id().toString(), KnowledgeSearch.chunks(document));
		}
		ClinicSnapshot clinic = demoClinic();
		index.replace(KnowledgeSearch.CLINIC_GROUP, ClinicChunks.of(clinic, TODAY));
		index.replace(KnowledgeSearch.PROVIDERS_GROUP, ProviderChunks.of(clinic));
		return index;
	}

	static ClinicSnapshot demoClinic() {
		Set<ProviderRole> dentists = Set.of(ProviderRole.DENTIST);
		Set<ProviderRole> anyone = Set.of(ProviderRole.DENTIST, ProviderRole.HYGIENIST);
		List<ServiceInfo> services = List.of(
				new ServiceInfo("annual_cleaning", "Annual Cleaning",
						"Check-up, scale and polish by a hygienist or dentist.", 45, 15, new BigDecimal("120.00"),
						anyone, true),
				new ServiceInfo("teeth_whitening", "Teeth Whitening", "In-chair whitening session with a shade check.",
						60, 15, new BigDecimal("350.00"), dentists, true),
				new ServiceInfo("filling", "Filling", "Tooth-coloured composite filling.", 45, 10,
						new BigDecimal("180.00"), dentists, true),
				new ServiceInfo("crown_consultation", "Crown Consultation",
						"Assessment and planning for a crown, with photos.", 30, 5, new BigDecimal("90.00"), dentists,
						true),
				new ServiceInfo("emergency_exam", "Emergency Exam",
						"Same-day exam for pain, swelling or a broken tooth.", 30, 10, new BigDecimal("95.00"),
						dentists, true),
				new ServiceInfo("new_patient_exam", "New Patient Exam",
						"Full exam with x-rays for first-time patients.", 60, 10, new BigDecimal("160.00"), dentists,
						true));
		WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of(TimeRange.of("08:00", "17:00")),
				DayOfWeek.TUESDAY, List.of(TimeRange.of("08:00", "17:00")), DayOfWeek.WEDNESDAY,
				List.of(TimeRange.of("08:00", "19:00")), DayOfWeek.THURSDAY, List.of(TimeRange.of("08:00", "17:00")),
				DayOfWeek.FRIDAY, List.of(TimeRange.of("08:00", "15:00")), DayOfWeek.SATURDAY,
				List.of(TimeRange.of("09:00", "13:00"))));
		List<ClosureDays> closures = List.of(
				new ClosureDays(UUID.randomUUID(), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 1), "Labor Day"),
				new ClosureDays(UUID.randomUUID(), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 11, 28),
						"Thanksgiving"),
				new ClosureDays(UUID.randomUUID(), LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 26),
						"Christmas"));
		return new ClinicSnapshot(
				new ClinicProfile("Brightside Dental",
						new ClinicProfile.Address("210 Maple Avenue, Suite 3", "Springfield", "NJ", "07081", "US"),
						"+1 973-555-0142", "+1 973-555-0199", "hello@brightside-dental.example",
						"https://brightside-dental.example", ZoneId.of("America/New_York"), "USD"),
				new BookingRules(120, 90, 15, 24, 5), hours, closures, services, providers(), List.of());
	}

	/** The demo clinic's providers, as {@code DemoClinic} seeds them. */
	static List<ProviderInfo> providers() {
		WeeklyHours lunch = weekdays(TimeRange.of("12:00", "13:00"), false);
		return List.of(
				new ProviderInfo("dr-aisha-patel", "Dr. Aisha Patel", ProviderRole.DENTIST, "DDS",
						"Family dentistry and teeth whitening.", List.of("English", "Hindi", "Gujarati"), true,
						new WeeklyHours(Map.of(DayOfWeek.TUESDAY, List.of(TimeRange.of("08:00", "17:00")),
								DayOfWeek.WEDNESDAY, List.of(TimeRange.of("08:00", "16:00")), DayOfWeek.THURSDAY,
								List.of(TimeRange.of("08:00", "17:00")))),
						lunch, List.of()),
				new ProviderInfo("dr-james-chen", "Dr. James Chen", ProviderRole.DENTIST, "DMD",
						"Restorative dentistry, crowns and emergency care.", List.of("English"), true,
						new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of(TimeRange.of("09:00", "17:00")),
								DayOfWeek.WEDNESDAY, List.of(TimeRange.of("11:00", "19:00")), DayOfWeek.THURSDAY,
								List.of(TimeRange.of("09:00", "17:00")), DayOfWeek.FRIDAY,
								List.of(TimeRange.of("08:00", "15:00")), DayOfWeek.SATURDAY,
								List.of(TimeRange.of("09:00", "13:00")))),
						lunch, List.of()),
				new ProviderInfo("dr-maria-lopez", "Dr. Maria Lopez", ProviderRole.DENTIST, "DDS",
						"General and cosmetic dentistry; fifteen years of gentle care for nervous patients.",
						List.of("English", "Spanish"), true, weekdays(TimeRange.of("08:00", "17:00"), false), lunch,
						List.of()),
				new ProviderInfo("sam-oneill", "Sam O'Neill", ProviderRole.HYGIENIST, "RDH",
						"Registered dental hygienist: cleanings, periodontal maintenance and prevention.",
						List.of("English"), true, weekdays(TimeRange.of("08:00", "17:00"), true), lunch, List.of()));
	}

	private static WeeklyHours weekdays(TimeRange range, boolean includeSaturday) {
		Map<DayOfWeek, List<TimeRange>> days = new java.util.EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.getValue() <= 5 || (includeSaturday && day == DayOfWeek.SATURDAY)) {
				days.put(day, List.of(range));
			}
		}
		return new WeeklyHours(days);
	}

}
