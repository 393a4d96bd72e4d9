package io.smiledesk.clinic;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff CRUD for the clinic's set-up. */
@PreAuthorize(Access.ANY_STAFF)
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class ClinicAdminRestController {

	private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

	private final ClinicCatalog catalog;

	private final ClinicAdministration administration;

	ClinicAdminRestController(ClinicCatalog catalog, ClinicAdministration administration) {
		this.catalog = catalog;
		this.administration = administration;
	}

	// --- clinic profile, opening hours and booking rules

	@GetMapping("/clinic")
	ClinicSettings settings() {
		ClinicSnapshot clinic = catalog.snapshot();
		ClinicProfile profile = clinic.profile();
		BookingRules rules = clinic.rules();
		return new ClinicSettings(profile.name(),
				new AddressJson(profile.address().line(), profile.address().city(), profile.address().region(),
						profile.address().postalCode(), profile.address().country()),
				profile.phone(), profile.emergencyPhone(), profile.email(), profile.website(),
				profile.timeZone().getId(), profile.currency(), HoursJson.write(clinic.openingHours()),
				new RulesJson(rules.minBookingNoticeMinutes(), rules.maxBookingHorizonDays(),
						rules.slotIntervalMinutes(), rules.cancellationNoticeHours(), rules.holdMinutes()));
	}

	@PreAuthorize(Access.MANAGERS)
	@PutMapping("/clinic")
	ClinicSettings updateSettings(@Valid @RequestBody ClinicSettings settings) {
		ZoneId zone;
		try {
			zone = ZoneId.of(settings.timeZone());
		}
		catch (DateTimeException ex) {
			throw ApiProblem.invalidField("time_zone", "is not a known time zone (e.g. America/New_York)");
		}
		try {
			Currency.getInstance(settings.currency());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("currency", "is not an ISO 4217 currency code");
		}
		AddressJson address = settings.address();
		ClinicProfile profile = new ClinicProfile(settings.name(),
				new ClinicProfile.Address(address.line(), address.city(), address.region(), address.postalCode(),
						address.country()),
				settings.phone(), settings.emergencyPhone(), settings.email(), settings.website(), zone,
				settings.currency());
		RulesJson rules = settings.bookingRules();
		administration.configure(profile,
				new BookingRules(rules.minBookingNoticeMinutes(), rules.maxBookingHorizonDays(),
						rules.slotIntervalMinutes(), rules.cancellationNoticeHours(), rules.holdMinutes()),
				HoursJson.read("opening_hours", settings.openingHours()));
		return settings();
	}

	@GetMapping("/clinic/closures")
	List<ClosureDays> closures() {
		return catalog.snapshot().closures();
	}

	@PreAuthorize(Access.MANAGERS)
	@PostMapping("/clinic/closures")
	@ResponseStatus(HttpStatus.CREATED)
	ClosureDays addClosure(@Valid @RequestBody ClosureJson closure) {
		return administration.addClosure(closure.startsOn(), closure.endsOn(), closure.reason());
	}

	@PreAuthorize(Access.MANAGERS)
	@DeleteMapping("/clinic/closures/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeClosure(@PathVariable UUID id) {
		administration.removeClosure(id);
	}

	// --- providers

	@GetMapping("/providers")
	List<ProviderJson> providers() {
		return catalog.snapshot().providers().stream().map(ProviderJson::of).toList();
	}

	@GetMapping("/providers/{id}")
	ProviderJson provider(@PathVariable String id) {
		return catalog.snapshot()
			.provider(id)
			.map(ProviderJson::of)
			.orElseThrow(() -> ApiProblem.notFound("provider", "No provider with id '" + id + "'."));
	}

	@PreAuthorize(Access.MANAGERS)
	@PostMapping("/providers")
	@ResponseStatus(HttpStatus.CREATED)
	ProviderJson createProvider(@Valid @RequestBody ProviderRequest request) {
		return ProviderJson.of(administration.createProvider(request.draft(request.id())));
	}

	@PreAuthorize(Access.MANAGERS)
	@PutMapping("/providers/{id}")
	ProviderJson updateProvider(@PathVariable String id, @Valid @RequestBody ProviderRequest request) {
		return ProviderJson.of(administration.updateProvider(id, request.draft(id)));
	}

	@PreAuthorize(Access.MANAGERS)
	@DeleteMapping("/providers/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteProvider(@PathVariable String id) {
		administration.deleteProvider(id);
	}

	@PreAuthorize(Access.MANAGERS)
	@PostMapping("/providers/{id}/time-off")
	@ResponseStatus(HttpStatus.CREATED)
	ProviderInfo.Absence addTimeOff(@PathVariable String id, @Valid @RequestBody TimeOffRequest request) {
		return administration.addTimeOff(id, request.startsAt(), request.endsAt(), request.reason());
	}

	@PreAuthorize(Access.MANAGERS)
	@DeleteMapping("/providers/{id}/time-off/{timeOffId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeTimeOff(@PathVariable String id, @PathVariable UUID timeOffId) {
		administration.removeTimeOff(id, timeOffId);
	}

	// --- services

	@GetMapping("/services")
	List<ServiceJson> services() {
		return catalog.snapshot().services().stream().map(ServiceJson::of).toList();
	}

	@GetMapping("/services/{id}")
	ServiceJson service(@PathVariable String id) {
		return catalog.snapshot()
			.serviceById(id)
			.map(ServiceJson::of)
			.orElseThrow(() -> ApiProblem.notFound("service", "No service with id '" + id + "'."));
	}

	@PreAuthorize(Access.MANAGERS)
	@PostMapping("/services")
	@ResponseStatus(HttpStatus.CREATED)
	ServiceJson createService(@Valid @RequestBody ServiceRequest request) {
		return ServiceJson.of(administration.createService(request.draft(request.id())));
	}

	@PreAuthorize(Access.MANAGERS)
	@PutMapping("/services/{id}")
	ServiceJson updateService(@PathVariable String id, @Valid @RequestBody ServiceRequest request) {
		return ServiceJson.of(administration.updateService(id, request.draft(id)));
	}

	@PreAuthorize(Access.MANAGERS)
	@DeleteMapping("/services/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteService(@PathVariable String id) {
		administration.deleteService(id);
	}

	// --- operatories

	@GetMapping("/operatories")
	List<OperatoryInfo> operatories() {
		return catalog.snapshot().operatories();
	}

	@PreAuthorize(Access.MANAGERS)
	@PostMapping("/operatories")
	@ResponseStatus(HttpStatus.CREATED)
	OperatoryInfo createOperatory(@Valid @RequestBody OperatoryRequest request) {
		return administration.createOperatory(request.id(), request.name(), request.activeOrDefault());
	}

	@PreAuthorize(Access.MANAGERS)
	@PutMapping("/operatories/{id}")
	OperatoryInfo updateOperatory(@PathVariable String id, @Valid @RequestBody OperatoryRequest request) {
		return administration.updateOperatory(id, request.name(), request.activeOrDefault());
	}

	@PreAuthorize(Access.MANAGERS)
	@DeleteMapping("/operatories/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteOperatory(@PathVariable String id) {
		administration.deleteOperatory(id);
	}

	@ExceptionHandler(SetupRefused.class)
	ApiProblem refused(SetupRefused refused) {
		return ClinicProblems.of(refused);
	}

	// --- wire formats

	record AddressJson(@NotBlank @Size(max = 300) String line, @NotBlank @Size(max = 120) String city,
			@Size(max = 120) String region, @Size(max = 20) String postalCode,
			@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code") String country) {
	}

	record RulesJson(@Min(0) @Max(10080) int minBookingNoticeMinutes, @Min(1) @Max(730) int maxBookingHorizonDays,
			@Min(5) @Max(240) int slotIntervalMinutes, @Min(0) @Max(720) int cancellationNoticeHours,
			@Min(1) @Max(60) int holdMinutes) {
	}

	record ClinicSettings(@NotBlank @Size(max = 200) String name, @NotNull @Valid AddressJson address,
			@NotBlank @Size(max = 32) String phone, @Size(max = 32) String emergencyPhone,
			@Email @Size(max = 254) String email, @Size(max = 300) String website,
			@NotBlank @Size(max = 64) String timeZone, @NotBlank @Size(min = 3, max = 3) String currency,
			@NotNull Map<String, List<HoursJson.Range>> openingHours, @NotNull @Valid RulesJson bookingRules) {
	}

	record ClosureJson(@NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
			@NotBlank @Size(max = 200) String reason) {
	}

	record ProviderJson(String id, String name, ProviderRole role, String title, String bio, List<String> languages,
			boolean active, Map<String, List<HoursJson.Range>> workingHours, Map<String, List<HoursJson.Range>> breaks,
			List<ProviderInfo.Absence> timeOff) {

		static ProviderJson of(ProviderInfo provider) {
			return new ProviderJson(provider.id(), provider.name(), provider.role(), provider.title(), provider.bio(),
					provider.languages(), provider.active(), HoursJson.write(provider.hours()),
					HoursJson.write(provider.breaks()), provider.timeOff());
		}

	}

	record ProviderRequest(
			@Pattern(regexp = ID_PATTERN, message = "must be lowercase letters, digits, - or _") String id,
			@NotBlank @Size(max = 200) String name, @NotNull ProviderRole role, @Size(max = 100) String title,
			@Size(max = 2000) String bio, List<String> languages, Boolean active,
			Map<String, List<HoursJson.Range>> workingHours, Map<String, List<HoursJson.Range>> breaks) {

		/** Languages left out are none listed. */
		ClinicAdministration.ProviderDraft draft(String id) {
			return new ClinicAdministration.ProviderDraft(id, name, role, title, bio,
					languages == null ? List.of() : languages, active == null || active,
					HoursJson.read("working_hours", workingHours), HoursJson.read("breaks", breaks));
		}

	}

	record TimeOffRequest(@NotNull Instant startsAt, @NotNull Instant endsAt, @Size(max = 200) String reason) {
	}

	record ServiceJson(String id, String name, String description, int durationMinutes, int bufferMinutes,
			BigDecimal price, Set<ProviderRole> providerRoles, boolean active) {

		static ServiceJson of(ServiceInfo service) {
			return new ServiceJson(service.id(), service.name(), service.description(), service.durationMinutes(),
					service.bufferMinutes(), service.price(), new TreeSet<>(service.roles()), service.active());
		}

	}

	record ServiceRequest(
			@Pattern(regexp = ID_PATTERN, message = "must be lowercase letters, digits, - or _") String id,
			@NotBlank @Size(max = 120) String name, @Size(max = 1000) String description,
			@Min(5) @Max(480) int durationMinutes, @Min(0) @Max(120) int bufferMinutes,
			@NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal price,
			@NotEmpty Set<ProviderRole> providerRoles, Boolean active) {

		ClinicAdministration.ServiceDraft draft(String id) {
			return new ClinicAdministration.ServiceDraft(id, name, description, durationMinutes, bufferMinutes, price,
					providerRoles, active == null || active);
		}

	}

	record OperatoryRequest(
			@Pattern(regexp = ID_PATTERN, message = "must be lowercase letters, digits, - or _") String id,
			@NotBlank @Size(max = 120) String name, Boolean active) {

		boolean activeOrDefault() {
			return active == null || active;
		}

	}

}
