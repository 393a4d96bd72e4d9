package io.smiledesk.knowledge;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ClosureDays;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;

/**
 * The clinic settings as chunks (opening hours, closures, address and contact, each
 * active service with its price), rebuilt whenever the catalog changes so answers quote
 * live data.
 */
final class ClinicChunks {

	static final String TITLE = "Clinic settings";

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private ClinicChunks() {
	}

	static List<Chunk> of(ClinicSnapshot clinic, LocalDate today) {
		ClinicProfile profile = clinic.profile();
		List<Chunk> chunks = new ArrayList<>();
		chunks.add(chunk(chunks, List.of("Opening hours"), profile.name() + " opening hours: " + hours(clinic) + ".",
				null));
		List<String> closures = clinic.closures()
			.stream()
			.filter(closure -> !closure.endsOn().isBefore(today))
			.limit(8)
			.map(ClinicChunks::closure)
			.toList();
		if (!closures.isEmpty()) {
			chunks.add(chunk(chunks, List.of("Closed days"),
					"The clinic is closed on these days: " + String.join("; ", closures) + ".", null));
		}
		ClinicProfile.Address address = profile.address();
		StringBuilder contact = new StringBuilder(profile.name() + " is at " + address.line() + ", " + address.city()
				+ ", " + address.region() + " " + address.postalCode() + ". ");
		contact.append("Phone: ").append(profile.phone()).append('.');
		if (profile.emergencyPhone() != null) {
			contact.append(" Emergency phone line: ").append(profile.emergencyPhone()).append('.');
		}
		if (profile.email() != null) {
			contact.append(" Email: ").append(profile.email()).append('.');
		}
		if (profile.website() != null) {
			contact.append(" Website: ").append(profile.website()).append('.');
		}
		chunks.add(chunk(chunks, List.of("Address and contact"), contact.toString(), null));
		List<String> prices = clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.map(service -> service.name() + " (" + money(service, profile) + ")")
			.toList();
		if (!prices.isEmpty()) {
			chunks.add(chunk(chunks, List.of("Services and prices"),
					"Our services and what they cost: " + String.join(", ", prices) + ".", null));
		}
		for (ServiceInfo service : clinic.services()) {
			if (service.active()) {
				String description = service.description() == null ? "" : " " + service.description().strip();
				chunks.add(chunk(chunks, List.of("Services and prices", service.name()),
						service.name() + " costs " + money(service, profile) + " and takes about "
								+ service.durationMinutes() + " minutes." + description,
						service.id()));
			}
		}
		return chunks;
	}

	private static Chunk chunk(List<Chunk> chunks, List<String> headings, String text, String serviceId) {
		return new Chunk("clinic#" + chunks.size(), null, TITLE, headings, text, serviceId);
	}

	static String money(ServiceInfo service, ClinicProfile profile) {
		String currency = profile.currency() == null ? "USD" : profile.currency();
		String symbol = "USD".equals(currency) ? "$" : currency + " ";
		return symbol + service.price().stripTrailingZeros().toPlainString();
	}

	private static String hours(ClinicSnapshot clinic) {
		List<String> parts = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TimeRange> ranges = clinic.openingHours().on(day);
			String name = day.getDisplayName(TextStyle.FULL, Locale.US);
			parts.add(ranges.isEmpty() ? name + " closed"
					: name + " "
							+ ranges.stream()
								.map(range -> HOUR.format(range.start()) + " to " + HOUR.format(range.end()))
								.collect(Collectors.joining(" and ")));
		}
		return String.join("; ", parts);
	}

	private static String closure(ClosureDays closure) {
		String when = closure.startsOn().equals(closure.endsOn()) ? DAY.format(closure.startsOn())
				: DAY.format(closure.startsOn()) + " to " + DAY.format(closure.endsOn());
		return closure.reason() == null || closure.reason().isBlank() ? when : closure.reason() + " (" + when + ")";
	}

}
