package io.smiledesk.knowledge;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.understanding.EntityExtractor;
import io.smiledesk.understanding.MessageContext;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Answers what the clinic settings know: opening hours, address, phone numbers, services
 * and prices. Anything else is "not found", so the assistant hands over instead of
 * guessing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ClinicSettingsAnswers implements ClinicQuestions {

	static final String SOURCE = "Clinic settings";

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final Pattern HOURS = Pattern
		.compile("\\b(hours?|open|opening|close|closing|closed|weekends?|saturdays?|sundays?|when are you)\\b");

	private static final Pattern ADDRESS = Pattern
		.compile("\\b(address|where are you|where is|located|location|directions|find you)\\b");

	private static final Pattern PHONE = Pattern.compile("\\b(phone|call|number|telephone|contact)\\b");

	private static final Pattern EMAIL = Pattern.compile("\\b(e-?mail)\\b");

	private static final Pattern PRICE = Pattern.compile("\\b(price|prices|cost|costs|how much|fee|fees|charge)\\b");

	private static final Pattern SERVICES = Pattern
		.compile("\\b(services|treatments|what do you (do|offer)|do you (do|offer))\\b");

	private final ClinicCatalog catalog;

	private final EntityExtractor entities;

	private final Clock clock;

	ClinicSettingsAnswers(ClinicCatalog catalog, EntityExtractor entities, Clock clock) {
		this.catalog = catalog;
		this.entities = entities;
		this.clock = clock;
	}

	@Override
	public Optional<Answer> answer(String question) {
		ClinicSnapshot clinic = catalog.snapshot();
		ClinicProfile profile = clinic.profile();
		String text = normalize(question);
		MessageContext context = new MessageContext(LocalDateTime.now(clock.withZone(clinic.zone())), clinic, null,
				List.of());
		Optional<ServiceInfo> service = Optional.ofNullable(entities.extract(question, context).serviceId())
			.flatMap(clinic::serviceById);
		if (PRICE.matcher(text).find()) {
			if (service.isPresent()) {
				ServiceInfo found = service.get();
				return Optional.of(new Answer(found.name() + " costs " + money(found, profile) + " and takes about "
						+ found.durationMinutes() + " minutes. " + found.description(), List.of(SOURCE), found.id()));
			}
			return Optional.of(new Answer("Our prices: " + servicesWithPrices(clinic) + ".", List.of(SOURCE), null));
		}
		if (HOURS.matcher(text).find()) {
			return Optional.of(new Answer("We are open " + hours(clinic) + ".", List.of(SOURCE), null));
		}
		if (ADDRESS.matcher(text).find()) {
			ClinicProfile.Address address = profile.address();
			return Optional.of(new Answer("You'll find us at " + address.line() + ", " + address.city() + ", "
					+ address.region() + " " + address.postalCode() + ".", List.of(SOURCE), null));
		}
		if (EMAIL.matcher(text).find() && profile.email() != null) {
			return Optional.of(new Answer("You can email us at " + profile.email() + ".", List.of(SOURCE), null));
		}
		if (PHONE.matcher(text).find()) {
			return Optional.of(new Answer(
					"You can call us on " + profile.phone()
							+ (profile.emergencyPhone() != null
									? "; for dental emergencies call " + profile.emergencyPhone() + "." : "."),
					List.of(SOURCE), null));
		}
		if (SERVICES.matcher(text).find()) {
			if (service.isPresent()) {
				ServiceInfo found = service.get();
				return Optional.of(new Answer("Yes, we offer " + found.name() + ": " + found.description()
						+ " It costs " + money(found, profile) + ".", List.of(SOURCE), found.id()));
			}
			return Optional.of(new Answer("We offer " + servicesWithPrices(clinic) + ".", List.of(SOURCE), null));
		}
		return Optional.empty();
	}

	private static String servicesWithPrices(ClinicSnapshot clinic) {
		return clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.map(service -> service.name() + " (" + money(service, clinic.profile()) + ")")
			.collect(Collectors.joining(", "));
	}

	private static String money(ServiceInfo service, ClinicProfile profile) {
		String currency = profile.currency() == null ? "USD" : profile.currency();
		String symbol = "USD".equals(currency) ? "$" : currency + " ";
		return symbol + service.price().stripTrailingZeros().toPlainString();
	}

	static String hours(ClinicSnapshot clinic) {
		List<String> parts = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TimeRange> ranges = clinic.openingHours().on(day);
			String dayName = day.getDisplayName(TextStyle.FULL, Locale.US);
			if (ranges.isEmpty()) {
				parts.add(dayName + " closed");
			}
			else {
				parts.add(dayName + " "
						+ ranges.stream()
							.map(range -> HOUR.format(range.start()) + " to " + HOUR.format(range.end()))
							.collect(Collectors.joining(" and ")));
			}
		}
		return String.join(", ", parts);
	}

	private static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9@.\\- ]", " ");
	}

}
