package io.smiledesk.understanding;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.system.InvalidInputException;
import io.smiledesk.understanding.time.ClinicWindow;
import io.smiledesk.understanding.time.Grain;
import io.smiledesk.understanding.time.Literal;
import io.smiledesk.understanding.time.TimeContext;
import io.smiledesk.understanding.time.TimeMention;
import io.smiledesk.understanding.time.TimeReader;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For developers and integrators: how the assistant reads one message, with the same
 * understanding the chat uses (the model when configured, else offline). Public: it reads
 * only the text it is sent and the clinic's public catalog. Times are read as
 * docs/time-expressions.md says: {@code entities.when} is the time meant, {@code
 * entities.times} every time mentioned, each with its literal reading and its window in
 * the clinic's opening hours.
 */
@RestController
@RequestMapping(path = "/api/v1/nlu", produces = MediaType.APPLICATION_JSON_VALUE)
class NluRestController {

	static final int MAX_TEXT = 2_000;

	private static final Set<String> TIME_LANGUAGES = Set.of("en", "es", "fr");

	private final MessageUnderstanding understanding;

	private final EntityExtractor extractor;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final TimeReader times = new TimeReader();

	NluRestController(MessageUnderstanding understanding, EntityExtractor extractor, ClinicCatalog catalog,
			Clock clock) {
		this.understanding = understanding;
		this.extractor = extractor;
		this.catalog = catalog;
		this.clock = clock;
	}

	@PostMapping(path = "/parse", consumes = MediaType.APPLICATION_JSON_VALUE)
	ParseJson parse(@Valid @RequestBody ParseRequest request) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = zone(request.timeZone(), clinic);
		Instant reference = instant(request.referenceTime(), "reference_time", clock.instant());
		Instant anchor = instant(request.anchorTime(), "anchor_time", null);
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
		TimeContext timeContext = new TimeContext(reference.atZone(zone),
				TIME_LANGUAGES.contains(result.language()) ? result.language() : "en",
				anchor == null ? null : anchor.atZone(zone));
		String rest = extractor.read(request.text(), context).rest();
		List<TimeMention> mentions = "dob".equalsIgnoreCase(context.awaiting()) ? List.of()
				: times.read(rest, timeContext);
		Optional<TimeMention> primary = times.primary(rest, mentions, timeContext);
		Windows windows = new Windows(ClinicHours.of(clinic), timeContext.reference(), clinic.rules().horizon());
		WhenJson when = primary.map(mention -> windows.json(mention, false))
			.orElseGet(() -> when(result.entities().when(), zone));
		List<WhenJson> all = mentions.stream().map(mention -> windows.json(mention, true)).toList();
		return new ParseJson(result.intent().name(), round(result.confidence()), ranking, result.language(),
				result.engine(), result.fallback(), entities(result.entities(), clinic, when, all));
	}

	private static EntitiesJson entities(Entities entities, ClinicSnapshot clinic, WhenJson when,
			List<WhenJson> times) {
		Reference service = entities.serviceId() == null ? null : new Reference(entities.serviceId(),
				clinic.serviceById(entities.serviceId()).map(found -> found.name()).orElse(entities.serviceId()));
		Reference provider = entities.providerId() == null ? null : new Reference(entities.providerId(),
				clinic.provider(entities.providerId()).map(found -> found.name()).orElse(entities.providerId()));
		return new EntitiesJson(service, provider, entities.name(), entities.email(), entities.phone(),
				entities.dateOfBirth() == null ? null : entities.dateOfBirth().toString(), when, times,
				entities.choice());
	}

	/**
	 * A time the model read when the offline reader found none: its window as it gave it.
	 */
	private static WhenJson when(TimeExpression when, ZoneId zone) {
		if (when instanceof TimeExpression.At at) {
			return new WhenJson(null, local(at.start(), zone), null, null, null, null, null, null);
		}
		if (when instanceof TimeExpression.Between between) {
			return new WhenJson(null, null, null, local(between.from(), zone), local(between.to(), zone), null, null,
					null);
		}
		return null;
	}

	private static String local(LocalDateTime local, ZoneId zone) {
		return local.atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/** Mentions as JSON, with their windows in the clinic's opening hours. */
	private record Windows(ClinicWindow.OpeningHours hours, ZonedDateTime reference, Duration horizon) {

		WhenJson json(TimeMention mention, boolean withRefusal) {
			Literal literal = mention.literal();
			WindowJson window = ClinicWindow.of(literal, hours, reference, horizon)
				.map(found -> new WindowJson(offset(found.from()), offset(found.to())))
				.orElse(null);
			Boolean refused = withRefusal && mention.refused() ? Boolean.TRUE : null;
			String grain = literal.grain().label();
			if (literal instanceof Literal.Value value) {
				boolean point = value.grain() == Grain.MINUTE || value.grain() == Grain.HOUR;
				return new WhenJson(mention.text(), point ? offset(value.at()) : null, offset(value.at()), null, null,
						grain, window, refused);
			}
			return new WhenJson(mention.text(), null, null, offset(literal.start()), offset(literal.end()), grain,
					window, refused);
		}

		private static String offset(ZonedDateTime at) {
			return at == null ? null : at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}

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

	private static Instant instant(String text, String field, Instant fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String trimmed = text.trim();
		try {
			return Instant.parse(trimmed);
		}
		catch (DateTimeException notAnInstant) {
			try {
				return OffsetDateTime.parse(trimmed).toInstant();
			}
			catch (DateTimeException ex) {
				throw new InvalidInputException(field,
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
	 * @param anchorTime the time being talked about (an appointment being moved), against
	 * which "an hour later" or "same time next week" resolve
	 */
	record ParseRequest(@NotBlank @Size(max = MAX_TEXT) String text, @Size(max = 64) String referenceTime,
			@Size(max = 64) String timeZone, @Size(max = 32) String awaiting, @Size(max = 64) String anchorTime) {
	}

	record ParseJson(String intent, double confidence, List<RankJson> ranking, String language, String engine,
			String fallback, EntitiesJson entities) {
	}

	record RankJson(String intent, double confidence) {
	}

	record EntitiesJson(Reference service, Reference provider, String name, String email, String phone,
			String dateOfBirth, WhenJson when, List<WhenJson> times, Integer choice) {
	}

	record Reference(String id, String name) {
	}

	/**
	 * A time: the words, its literal reading (a {@code value} with its grain, {@code at}
	 * too for a point in time; or {@code from}/{@code to}, {@code to} exclusive, either
	 * side open), its window in the opening hours, and in {@code times} whether it is
	 * refused. Instants are ISO-8601 with the clinic's offset.
	 */
	record WhenJson(String text, String at, String value, String from, String to, String grain, WindowJson window,
			Boolean refused) {
	}

	record WindowJson(String from, String to) {
	}

}
