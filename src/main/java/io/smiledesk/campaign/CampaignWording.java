package io.smiledesk.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import io.smiledesk.patient.PatientSummary;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * What campaigns say, from the {@code i18n/campaign} bundles, in the patient's language
 * (English, Spanish, French).
 */
@Component
class CampaignWording {

	static final List<String> LANGUAGES = List.of("en", "es", "fr");

	/** Follow-up texts per type; attempts past the last repeat it. */
	static final int TEXTS_PER_TYPE = 4;

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	CampaignWording() {
		messages.setBasename("i18n/campaign");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
	}

	static Locale locale(String language) {
		return language != null && LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
	}

	/** The follow-up number {@code attempt} (1 for the first). */
	String followUp(Locale locale, CampaignType type, int attempt, String firstName, String clinic, String subject,
			LocalDate lastVisit, String link) {
		String key = type.name().toLowerCase(Locale.ROOT) + "." + Math.min(attempt, TEXTS_PER_TYPE);
		String visit = lastVisit == null ? "" : text(locale, "last-visit",
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(lastVisit));
		return text(locale, key, firstName, clinic, subject, visit, link);
	}

	String text(Locale locale, String key, Object... args) {
		// a greeting without a name: "Hi ," becomes "Hi,"
		return messages.getMessage(key, args, locale).replace(" ,", ",").replace(" .", ".");
	}

	/**
	 * Whether the patient is known only by the address they wrote from (a channel
	 * registered them from an unknown sender and they never gave a name).
	 */
	static boolean unnamed(PatientSummary patient) {
		String name = patient.name() == null ? "" : patient.name().strip();
		return name.isEmpty() || name.equals(patient.phone()) || name.equalsIgnoreCase(patient.email());
	}

	/** How a message greets the patient: their first name, or nothing for an address. */
	static String greeting(PatientSummary patient) {
		return unnamed(patient) ? "" : patient.firstName();
	}

}
