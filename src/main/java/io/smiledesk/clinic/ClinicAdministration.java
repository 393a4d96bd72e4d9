package io.smiledesk.clinic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff changes to the clinic's set-up. Every change refreshes the catalogue on commit.
 */
@Service
@Transactional
public class ClinicAdministration {

	static final int MAX_LANGUAGES = 10;

	static final int MAX_LANGUAGE = 40;

	private final ClinicRepository clinics;

	private final ClosureRepository closures;

	private final ProviderRepository providers;

	private final TimeOffRepository timeOff;

	private final ApplicationEventPublisher events;

	private final DentalServiceRepository services;

	private final OperatoryRepository operatories;

	private final ClinicCatalog catalog;

	private final ObjectProvider<MoneyHeld> moneyHeld;

	ClinicAdministration(ClinicRepository clinics, ClosureRepository closures, ProviderRepository providers,
			TimeOffRepository timeOff, DentalServiceRepository services, OperatoryRepository operatories,
			ClinicCatalog catalog, ApplicationEventPublisher events, ObjectProvider<MoneyHeld> moneyHeld) {
		this.moneyHeld = moneyHeld;
		this.events = events;
		this.clinics = clinics;
		this.closures = closures;
		this.providers = providers;
		this.timeOff = timeOff;
		this.services = services;
		this.operatories = operatories;
		this.catalog = catalog;
	}

	public void configure(ClinicProfile profile, BookingRules rules, WeeklyHours openingHours) {
		requirePositive(SetupRefused.Field.SLOT_INTERVAL, rules.slotIntervalMinutes());
		if (rules.slotIntervalMinutes() % 5 != 0) {
			throw SetupRefused.invalid(SetupRefused.Field.SLOT_INTERVAL, "must be a multiple of 5 minutes");
		}
		requirePositive(SetupRefused.Field.BOOKING_HORIZON, rules.maxBookingHorizonDays());
		requirePositive(SetupRefused.Field.HOLD_TIME, rules.holdMinutes());
		clinics.findById(Clinic.ID).ifPresentOrElse(clinic -> {
			requireCurrencyFree(clinic.profile().currency(), profile.currency());
			clinic.update(profile, rules, openingHours);
		}, () -> clinics.save(new Clinic(profile, rules, openingHours)));
		catalog.invalidate();
	}

	private void requireCurrencyFree(String current, String next) {
		if (!current.equals(next) && moneyHeld.stream().anyMatch(held -> held.holdsMoneyIn(current))) {
			throw SetupRefused.conflict("currency-in-use", SetupRefused.Field.CURRENCY,
					"The currency cannot change from " + current + " to " + next + ": amounts are already recorded in "
							+ current + ".");
		}
	}

	public ClosureDays addClosure(LocalDate startsOn, LocalDate endsOn, String reason) {
		if (endsOn.isBefore(startsOn)) {
			throw SetupRefused.invalid(SetupRefused.Field.CLOSURE_END, "must not be before starts_on");
		}
		Closure closure = closures.save(new Closure(startsOn, endsOn, reason));
		catalog.invalidate();
		return closure.view();
	}

	public void removeClosure(UUID id) {
		Closure closure = closures.findById(id)
			.orElseThrow(() -> SetupRefused.notFound("closure", "No closure with id " + id + "."));
		closures.delete(closure);
		catalog.invalidate();
	}

	public ProviderInfo createProvider(ProviderDraft draft) {
		String id = draft.id() == null || draft.id().isBlank() ? slug(draft.name()) : draft.id();
		if (providers.existsById(id)) {
			throw SetupRefused.conflict("provider-exists", "A provider with id '" + id + "' already exists.");
		}
		Provider provider = providers.save(new Provider(id, draft.name(), draft.role(), draft.title(), draft.bio(),
				languages(draft.languages()), draft.active(), draft.hours(), draft.breaks()));
		catalog.invalidate();
		return provider.view(List.of());
	}

	public ProviderInfo updateProvider(String id, ProviderDraft draft) {
		Provider provider = provider(id);
		provider.update(draft.name(), draft.role(), draft.title(), draft.bio(), languages(draft.languages()),
				draft.active(), draft.hours(), draft.breaks());
		catalog.invalidate();
		return provider.view(timeOff.findByProviderIdOrderByStartsAt(id));
	}

	public void deleteProvider(String id) {
		providers.delete(provider(id));
		providers.flush();
		catalog.invalidate();
	}

	public ProviderInfo.Absence addTimeOff(String providerId, Instant startsAt, Instant endsAt, String reason) {
		provider(providerId);
		if (!startsAt.isBefore(endsAt)) {
			throw SetupRefused.invalid(SetupRefused.Field.TIME_OFF_END, "must be after starts_at");
		}
		TimeOff absence = timeOff.save(new TimeOff(providerId, startsAt, endsAt, reason));
		catalog.invalidate();
		return absence.view();
	}

	public void removeTimeOff(String providerId, UUID id) {
		TimeOff absence = timeOff.findById(id)
			.filter(candidate -> candidate.providerId().equals(providerId))
			.orElseThrow(() -> SetupRefused.notFound("time-off", "No time off with id " + id + " for this provider."));
		timeOff.delete(absence);
		catalog.invalidate();
		ProviderInfo.Absence removed = absence.view();
		events.publishEvent(new TimeOffRemoved(id, providerId, removed.startsAt(), removed.endsAt()));
	}

	public ServiceInfo createService(ServiceDraft draft) {
		String id = draft.id() == null || draft.id().isBlank() ? slug(draft.name()).replace('-', '_') : draft.id();
		if (services.existsById(id)) {
			throw SetupRefused.conflict("service-exists", "A service with id '" + id + "' already exists.");
		}
		validate(draft);
		DentalService service = services.save(new DentalService(id, draft.name(), draft.description(),
				draft.durationMinutes(), draft.bufferMinutes(), draft.price(), draft.roles(), draft.active()));
		services.flush();
		catalog.invalidate();
		return service.view();
	}

	public ServiceInfo updateService(String id, ServiceDraft draft) {
		DentalService service = services.findById(id)
			.orElseThrow(() -> SetupRefused.notFound("service", "No service with id '" + id + "'."));
		validate(draft);
		service.update(draft.name(), draft.description(), draft.durationMinutes(), draft.bufferMinutes(), draft.price(),
				draft.roles(), draft.active());
		services.flush();
		catalog.invalidate();
		return service.view();
	}

	public void deleteService(String id) {
		services.delete(services.findById(id)
			.orElseThrow(() -> SetupRefused.notFound("service", "No service with id '" + id + "'.")));
		services.flush();
		catalog.invalidate();
	}

	public OperatoryInfo createOperatory(String id, String name, boolean active) {
		String key = id == null || id.isBlank() ? slug(name) : id;
		if (operatories.existsById(key)) {
			throw SetupRefused.conflict("operatory-exists", "An operatory with id '" + key + "' already exists.");
		}
		Operatory operatory = operatories.save(new Operatory(key, name, active));
		catalog.invalidate();
		return operatory.view();
	}

	public OperatoryInfo updateOperatory(String id, String name, boolean active) {
		Operatory operatory = operatories.findById(id)
			.orElseThrow(() -> SetupRefused.notFound("operatory", "No operatory with id '" + id + "'."));
		operatory.update(name, active);
		catalog.invalidate();
		return operatory.view();
	}

	public void deleteOperatory(String id) {
		operatories.delete(operatories.findById(id)
			.orElseThrow(() -> SetupRefused.notFound("operatory", "No operatory with id '" + id + "'.")));
		operatories.flush();
		catalog.invalidate();
	}

	private Provider provider(String id) {
		return providers.findById(id)
			.orElseThrow(() -> SetupRefused.notFound("provider", "No provider with id '" + id + "'."));
	}

	/** The languages trimmed; blank, over-long, repeated or too many are refused. */
	private static List<String> languages(List<String> languages) {
		List<String> cleaned = new java.util.ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (String language : languages) {
			String value = language == null ? "" : language.strip();
			if (value.isEmpty()) {
				throw SetupRefused.invalid(SetupRefused.Field.LANGUAGES, "must not contain a blank language");
			}
			if (value.length() > MAX_LANGUAGE) {
				throw SetupRefused.invalid(SetupRefused.Field.LANGUAGES,
						"each language must be at most " + MAX_LANGUAGE + " characters");
			}
			if (!seen.add(value.toLowerCase(Locale.ROOT))) {
				throw SetupRefused.invalid(SetupRefused.Field.LANGUAGES, "must not list a language twice");
			}
			cleaned.add(value);
		}
		if (cleaned.size() > MAX_LANGUAGES) {
			throw SetupRefused.invalid(SetupRefused.Field.LANGUAGES,
					"must list at most " + MAX_LANGUAGES + " languages");
		}
		return cleaned;
	}

	private static void validate(ServiceDraft draft) {
		if (draft.durationMinutes() % 5 != 0) {
			throw SetupRefused.invalid(SetupRefused.Field.DURATION, "must be a multiple of 5 minutes");
		}
		if (draft.bufferMinutes() % 5 != 0) {
			throw SetupRefused.invalid(SetupRefused.Field.BUFFER, "must be a multiple of 5 minutes");
		}
		if (draft.roles().isEmpty()) {
			throw SetupRefused.invalid(SetupRefused.Field.PROVIDER_ROLES, "at least one provider role must be allowed");
		}
	}

	private static void requirePositive(SetupRefused.Field field, int value) {
		if (value <= 0) {
			throw SetupRefused.invalid(field, "must be greater than 0");
		}
	}

	static String slug(String name) {
		String slug = name.toLowerCase(Locale.ROOT)
			.replaceAll("^dr\\.?\\s+", "dr-")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		if (slug.isEmpty()) {
			throw SetupRefused.invalid(SetupRefused.Field.NAME, "must contain letters or digits");
		}
		return slug.length() > 60 ? slug.substring(0, 60) : slug;
	}

	/**
	 * @param languages the languages the provider speaks, in the order to show them:
	 * trimmed, each at most 40 characters, no blanks and no duplicates (ignoring case)
	 */
	public record ProviderDraft(String id, String name, ProviderRole role, String title, String bio,
			List<String> languages, boolean active, WeeklyHours hours, WeeklyHours breaks) {

		public ProviderDraft {
			// may hold nulls or blanks here: the administration refuses them with a
			// reason
			languages = languages == null ? List.of()
					: java.util.Collections.unmodifiableList(new java.util.ArrayList<>(languages));
		}

		/** A provider whose languages are not listed. */
		public ProviderDraft(String id, String name, ProviderRole role, String title, String bio, boolean active,
				WeeklyHours hours, WeeklyHours breaks) {
			this(id, name, role, title, bio, List.of(), active, hours, breaks);
		}

	}

	public record ServiceDraft(String id, String name, String description, int durationMinutes, int bufferMinutes,
			BigDecimal price, Set<ProviderRole> roles, boolean active) {
	}

}
