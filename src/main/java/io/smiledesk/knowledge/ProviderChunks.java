package io.smiledesk.knowledge;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;

/**
 * The providers' public profiles as chunks titled "Providers": the team, one profile per
 * active provider (role, qualification, biography, languages, working days and hours, the
 * services they do), who works on each day, and who speaks which language. Rebuilt
 * whenever a provider changes. Breaks and time off are not published.
 */
final class ProviderChunks {

	static final String TITLE = "Providers";

	private ProviderChunks() {
	}

	static List<Chunk> of(ClinicSnapshot clinic) {
		List<ProviderInfo> providers = clinic.activeProviders();
		List<Chunk> chunks = new ArrayList<>();
		if (providers.isEmpty()) {
			return chunks;
		}
		List<String> team = providers.stream().map(provider -> provider.name() + " (" + role(provider) + ")").toList();
		StringBuilder overview = new StringBuilder("Our team: " + list(team, "and") + ".");
		for (var role : io.smiledesk.clinic.ProviderRole.values()) {
			List<String> names = providers.stream()
				.filter(provider -> provider.role() == role)
				.map(ProviderInfo::name)
				.toList();
			if (!names.isEmpty()) {
				String kind = role.name().toLowerCase(Locale.ROOT);
				overview.append("\nOur ")
					.append(names.size() == 1 ? kind + " is " : kind + "s are ")
					.append(list(names, "and"))
					.append('.');
			}
		}
		chunks.add(chunk(chunks, List.of("Our team"), overview.toString()));
		for (ProviderInfo provider : providers) {
			chunks.add(chunk(chunks, List.of(provider.name()), profile(provider, clinic)));
		}
		StringBuilder days = new StringBuilder("Who works on which day:");
		for (DayOfWeek day : DayOfWeek.values()) {
			List<String> working = new ArrayList<>();
			for (ProviderInfo provider : providers) {
				List<TimeRange> hours = provider.hours().on(day);
				if (!hours.isEmpty()) {
					working.add(provider.name() + " (" + role(provider) + ", " + ClinicChunks.ranges(hours) + ")");
				}
			}
			days.append("\nOn ")
				.append(ClinicChunks.plural(day))
				.append(working.isEmpty() ? " none of our providers work." : ": " + list(working, "and") + ".");
		}
		chunks.add(chunk(chunks, List.of("Working days"), days.toString()));
		Map<String, List<String>> speakers = new LinkedHashMap<>();
		for (ProviderInfo provider : providers) {
			for (String language : provider.languages()) {
				speakers.computeIfAbsent(language, key -> new ArrayList<>()).add(provider.name());
			}
		}
		if (!speakers.isEmpty()) {
			StringBuilder languages = new StringBuilder("Languages our providers speak:");
			speakers.forEach((language, names) -> languages.append('\n')
				.append(language)
				.append(" is spoken by ")
				.append(list(names, "and"))
				.append('.'));
			chunks.add(chunk(chunks, List.of("Languages"), languages.toString()));
		}
		return chunks;
	}

	/**
	 * One provider's profile, one fact per line, each naming the provider: who they are
	 * (qualification, role and biography), the languages they speak, the days they work
	 * (and do not), and the services they do.
	 */
	private static String profile(ProviderInfo provider, ClinicSnapshot clinic) {
		StringBuilder text = new StringBuilder(provider.name());
		if (provider.title() != null && !provider.title().isBlank()) {
			text.append(" (").append(provider.title().strip()).append(')');
		}
		text.append(", ").append(role(provider));
		if (provider.bio() != null && !provider.bio().isBlank()) {
			String bio = provider.bio().strip();
			text.append(": ").append(bio);
			if (!bio.matches(".*[.!?]$")) {
				text.append('.');
			}
		}
		else {
			text.append('.');
		}
		if (!provider.languages().isEmpty()) {
			text.append('\n')
				.append(provider.name())
				.append(" speaks ")
				.append(list(provider.languages(), "and"))
				.append('.');
		}
		List<String> days = new ArrayList<>();
		List<String> off = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TimeRange> hours = provider.hours().on(day);
			String name = day.getDisplayName(TextStyle.FULL, Locale.US);
			if (hours.isEmpty()) {
				off.add(name);
			}
			else {
				days.add(name + " " + ClinicChunks.ranges(hours));
			}
		}
		if (!days.isEmpty()) {
			text.append('\n').append(provider.name()).append(" works on ").append(list(days, "and"));
			text.append(off.isEmpty() ? "." : ", and not on " + list(off, "or") + ".");
		}
		List<String> services = clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.filter(service -> service.canBeDoneBy(provider.role()))
			.map(ServiceInfo::name)
			.toList();
		if (!services.isEmpty()) {
			text.append('\n').append(provider.name()).append(" does ").append(list(services, "and")).append('.');
		}
		return text.toString();
	}

	/** The sentence of a service's chunk that says who does it. */
	static String whoDoes(ServiceInfo service, ClinicSnapshot clinic) {
		List<String> names = ClinicChunks.doing(service, clinic).stream().map(ProviderInfo::name).toList();
		String who = service.name() + " is done by " + ClinicChunks.roles(service.roles());
		return names.isEmpty() ? who + "." : who + ": " + list(names, "or") + ".";
	}

	private static String role(ProviderInfo provider) {
		return provider.role().name().toLowerCase(Locale.ROOT);
	}

	static String list(List<String> items, String conjunction) {
		if (items.size() <= 1) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
				+ items.get(items.size() - 1);
	}

	private static Chunk chunk(List<Chunk> chunks, List<String> headings, String text) {
		return new Chunk("providers#" + chunks.size(), null, TITLE, headings, text, null);
	}

}
