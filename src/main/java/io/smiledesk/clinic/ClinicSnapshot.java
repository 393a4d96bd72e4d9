package io.smiledesk.clinic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An immutable picture of the clinic's set-up, cheap to share between requests. */
public record ClinicSnapshot(ClinicProfile profile, BookingRules rules, WeeklyHours openingHours,
		List<ClosureDays> closures, List<ServiceInfo> services, List<ProviderInfo> providers,
		List<OperatoryInfo> operatories) {

	public ClinicSnapshot {
		closures = List.copyOf(closures);
		services = List.copyOf(services);
		providers = List.copyOf(providers);
		operatories = List.copyOf(operatories);
	}

	public ZoneId zone() {
		return profile.timeZone();
	}

	/**
	 * Finds an active service by id ("teeth_whitening") or by name, ignoring case, spaces
	 * and punctuation.
	 */
	public Optional<ServiceInfo> service(String idOrName) {
		if (idOrName == null || idOrName.isBlank()) {
			return Optional.empty();
		}
		String key = normalize(idOrName);
		return services.stream()
			.filter(ServiceInfo::active)
			.filter(service -> normalize(service.id()).equals(key) || normalize(service.name()).equals(key))
			.findFirst();
	}

	/** By id, active or not (an old appointment may name a retired service). */
	public Optional<ServiceInfo> serviceById(String id) {
		return services.stream().filter(service -> service.id().equals(id)).findFirst();
	}

	public Optional<ProviderInfo> provider(String id) {
		return providers.stream().filter(provider -> provider.id().equals(id)).findFirst();
	}

	public List<ProviderInfo> activeProviders() {
		return providers.stream().filter(ProviderInfo::active).toList();
	}

	public List<OperatoryInfo> activeOperatories() {
		return operatories.stream().filter(OperatoryInfo::active).toList();
	}

	public boolean closedOn(LocalDate date) {
		return closures.stream().anyMatch(closure -> closure.includes(date));
	}

	private static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
