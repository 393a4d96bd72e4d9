package io.smiledesk.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's recall types as managers edit them: stored per clinic once edited, the
 * configured ones until then. A change is checked against the clinic's services and
 * applies to the next visit completed; due dates already set stay as they are.
 */
@Component
class RecallTypes {

	/** The longest interval a recall may have. */
	static final Period LONGEST = Period.ofYears(5);

	/** A change to a type; the interval as an ISO period ({@code P6M1D}). */
	record Change(String name, List<String> services, String interval, String audience) {
	}

	sealed interface Outcome {

		record Changed(CampaignProperties.RecallType type) implements Outcome {
		}

		/**
		 * @param field the request's field at fault
		 */
		record Rejected(String field, String reason) implements Outcome {
		}

	}

	private static final Logger log = LoggerFactory.getLogger(RecallTypes.class);

	/** Codes of skipped types already warned about. */
	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private final JdbcClient jdbc;

	private final CampaignProperties properties;

	private final ClinicCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecallTypes(JdbcClient jdbc, CampaignProperties properties, ClinicCatalog catalog, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** The types in force, by code. */
	List<CampaignProperties.RecallType> all() {
		List<CampaignProperties.RecallType> stored = jdbc.sql(
				"select code, name, services, recall_interval, audience from recall_type where clinic_id = ? order by code")
			.param(Clinics.DEFAULT)
			.query((row, n) -> new CampaignProperties.RecallType(row.getString("code"), row.getString("name"),
					List.of(row.getString("services").split("\n")), Period.parse(row.getString("recall_interval")),
					row.getString("audience")))
			.list();
		return stored.isEmpty() ? properties.recalls() : stored;
	}

	/**
	 * The types recalls use: those with a service the clinic offers. A type naming none
	 * (a configured default the clinic does not provide) is skipped, with one warning
	 * until it is fixed: it could never be booked.
	 */
	List<CampaignProperties.RecallType> inForce() {
		ClinicSnapshot clinic = catalog.snapshot();
		List<CampaignProperties.RecallType> inForce = new ArrayList<>();
		for (CampaignProperties.RecallType type : all()) {
			if (offered(type, clinic)) {
				inForce.add(type);
				warned.remove(type.code());
			}
			else if (warned.add(type.code())) {
				log.warn(
						"Recall type {} ({}) is skipped: the clinic offers none of its services {}; "
								+ "map it to one of the clinic's services under Campaigns > Recall types",
						type.code(), type.name(), type.services());
			}
		}
		return inForce;
	}

	/** Whether the clinic offers one of the type's services (else recalls skip it). */
	boolean offered(CampaignProperties.RecallType type) {
		return offered(type, catalog.snapshot());
	}

	private static boolean offered(CampaignProperties.RecallType type, ClinicSnapshot clinic) {
		return type.services().stream().anyMatch(service -> clinic.service(service).isPresent());
	}

	/** Creates or replaces a type. */
	@Transactional
	Outcome change(String code, Change change) {
		Outcome checked = check(code, change);
		if (checked instanceof Outcome.Rejected) {
			return checked;
		}
		CampaignProperties.RecallType type = ((Outcome.Changed) checked).type();
		List<CampaignProperties.RecallType> types = new ArrayList<>(all());
		types.removeIf(existing -> existing.code().equals(code));
		types.add(type);
		// the first edit copies the configured types, so the others stay in force
		jdbc.sql("delete from recall_type where clinic_id = ?").param(Clinics.DEFAULT).update();
		for (CampaignProperties.RecallType each : types) {
			jdbc.sql("""
					insert into recall_type (clinic_id, code, name, services, recall_interval, audience, updated_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(Clinics.DEFAULT, each.code(), each.name(), String.join("\n", each.services()),
						each.interval().toString(), each.audience(), Timestamp.from(clock.instant()))
				.update();
		}
		events.publishEvent(new CampaignEvents.RecallTypeChanged(code, type.interval().toString()));
		return checked;
	}

	private Outcome check(String code, Change change) {
		if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
			return new Outcome.Rejected("code", "must be 1-40 lower-case letters, digits or underscores");
		}
		if (change.name() == null || change.name().isBlank() || change.name().length() > 200) {
			return new Outcome.Rejected("name", "must be 1-200 characters");
		}
		if (change.services() == null || change.services().isEmpty()) {
			return new Outcome.Rejected("services", "must name at least one of the clinic's services");
		}
		ClinicSnapshot clinic = catalog.snapshot();
		List<String> services = new ArrayList<>();
		for (String name : change.services()) {
			Optional<String> known = name == null ? Optional.empty()
					: clinic.service(name.strip()).map(service -> service.name());
			if (known.isEmpty()) {
				return new Outcome.Rejected("services", "the clinic has no service called \"" + name + "\"");
			}
			services.add(known.get());
		}
		Period interval;
		try {
			interval = Period
				.parse(change.interval() == null ? "" : change.interval().strip().toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			return new Outcome.Rejected("interval", "must be an ISO-8601 period such as P6M or P6M1D");
		}
		if (interval.isNegative() || interval.isZero()
				|| interval.toTotalMonths() * 31 + interval.getDays() > LONGEST.toTotalMonths() * 31) {
			return new Outcome.Rejected("interval", "must be positive and at most 5 years");
		}
		String audience = change.audience() == null || change.audience().isBlank() ? null
				: change.audience().strip().toLowerCase(Locale.ROOT);
		if (audience != null && !audience.equals("child")) {
			return new Outcome.Rejected("audience", "must be child or empty (anyone)");
		}
		return new Outcome.Changed(
				new CampaignProperties.RecallType(code, change.name().strip(), services, interval, audience));
	}

}
