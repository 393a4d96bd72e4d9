package io.smiledesk.understanding;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.understanding.time.DatePart;
import io.smiledesk.understanding.time.PrimaryMention;
import io.smiledesk.understanding.time.TimeContext;
import io.smiledesk.understanding.time.TimeOfDay;
import io.smiledesk.understanding.time.TimeMention;
import io.smiledesk.understanding.time.TimeReader;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the facts a patient states in one message: the service (catalog names, or
 * everyday words for a kind of service in {@code nlu/services.tsv}, typos tolerated), the
 * provider, email, phone, name, date of birth, the time wanted, and a pick among offered
 * options. What the assistant asked for last ({@link MessageContext#awaiting()}) lets a
 * bare answer count: "Ana Silva" after asking for a name, "2" after offering slots.
 */
@Component
public class EntityExtractor {

	static final String SERVICE_PHRASES = "nlu/services.tsv";

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	static final Set<String> TITLES = Set.of("dr", "doctor", "dds", "dmd", "rdh", "mr", "mrs", "ms", "miss");

	private static final Set<String> BEFORE_FIRST_NAME = Set.of("dr", "doctor", "with", "see", "prefer", "by");

	private static final TimeReader TIMES = new TimeReader();

	private static final Pattern GREETING = Pattern.compile(
			"(?iu)^\\W*(?:(?:hola|hi|hello|hey)\\W+)?(good (morning|afternoon|evening)|buenas tardes|buenas noches|buenos d[ií]as|buen d[ií]a|bon apr[eè]s-midi|bonsoir)(?![\\p{L}])");

	private final List<ServicePhrase> servicePhrases;

	private final String phoneRegion;

	private final BirthDates birthDates;

	EntityExtractor(@Value("${smiledesk.patients.default-phone-region:US}") String phoneRegion) {
		this.phoneRegion = phoneRegion;
		this.birthDates = new BirthDates(phoneRegion);
		List<ServicePhrase> phrases = new ArrayList<>();
		for (String[] pair : Texts.pairs(SERVICE_PHRASES)) {
			phrases.add(new ServicePhrase(pair[0], Texts.words(pair[1].replace('-', ' '))));
		}
		this.servicePhrases = List.copyOf(phrases);
	}

	public Entities extract(String text, MessageContext context) {
		return read(text, context).entities();
	}

	/** The entities, and the text with what was found blanked out. */
	Extraction read(String text, MessageContext context) {
		if (text == null || text.isBlank()) {
			return new Extraction(Entities.NONE, "", List.of(), Optional.empty());
		}
		String awaiting = context.awaiting() == null ? "" : context.awaiting().toLowerCase(Locale.ROOT);
		// what is found is blanked out, so that an email's digits are not a phone and a
		// birth date is not the time wanted
		StringBuilder rest = new StringBuilder(text);

		String email = find(EMAIL, rest);
		String phone = phone(rest);
		// Spanish and French write the day first: 20/11/1985
		boolean dayFirst = !Languages.ENGLISH.equals(context.languageOf(text));
		LocalDate dateOfBirth = birthDates.dateOfBirth(rest, context.now().toLocalDate(), awaiting.equals("dob"),
				dayFirst);
		String name = Names.name(rest, awaiting.equals("name"));
		if (name == null && (email != null || phone != null)) {
			name = Names.nameBeforeContact(text, email, context.clinic());
		}
		Integer choice = Choices.choice(rest, awaiting);
		// "buenas tardes" and "good morning" greet; they ask for no part of the day
		String remaining = GREETING.matcher(rest.toString()).replaceAll(" ");
		// the time is read in what is left, so that a birth date or a phone is not the
		// time wanted
		TimeContext timeContext = times(text, context);
		// a long story's times are those of its request, at its start or its end
		String timed = remaining.length() > OfflineUnderstanding.LONG ? requestPart(remaining, timeContext) : remaining;
		List<TimeMention> times = awaiting.equals("dob") ? List.of() : TIMES.read(timed, timeContext);
		Optional<TimeMention> primary = TIMES.primary(timed, times, timeContext);
		TimeExpression when = primary.flatMap(mention -> DateTimeParser.window(mention, context.now())).orElse(null);
		String service = service(remaining, context.clinic()).map(ServiceInfo::id).orElse(null);
		String provider = provider(remaining, context.clinic())
			.or(() -> SpokenLanguages.provider(remaining, context.clinic()))
			.map(ProviderInfo::id)
			.orElse(null);
		Entities.Named named = primary
			.map(mention -> new Entities.Named(!(mention.date() instanceof DatePart.None),
					!(mention.timeOfDay() instanceof TimeOfDay.None)))
			.orElse(null);
		return new Extraction(new Entities(service, provider, name, email, phone, dateOfBirth, when, choice, named),
				remaining, times, primary);
	}

	/** The active service a message names, directly or by a phrase for its kind. */
	Optional<ServiceInfo> service(String text, ClinicSnapshot clinic) {
		// "cancel my cleaning but keep the filling", "a filling, not a cleaning": the
		// service kept or refused is not the one meant, unless it is the only one named
		java.util.regex.Matcher kept = KEPT.matcher(text);
		String meant = text;
		while (kept.find()) {
			if (named(kept.group(2), clinic).isPresent()) {
				meant = meant.replace(kept.group(2), " ");
			}
		}
		Optional<ServiceInfo> service = named(meant, clinic);
		return service.isPresent() ? service : named(text, clinic);
	}

	private static final java.util.regex.Pattern KEPT = java.util.regex.Pattern
		.compile("(?i)\\b(keep|keeping|leave|leaving|not|except)\\s+((?:the |my |a |an |that )?[\\w-]+(?: [\\w-]+)?)");

	private Optional<ServiceInfo> named(String text, ClinicSnapshot clinic) {
		List<String> words = Texts.words(text.replace('-', ' ').replace('_', ' '));
		ServiceInfo best = null;
		int bestLength = 0;
		for (ServiceInfo service : clinic.services()) {
			if (!service.active()) {
				continue;
			}
			for (List<String> phrase : List.of(Texts.words(service.name()),
					Texts.words(service.id().replace('_', ' ').replace('-', ' ')))) {
				int length = String.join(" ", phrase).length() + 1;
				if (length > bestLength && contains(words, phrase)) {
					best = service;
					bestLength = length;
				}
			}
		}
		for (ServicePhrase phrase : servicePhrases) {
			int length = String.join(" ", phrase.words()).length();
			if (length > bestLength && contains(words, phrase.words())) {
				Optional<ServiceInfo> resolved = resolve(phrase.kind(), clinic);
				if (resolved.isPresent()) {
					best = resolved.get();
					bestLength = length;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * The active service of a kind: the one whose id or name contains one of the kind's
	 * phrases, the longest phrase first.
	 */
	private Optional<ServiceInfo> resolve(String kind, ClinicSnapshot clinic) {
		ServiceInfo best = null;
		int bestLength = 0;
		for (ServicePhrase phrase : servicePhrases) {
			if (!phrase.kind().equals(kind)) {
				continue;
			}
			int length = String.join(" ", phrase.words()).length();
			for (ServiceInfo service : clinic.services()) {
				if (service.active() && length > bestLength
						&& (containsExactly(Texts.words(service.name()), phrase.words()) || containsExactly(
								Texts.words(service.id().replace('_', ' ').replace('-', ' ')), phrase.words()))) {
					best = service;
					bestLength = length;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/** An active provider named by surname, or by first name after "with", "dr"... */
	Optional<ProviderInfo> provider(String text, ClinicSnapshot clinic) {
		List<String> words = Texts.words(text).stream().map(word -> word.replace("'", "")).toList();
		Map<ProviderInfo, Integer> found = new LinkedHashMap<>();
		for (ProviderInfo provider : clinic.activeProviders()) {
			List<String> names = Texts.words(provider.name())
				.stream()
				.map(word -> word.replace("'", ""))
				.filter(word -> !TITLES.contains(word))
				.toList();
			if (names.isEmpty()) {
				continue;
			}
			String first = names.get(0);
			String last = names.get(names.size() - 1);
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				// surnames are rarer words than most: one typo from five letters on
				boolean bySurname = names.size() > 1
						&& (Texts.similar(word, last) || last.length() >= 5 && Texts.distance(word, last, 1) <= 1);
				boolean byFirstName = word.equals(first)
						&& (i > 0 && BEFORE_FIRST_NAME.contains(words.get(i - 1)) || words.size() <= 3);
				if (bySurname || byFirstName) {
					found.merge(provider, i, Math::min);
					break;
				}
			}
		}
		return found.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
	}

	private String phone(StringBuilder rest) {
		for (PhoneNumberMatch match : PHONES.findNumbers(rest.toString(), phoneRegion,
				PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
			String raw = match.rawString();
			long digits = raw.chars().filter(Character::isDigit).count();
			if (digits < 7 || BirthDates.ISO_DATE.matcher(raw).find() || BirthDates.NUMERIC_DATE.matcher(raw).find()) {
				continue;
			}
			blank(rest, match.start(), match.end());
			return raw;
		}
		return null;
	}

	/** Whether the message has the phrase's words in a row, each allowing for typos. */
	private static boolean contains(List<String> words, List<String> phrase) {
		for (int i = 0; i + phrase.size() <= words.size(); i++) {
			boolean all = true;
			for (int j = 0; j < phrase.size() && all; j++) {
				all = Texts.similar(words.get(i + j), phrase.get(j));
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsExactly(List<String> words, List<String> phrase) {
		return String.join(" ", words).matches(".*\\b" + Pattern.quote(String.join(" ", phrase)) + "\\b.*");
	}

	private static String find(Pattern pattern, StringBuilder rest) {
		Matcher matcher = pattern.matcher(rest);
		if (!matcher.find()) {
			return null;
		}
		String found = matcher.group();
		blank(rest, matcher.start(), matcher.end());
		return found;
	}

	static void blank(StringBuilder text, int from, int to) {
		for (int i = from; i < to; i++) {
			text.setCharAt(i, ' ');
		}
	}

	/**
	 * What read found: the entities, the text left, every time mentioned and the one
	 * meant.
	 */
	record Extraction(Entities entities, String rest, List<TimeMention> times, Optional<TimeMention> primary) {
	}

	private static String requestPart(String text, TimeContext context) {
		String opening = LongMessages.opening(text);
		String closing = LongMessages.closing(text);
		Optional<TimeMention> first = TIMES.primary(opening, context);
		Optional<TimeMention> last = TIMES.primary(closing, context);
		if (first.isPresent() && last.isPresent() && !PrimaryMention.asked(opening, first.get(), context)
				&& PrimaryMention.asked(closing, last.get(), context)) {
			// the story's start tells of a past visit, its end asks for the new one
			return closing;
		}
		return first.isPresent() ? opening : last.isPresent() ? closing : text;
	}

	/**
	 * The times are read in the clinic's zone, with the lexicon of the message's
	 * language.
	 */
	private static TimeContext times(String text, MessageContext context) {
		TimeContext times = TimeContext.of(context.now().atZone(context.clinic().zone()), context.languageOf(text));
		return context.anchor() == null ? times : times.withAnchor(context.anchor().atZone(context.clinic().zone()));
	}

	private record ServicePhrase(String kind, List<String> words) {
	}

}
