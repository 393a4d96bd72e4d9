package io.smiledesk.clinic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the clinic's website and the chat widget may read without logging in. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ClinicRestController {

	private final ClinicCatalog catalog;

	private final Clock clock;

	ClinicRestController(ClinicCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/clinic")
	PublicClinic clinic() {
		ClinicSnapshot clinic = catalog.snapshot();
		ClinicProfile profile = clinic.profile();
		LocalDate today = LocalDate.now(clock.withZone(clinic.zone()));
		List<PublicClosure> closures = clinic.closures()
			.stream()
			.filter(closure -> !closure.endsOn().isBefore(today))
			.map(closure -> new PublicClosure(closure.startsOn(), closure.endsOn(), closure.reason()))
			.toList();
		return new PublicClinic(profile.name(), profile.address(), profile.phone(), profile.emergencyPhone(),
				profile.email(), profile.website(), profile.timeZone().getId(), profile.currency(),
				HoursJson.write(clinic.openingHours()), closures);
	}

	@GetMapping("/services")
	List<PublicService> services() {
		ClinicSnapshot clinic = catalog.snapshot();
		return clinic.services()
			.stream()
			.filter(ServiceInfo::active)
			.map(service -> new PublicService(service.id(), service.name(), service.description(),
					service.durationMinutes(), service.price(), clinic.profile().currency()))
			.toList();
	}

	@GetMapping("/providers")
	List<PublicProvider> providers() {
		return catalog.snapshot()
			.activeProviders()
			.stream()
			.map(provider -> new PublicProvider(provider.id(), provider.name(), provider.role(), provider.title(),
					provider.bio(), provider.languages()))
			.toList();
	}

	record PublicClinic(String name, ClinicProfile.Address address, String phone, String emergencyPhone, String email,
			String website, String timeZone, String currency, Map<String, List<HoursJson.Range>> openingHours,
			List<PublicClosure> closures) {
	}

	record PublicClosure(LocalDate startsOn, LocalDate endsOn, String reason) {
	}

	record PublicService(String id, String name, String description, int durationMinutes, BigDecimal price,
			String currency) {
	}

	record PublicProvider(String id, String name, ProviderRole role, String title, String bio, List<String> languages) {
	}

}
