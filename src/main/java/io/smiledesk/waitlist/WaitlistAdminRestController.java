package io.smiledesk.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waitlist for staff: put a patient on it, list the entries, and see the offers sent
 * for each freed time. The front office manages it, as it works campaigns.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/admin/waitlist", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.FRONT_OFFICE)
class WaitlistAdminRestController {

	private static final Duration MAX_RANGE = Duration.ofDays(92);

	private final Waitlist waitlist;

	private final java.time.Clock clock;

	WaitlistAdminRestController(Waitlist waitlist, java.time.Clock clock) {
		this.waitlist = waitlist;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> join(@Valid @RequestBody JoinJson body) {
		Waitlist.Outcome outcome = waitlist.joinByStaff(new Waitlist.Contact(body.name(), body.email(), body.phone()),
				new Waitlist.Wish(body.serviceName(), body.earliest(), body.latest(), parts(body.partsOfDay()),
						body.appointmentId(), body.expiresAt()));
		if (outcome instanceof Waitlist.Outcome.Refused refused) {
			if (refused.notFound()) {
				throw new ApiProblem(HttpStatus.NOT_FOUND, refused.field().replace('_', '-') + "-not-found",
						"Not found", refused.reason(),
						Map.of("errors", List.of(Map.of("field", refused.field(), "message", refused.reason()))));
			}
			throw new InvalidInputException(refused.field(), refused.reason());
		}
		Waitlist.Outcome.Joined joined = (Waitlist.Outcome.Joined) outcome;
		return Map.of("entry_id", joined.entryId(), "already_waiting", joined.existing());
	}

	@GetMapping
	Map<String, Object> entries(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return Map.of("entries", waitlist.entries(limit).stream().map(EntryJson::of).toList());
	}

	@GetMapping("/offers")
	Map<String, Object> offers(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "500") @Min(1) @Max(2000) int limit) {
		Instant until = Optional.ofNullable(to).orElse(clock.instant().plus(Duration.ofDays(1)));
		Instant since = Optional.ofNullable(from).orElse(until.minus(Duration.ofDays(7)));
		if (!since.isBefore(until)) {
			throw new InvalidInputException("to", "must be after from");
		}
		if (Duration.between(since, until).compareTo(MAX_RANGE) > 0) {
			throw new InvalidInputException("to", "the range may span at most 92 days");
		}
		return Map.of("offers", waitlist.offers(since, until, limit).stream().map(OfferJson::of).toList());
	}

	/** Takes an entry off the list; its open offers lapse. */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable UUID id) {
		if (!waitlist.withdraw(id)) {
			throw ApiProblem.notFound("waitlist-entry", "There is no waitlist entry " + id + ".");
		}
	}

	private static Set<PartOfDay> parts(List<String> names) {
		Set<PartOfDay> parts = EnumSet.noneOf(PartOfDay.class);
		if (names == null) {
			return parts;
		}
		for (String name : names) {
			parts.add(PartOfDay.parse(name == null ? "" : name)
				.orElseThrow(() -> new InvalidInputException("parts_of_day",
						"each must be one of morning, afternoon, evening")));
		}
		return parts;
	}

	record JoinJson(@NotBlank @Size(max = 200) String name, @Size(max = 254) String email, @Size(max = 32) String phone,
			@NotBlank @Size(max = 200) String serviceName, @NotNull LocalDate earliest, @NotNull LocalDate latest,
			@Size(max = 3) List<String> partsOfDay, UUID appointmentId, Instant expiresAt) {
	}

	record EntryJson(UUID entryId, UUID patientId, String serviceId, LocalDate earliest, LocalDate latest,
			List<String> partsOfDay, UUID appointmentId, String source, EntryStatus status, Instant expiresAt,
			Instant lastOfferedAt, UUID bookedAppointmentId, Instant createdAt) {

		static EntryJson of(WaitlistView entry) {
			return new EntryJson(entry.id(), entry.patientId(), entry.serviceId(), entry.earliest(), entry.latest(),
					entry.partsOfDay().stream().sorted().map(part -> part.name().toLowerCase()).toList(),
					entry.appointmentId(), entry.source().toLowerCase(), entry.status(), entry.expiresAt(),
					entry.lastOfferedAt(), entry.bookedAppointmentId(), entry.createdAt());
		}

	}

	record OfferJson(UUID offerId, UUID entryId, UUID slotId, Instant slotStart, OfferStatus status, String channel,
			Instant sentAt, Instant expiresAt, Instant respondedAt, String reason) {

		static OfferJson of(OfferView offer) {
			return new OfferJson(offer.offerId(), offer.entryId(), offer.slotId(), offer.slotStart(), offer.status(),
					offer.channel(), offer.sentAt(), offer.expiresAt(), offer.respondedAt(), offer.reason());
		}

	}

}
