package io.smiledesk.assistant;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The assistant's sentences, from {@code i18n/assistant*.properties}: one bundle per
 * language, so a language is data. Dates are written with the patterns of the same
 * bundle; service names may be translated there ({@code service.<id>}), else the catalog
 * name is used. What staff read (handoff reasons) is always in the default bundle.
 */
@Component
class Wording {

	static final List<String> LANGUAGES = List.of("en", "es", "fr");

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final Map<String, DateTimeFormatter> formats = new ConcurrentHashMap<>();

	Wording() {
		messages.setBasename("i18n/assistant");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		// '' is an apostrophe in every sentence, with or without arguments
		messages.setAlwaysUseMessageFormat(true);
	}

	static Locale locale(String language) {
		return language != null && LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
	}

	String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	boolean has(Locale locale, String key) {
		try {
			messages.getMessage(key, null, locale);
			return true;
		}
		catch (NoSuchMessageException ex) {
			return false;
		}
	}

	/** For staff: always the clinic's own language (the default bundle). */
	String forStaff(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ROOT);
	}

	/** The date and time in the patient's language (Tuesday, August 5 at 2:00 PM). */
	String when(Locale locale, Instant instant, ZoneId zone) {
		return format(locale, "format.when").format(LocalDateTime.ofInstant(instant, zone));
	}

	String when(Locale locale, LocalDateTime local) {
		return format(locale, "format.when").format(local);
	}

	/** The short date and time for lists of times (Tue Aug 5, 2:00 PM). */
	String shortWhen(Locale locale, Instant instant, ZoneId zone) {
		return format(locale, "format.short").format(LocalDateTime.ofInstant(instant, zone));
	}

	String day(Locale locale, LocalDateTime local) {
		return format(locale, "format.day").format(local);
	}

	String time(Locale locale, LocalDateTime local) {
		return format(locale, "format.time").format(local);
	}

	String service(Locale locale, String serviceId, ClinicSnapshot clinic) {
		String key = "service." + serviceId;
		if (has(locale, key) && !Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
			return text(locale, key);
		}
		return clinic.serviceById(serviceId).map(ServiceInfo::name).orElse(text(locale, "service.unknown"));
	}

	/**
	 * The service with its article where the language wants one ("an Annual Cleaning").
	 */
	String aService(Locale locale, String serviceId, ClinicSnapshot clinic) {
		String name = service(locale, serviceId, clinic);
		boolean vowel = !name.isEmpty() && "aeiouAEIOU".indexOf(name.charAt(0)) >= 0;
		return text(locale, vowel ? "article.vowel" : "article.consonant", name);
	}

	String provider(Locale locale, String providerId, ClinicSnapshot clinic) {
		return providerId == null ? text(locale, "provider.any")
				: clinic.provider(providerId).map(ProviderInfo::name).orElse(providerId);
	}

	private DateTimeFormatter format(Locale locale, String key) {
		return formats.computeIfAbsent(locale.getLanguage() + ":" + key,
				cached -> DateTimeFormatter.ofPattern(text(locale, key), locale));
	}

}
