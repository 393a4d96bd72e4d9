package io.smiledesk.understanding;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.understanding.Entities;
import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.MessageUnderstanding;
import io.smiledesk.understanding.OfflineUnderstanding;
import io.smiledesk.understanding.TimeExpression;
import io.smiledesk.understanding.Understanding;
import io.smiledesk.system.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For developers and integrators: how the assistant reads one message, with the same
 * understanding the chat uses (the model when configured, else offline). Public: it reads
 * only the text it is sent and the clinic's public catalog.
 */
@RestController
@RequestMapping(path = "/api/v1/nlu", produces = MediaType.APPLICATION_JSON_VALUE)
class NluRestController {

	static final int MAX_TEXT = 2_000;

	private final MessageUnderstanding understanding;

	private final ClinicCatalog catalog;

	private final Clock clock;

	NluRestController(MessageUnderstanding understanding, ClinicCatalog catalog, Clock clock) {
		this.understanding = understanding;
		this.catalog = catalog;
		this.clock = clock;
	}

	@PostMapping(path = "/parse", consumes = MediaType.APPLICATION_JSON_VALUE)
	ParseJson parse(@Valid @RequestBody ParseRequest request) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = zone(request.timeZone(), clinic);
		Instant reference = referenceTime(request.referenceTime());
		MessageContext context = new MessageContext(LocalDateTime.ofInstant(reference, zone), clinic,
				blankToNull(request.awaiting()), List.of());
		Understanding result;
		List<RankJson> ranking;
		if (understanding instanceof OfflineUnderstanding offline) {
			OfflineUnderstanding.Ranked ranked = offline.understandRanked(request.text(), context);
			result = ranked.understanding();
			ranking = ranked.ranking()
				.stream()
				.map(scored -> new RankJson(scored.intent().name(), round(scored.confidence())))
				.toList();
		}
		else {
			result = understanding.understand(request.text(), context);
			ranking = List.of(new RankJson(result.intent().name(), round(result.confidence())));
		}
		return new ParseJson(result.intent().name(), round(result.confidence()), ranking, result.language(),
				result.engine(), result.fallback(), entities(result.entities(), clinic, zone));
	}

	private static EntitiesJson entities(Entities entities, ClinicSnapshot clinic, ZoneId zone) {
		Reference service = entities.serviceId() == null ? null : new Reference(entities.serviceId(),
				clinic.serviceById(entities.serviceId()).map(found -> found.name()).orElse(entities.serviceId()));
		Reference provider = entities.providerId() == null ? null : new Reference(entities.providerId(),
				clinic.provider(entities.providerId()).map(found -> found.name()).orElse(entities.providerId()));
		return new EntitiesJson(service, provider, entities.name(), entities.email(), entities.phone(),
				entities.dateOfBirth() == null ? null : entities.dateOfBirth().toString(), when(entities.when(), zone),
				entities.choice());
	}

	private static WhenJson when(TimeExpression when, ZoneId zone) {
		if (when instanceof TimeExpression.At at) {
			return new WhenJson(instant(at.start(), zone), null, null);
		}
		if (when instanceof TimeExpression.Between between) {
			return new WhenJson(null, instant(between.from(), zone), instant(between.to(), zone));
		}
		return null;
	}

	private static String instant(LocalDateTime local, ZoneId zone) {
		return local.atZone(zone).toInstant().toString();
	}

	private ZoneId zone(String timeZone, ClinicSnapshot clinic) {
		if (timeZone == null || timeZone.isBlank()) {
			return clinic.zone();
		}
		try {
			return ZoneId.of(timeZone.trim());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("time_zone", "must be an IANA time zone such as America/New_York");
		}
	}

	private Instant referenceTime(String referenceTime) {
		if (referenceTime == null || referenceTime.isBlank()) {
			return clock.instant();
		}
		String trimmed = referenceTime.trim();
		try {
			return Instant.parse(trimmed);
		}
		catch (DateTimeException notAnInstant) {
			try {
				return OffsetDateTime.parse(trimmed).toInstant();
			}
			catch (DateTimeException ex) {
				throw new InvalidInputException("reference_time",
						"must be an ISO-8601 instant or offset date-time such as 2025-08-04T12:00:00Z");
			}
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static double round(double confidence) {
		return Math.round(confidence * 1000) / 1000.0;
	}

	/**
	 * @param awaiting what the assistant asked for last ("confirm", "name", "dob",
	 * "slot"...), to read a bare answer as the policy would
	 */
	record ParseRequest(@NotBlank @Size(max = MAX_TEXT) String text, @Size(max = 64) String referenceTime,
			@Size(max = 64) String timeZone, @Size(max = 32) String awaiting) {
	}

	record ParseJson(String intent, double confidence, List<RankJson> ranking, String language, String engine,
			String fallback, EntitiesJson entities) {
	}

	record RankJson(String intent, double confidence) {
	}

	record EntitiesJson(Reference service, Reference provider, String name, String email, String phone,
			String dateOfBirth, WhenJson when, Integer choice) {
	}

	record Reference(String id, String name) {
	}

	record WhenJson(String at, String from, String to) {
	}

}
