package io.smiledesk.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

import org.springframework.validation.annotation.Validated;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Free times for the clinic's booking site and the chat widget (public). */
@RestController
@Validated
@RequestMapping(path = "/api/v1/availability", produces = MediaType.APPLICATION_JSON_VALUE)
class AvailabilityRestController {

	private static final int MAX_DAYS = 62;

	private final Availability availability;

	private final ClinicCatalog catalog;

	private final Clock clock;

	AvailabilityRestController(Availability availability, ClinicCatalog catalog, Clock clock) {
		this.availability = availability;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * {"2025-08-20": ["09:00", "10:00"], ...}: clinic-local start times per day, days
	 * without a slot left out.
	 */
	@GetMapping
	Map<String, List<String>> month(@RequestParam @Min(1) @Max(12) int month,
			@RequestParam @Min(2000) @Max(2100) int year,
			@RequestParam(name = "service_id") @Size(max = 120) String serviceId,
			@RequestParam(name = "provider_id", required = false) @Size(max = 64) String providerId) {
		ClinicSnapshot clinic = catalog.snapshot();
		ServiceInfo service = service(clinic, serviceId);
		YearMonth period = YearMonth.of(year, month);
		Map<String, TreeSet<String>> days = new TreeMap<>();
		for (Slot slot : availability.slots(service, period.atDay(1), period.atEndOfMonth(),
				provider(clinic, providerId))) {
			days.computeIfAbsent(slot.start().atZone(clinic.zone()).toLocalDate().toString(), day -> new TreeSet<>())
				.add(SchedulingJson.localTime(slot.start(), clinic.zone()));
		}
		Map<String, List<String>> result = new TreeMap<>();
		days.forEach((day, times) -> result.put(day, List.copyOf(times)));
		return result;
	}

	/**
	 * Every free slot with its provider and operatory, for integrators and the console.
	 */
	@GetMapping("/slots")
	SlotsJson slots(@RequestParam @Size(max = 120) String service,
			@RequestParam(required = false) @Size(max = 10) String from,
			@RequestParam(required = false) @Size(max = 10) String to,
			@RequestParam(required = false) @Size(max = 64) String provider) {
		ClinicSnapshot clinic = catalog.snapshot();
		ServiceInfo found = service(clinic, service);
		LocalDate first = Optional.ofNullable(SchedulingJson.date("from", from))
			.orElse(LocalDate.now(clock.withZone(clinic.zone())));
		LocalDate last = Optional.ofNullable(SchedulingJson.date("to", to)).orElse(first.plusDays(6));
		if (last.isBefore(first)) {
			throw new InvalidInputException("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new InvalidInputException("to", "the period may span at most " + MAX_DAYS + " days");
		}
		List<Slot> slots = availability.slots(found, first, last, provider(clinic, provider));
		return new SlotsJson(found.id(), found.name(), found.durationMinutes(), clinic.zone().getId(),
				SchedulingJson.slots(slots, clinic));
	}

	record SlotsJson(String serviceId, String serviceName, int durationMinutes, String timeZone,
			List<SchedulingJson.SlotJson> slots) {
	}

	private static ServiceInfo service(ClinicSnapshot clinic, String reference) {
		return clinic.service(reference)
			.orElseThrow(
					() -> ApiProblem.notFound("service", "The clinic does not offer a service '" + reference + "'."));
	}

	private static Optional<String> provider(ClinicSnapshot clinic, String providerId) {
		if (providerId == null || providerId.isBlank()) {
			return Optional.empty();
		}
		if (clinic.provider(providerId).isEmpty()) {
			throw ApiProblem.notFound("provider", "There is no provider '" + providerId + "'.");
		}
		return Optional.of(providerId);
	}

}
