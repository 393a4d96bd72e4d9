package io.smiledesk.knowledge;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.smiledesk.clinic.BookingRules;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ClosureDays;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ProviderRole;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;

/**
 * The clinic settings as chunks (opening hours day by day, closures, address and contact,
 * booking rules, each active service with its price, duration and who does it), rebuilt
 * whenever the catalog changes so answers quote live data. One fact per line, so that an
 * answer can quote the line that answers the question.
 */
final class ClinicChunks {

	static final String TITLE = "Clinic settings";

	static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private ClinicChunks() {
	}

	static List<Chunk> of(ClinicSnapshot clinic, LocalDate today) {
		ClinicProfile profile = clinic.profile();
		List<Chunk> chunks = new ArrayList<>();
		chunks.add(chunk(chunks, List.of("Opening hours"), profile.name() + " opening hours: " + week(clinic) + ".",
				null));
		StringBuilder hours = new StringBuilder("Opening hours day by day:");
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TimeRange> ranges = clinic.openingHours().on(day);
			hours.append('\n')
				.append(ranges.isEmpty() ? "On " + plural(day) + " we are closed."
						: "On " + plural(day) + " we open at " + HOUR.format(ranges.get(0).start()) + " and close at "
								+ HOUR.format(ranges.get(ranges.size() - 1).end()) + ".");
		}
		chunks.add(chunk(chunks, List.of("Opening hours", "Day by day"), hours.toString(), null));
		List<String> closures = clinic.closures()
			.stream()
			.filter(closure -> !closure.endsOn().isBefore(today))
			.limit(8)
			.map(ClinicChunks::closure)
			.toList();
		if (!closures.isEmpty()) {
			chunks.add(chunk(chunks, List.of("Closed days"),
					"The clinic is closed on these days:\n" + String.join("\n", closures), null));
		}
		ClinicProfile.Address address = profile.address();
		StringBuilder contact = new StringBuilder(profile.name() + " is at " + address.line() + ", " + address.city()
				+ ", " + address.region() + " " + address.postalCode() + ".");
		contact.append("\nPhone: ").append(profile.phone()).append('.');
		if (profile.emergencyPhone() != null) {
			contact.append("\nEmergency phone line: ").append(profile.emergencyPhone()).append('.');
		}
		if (profile.email() != null) {
			contact.append("\nEmail: ").append(profile.email()).append('.');
		}
		if (profile.website() != null) {
			contact.append("\nWebsite: ").append(profile.website()).append('.');
		}
		chunks.add(chunk(chunks, List.of("Address and contact"), contact.toString(), null));
		chunks.add(chunk(chunks, List.of("Booking rules"), rules(clinic), null));
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
				String description = service.description() == null || service.description().isBlank() ? ""
						: "\n" + service.description().strip();
				chunks.add(chunk(chunks, List.of("Services and prices", service.name()),
						service.name() + " costs " + money(service, profile) + " and takes about "
								+ duration(service.durationMinutes()) + "." + description + "\n"
								+ ProviderChunks.whoDoes(service, clinic),
						service.id()));
			}
		}
		return chunks;
	}

	private static String rules(ClinicSnapshot clinic) {
		BookingRules rules = clinic.rules();
		String zone = clinic.zone().getDisplayName(TextStyle.FULL, Locale.US);
		StringBuilder text = new StringBuilder("Appointment times are in the clinic's local time: " + zone + " ("
				+ clinic.zone().getId().replace('_', ' ') + ").");
		text.append("\nAppointments start every ").append(rules.slotIntervalMinutes()).append(" minutes.");
		text.append("\nWhen you pick a time, we hold it for you for ")
			.append(rules.holdMinutes())
			.append(" minutes while you confirm.");
		text.append("\nYou can book up to ")
			.append(rules.maxBookingHorizonDays())
			.append(" days ahead, and at least ")
			.append(duration(rules.minBookingNoticeMinutes()))
			.append(" before the appointment.");
		text.append("\nPlease cancel or move an appointment at least ")
			.append(rules.cancellationNoticeHours())
			.append(" hours before it.");
		String currency = clinic.profile().currency() == null ? "USD" : clinic.profile().currency();
		String name;
		try {
			name = Currency.getInstance(currency).getDisplayName(Locale.US);
		}
		catch (IllegalArgumentException unknown) {
			name = currency;
		}
		text.append("\nPrices are in ").append(name).append("s (").append(currency).append(").");
		return text.toString();
	}

	static Chunk chunk(List<Chunk> chunks, List<String> headings, String text, String serviceId) {
		return new Chunk("clinic#" + chunks.size(), null, TITLE, headings, text, serviceId);
	}

	static String money(ServiceInfo service, ClinicProfile profile) {
		String currency = profile.currency() == null ? "USD" : profile.currency();
		String symbol = "USD".equals(currency) ? "$" : currency + " ";
		return symbol + service.price().stripTrailingZeros().toPlainString();
	}

	/** "45 minutes", "1 hour", "2 hours", "90 minutes". */
	static String duration(int minutes) {
		if (minutes % 60 == 0) {
			return minutes == 60 ? "1 hour (60 minutes)" : minutes / 60 + " hours (" + minutes + " minutes)";
		}
		return minutes + " minutes";
	}

	static String plural(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.US) + "s";
	}

	static String week(ClinicSnapshot clinic) {
		List<String> parts = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TimeRange> ranges = clinic.openingHours().on(day);
			String name = day.getDisplayName(TextStyle.FULL, Locale.US);
			parts.add(ranges.isEmpty() ? name + " closed" : name + " " + ranges(ranges));
		}
		return String.join("; ", parts);
	}

	static String ranges(List<TimeRange> ranges) {
		return ranges.stream()
			.map(range -> HOUR.format(range.start()) + " to " + HOUR.format(range.end()))
			.collect(Collectors.joining(" and "));
	}

	private static String closure(ClosureDays closure) {
		String when = closure.startsOn().equals(closure.endsOn()) ? DAY.format(closure.startsOn())
				: DAY.format(closure.startsOn()) + " to " + DAY.format(closure.endsOn());
		return closure.reason() == null || closure.reason().isBlank() ? "Closed " + when + "."
				: "Closed for " + closure.reason() + ": " + when + ".";
	}

	/** "our dentists", "our dentists and hygienists". */
	static String roles(java.util.Set<ProviderRole> roles) {
		return "our " + roles.stream()
			.sorted()
			.map(role -> role.name().toLowerCase(Locale.ROOT) + "s")
			.collect(Collectors.joining(" and "));
	}

	static List<ProviderInfo> doing(ServiceInfo service, ClinicSnapshot clinic) {
		return clinic.activeProviders().stream().filter(provider -> service.canBeDoneBy(provider.role())).toList();
	}

}
