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
import io.smiledesk.understanding.time.PrimaryMention;
import io.smiledesk.understanding.time.DatePart;
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

	private static final String MONTH = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec"
			+ "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
			+ "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|octobre|novembre|décembre|decembre)";

	/** Spanish and French month names; English ones are read by their prefix. */
	private static final Map<String, Integer> OTHER_MONTHS = Map.ofEntries(Map.entry("enero", 1),
			Map.entry("febrero", 2), Map.entry("marzo", 3), Map.entry("abril", 4), Map.entry("mayo", 5),
			Map.entry("junio", 6), Map.entry("julio", 7), Map.entry("agosto", 8), Map.entry("septiembre", 9),
			Map.entry("setiembre", 9), Map.entry("octubre", 10), Map.entry("noviembre", 11), Map.entry("diciembre", 12),
			Map.entry("janvier", 1), Map.entry("février", 2), Map.entry("fevrier", 2), Map.entry("mars", 3),
			Map.entry("avril", 4), Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7),
			Map.entry("août", 8), Map.entry("aout", 8), Map.entry("octobre", 10), Map.entry("novembre", 11),
			Map.entry("décembre", 12), Map.entry("decembre", 12));

	private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");

	private static final Pattern NUMERIC_DATE = Pattern
		.compile("(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?![\\d/-]|\\.\\d)");

	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\s+(?:of\\s+|de\\s+)?" + MONTH
				+ "\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

	private static final Pattern BIRTH_CUE = Pattern
		.compile("\\b(born|dob|d\\.o\\.b\\.?|date of birth|birth ?date|birthday|bday|b-day|nac[ií]|nacid[oa]|"
				+ "fecha de nacimiento|cumplea[ñn]os|n[ée]e? le|date de naissance|anniversaire)(?![\\p{L}])");

	private static final Pattern PHONE_START = Pattern.compile("[+(]?\\d[\\d\\s().-]{6,}\\d");

	private static final Pattern NAME_CUE = Pattern.compile(
			"(?i)(?<![\\p{L}'])(my name is|my name's|my names|name is|name's|name:|call me|i am|i'm|i’m|im|this is|it's|its|me llamo|mi nombre es|soy|je m'appelle|je m’appelle|mon nom est|je suis|c'est)\\s+");

	/**
	 * Words between a name and the contact detail after it ("Kevin Murphy, phone
	 * 973...").
	 */
	private static final Set<String> CONTACT_LABELS = Set.of("phone", "cell", "mobile", "tel", "telephone", "number",
			"email", "e-mail", "mail", "is", "at", "my", "and", "on", "or", "contact", "reach", "me", "teléfono",
			"telefono", "correo", "móvil", "movil", "téléphone", "portable", "courriel");

	/** "Nora Lindqvist here", at the start or after a greeting. */
	private static final Pattern NAME_HERE = Pattern.compile(
			"(?:^|[,.!]\\s*|\\b(?:hi|hello|hey|hiya)[,!]?\\s+)(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})\\s+here\\b");

	private static final Set<String> STRONG_NAME_CUES = Set.of("my name is", "my name's", "my names", "name is",
			"name's", "name:", "call me", "me llamo", "mi nombre es", "je m'appelle", "mon nom est");

	/** Words that follow "I'm" or "this is" without being a name. */
	private static final Set<String> NOT_NAMES = Set.copyOf(List.of("a", "an", "the", "in", "at", "on", "to", "for",
			"from", "with", "and", "but", "or", "not", "no", "yes", "so", "very", "really", "just", "new", "here",
			"there", "sorry", "sick", "ill", "free", "busy", "late", "early", "still", "also", "out", "away", "back",
			"ok", "okay", "fine", "good", "great", "well", "sure", "glad", "happy", "scared", "afraid", "nervous",
			"pregnant", "allergic", "worried", "due", "unable", "able", "ready", "done", "off", "about", "around",
			"over", "available", "interested", "urgent", "my", "your", "his", "her", "their", "our", "it", "this",
			"that", "is", "was", "will", "would", "can", "could", "patient", "mom", "mum", "dad", "wife", "husband",
			"mother", "father", "son", "daughter", "pain", "agony", "hi", "hello", "hey", "thanks", "thank", "bye",
			"please", "dr", "doctor", "someone", "somebody", "him", "me", "already", "too", "gonna", "wanting", "what",
			"who", "when", "where", "how", "why", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
			"sunday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "calling", "emergency", "open",
			"closed", "correct", "right", "wrong", "bad", "all", "both", "one", "two", "been", "while", "moved",
			"moving", "new", "looking", "wondering", "hoping", "writing", "trying", "asking", "needing", "overdue",
			"nervous", "terrified", "anxious", "curious", "planning", "thinking", "having", "getting", "going",
			"coming", "hurting", "struggling", "confused", "unsure", "not", "currently", "actually", "finally",
			"probably", "definitely", "literally", "honestly", "sure", "interested", "reaching", "texting", "messaging",
			"emailing", "nuevo", "nueva", "paciente", "embarazada", "alérgico", "alérgica", "libre", "disponible", "de",
			"la", "el", "una", "un", "muy", "enceinte", "nouveau", "nouvelle", "patient", "patiente", "désolé",
			"désolée", "malade", "pas", "très", "allergique", "une", "le", "les", "mamá", "madre", "padre", "mère",
			"père"));

	private static final Set<String> TITLES = Set.of("dr", "doctor", "dds", "dmd", "rdh", "mr", "mrs", "ms", "miss");

	private static final Set<String> BEFORE_FIRST_NAME = Set.of("dr", "doctor", "with", "see", "prefer", "by");

	private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("1st", 1),
			Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3), Map.entry("3rd", 3),
			Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("fifth", 5), Map.entry("5th", 5),
			Map.entry("sixth", 6), Map.entry("6th", 6), Map.entry("primera", 1), Map.entry("primero", 1),
			Map.entry("primer", 1), Map.entry("segunda", 2), Map.entry("segundo", 2), Map.entry("tercera", 3),
			Map.entry("tercero", 3), Map.entry("tercer", 3), Map.entry("cuarta", 4), Map.entry("cuarto", 4),
			Map.entry("premier", 1), Map.entry("première", 1), Map.entry("premiere", 1), Map.entry("deuxième", 2),
			Map.entry("deuxieme", 2), Map.entry("seconde", 2), Map.entry("troisième", 3), Map.entry("troisieme", 3),
			Map.entry("quatrième", 4), Map.entry("quatrieme", 4));

	private static final Pattern NUMBERED_CHOICE = Pattern
		.compile("(?:\\b(?:option|choice|slot|number|no\\.?)\\s*|#\\s*)(\\d{1,2})\\b(?![:.]\\d)");

	private static final Pattern ORDINAL_CHOICE = Pattern.compile(
			"\\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th)\\s+(one|option|slot|choice|appointment|time slot)\\b");

	private static final Set<String> CHOICE_FILLERS = Set.of("the", "one", "please", "pls", "ok", "okay", "i'll",
			"take", "i", "want", "go", "with", "let's", "do", "that", "is", "fine", "option", "yes", "la", "el", "le",
			"opción", "opcion", "número", "numero", "quiero", "prefiero", "me", "quedo", "con", "por", "favor", "vale",
			"sí", "si", "esa", "ese", "je", "prends", "veux", "préfère", "prefere", "celle", "celui", "s'il", "vous",
			"plaît", "plait", "oui", "merci", "gracias", "bien", "parfait", "perfecto");

	private static final TimeReader TIMES = new TimeReader();

	private final List<ServicePhrase> servicePhrases;

	private final String phoneRegion;

	EntityExtractor(@Value("${smiledesk.patients.default-phone-region:US}") String phoneRegion) {
		this.phoneRegion = phoneRegion;
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
		LocalDate dateOfBirth = dateOfBirth(rest, context.now().toLocalDate(), awaiting.equals("dob"), dayFirst);
		String name = name(rest, awaiting.equals("name"));
		if (name == null && (email != null || phone != null)) {
			name = nameBeforeContact(text, email, context.clinic());
		}
		Integer choice = choice(rest, awaiting);
		String remaining = rest.toString();
		// the time is read in what is left, so that a birth date or a phone is not the
		// time wanted
		TimeContext timeContext = times(text, context);
		// a long story's times are those of its request, at its start or its end
		String timed = remaining.length() > OfflineUnderstanding.LONG ? requestPart(remaining, timeContext) : remaining;
		List<TimeMention> times = awaiting.equals("dob") ? List.of() : TIMES.read(timed, timeContext);
		Optional<TimeMention> primary = PrimaryMention.choose(timed, times, timeContext);
		TimeExpression when = primary.flatMap(mention -> DateTimeParser.window(mention, context.now())).orElse(null);
		String service = service(remaining, context.clinic()).map(ServiceInfo::id).orElse(null);
		String provider = provider(remaining, context.clinic()).map(ProviderInfo::id).orElse(null);
		Entities.Named named = primary
			.map(mention -> new Entities.Named(!(mention.date() instanceof DatePart.None),
					!(mention.timeOfDay() instanceof TimeOfDay.None)))
			.orElse(null);
		return new Extraction(new Entities(service, provider, name, email, phone, dateOfBirth, when, choice, named),
				remaining, times, primary);
	}

	/** The active service a message names, directly or by a phrase for its kind. */
	Optional<ServiceInfo> service(String text, ClinicSnapshot clinic) {
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
			if (digits < 7 || ISO_DATE.matcher(raw).find() || NUMERIC_DATE.matcher(raw).find()) {
				continue;
			}
			blank(rest, match.start(), match.end());
			return raw;
		}
		return null;
	}

	/**
	 * A date of birth: a date after a cue ("born", "dob", "birthday"), any date when the
	 * assistant asked for it, or a full date more than two years back (nobody books one).
	 */
	private LocalDate dateOfBirth(StringBuilder rest, LocalDate today, boolean asked, boolean dayFirst) {
		String lower = rest.toString().toLowerCase(Locale.ROOT);
		Matcher cue = BIRTH_CUE.matcher(lower);
		int from = cue.find() ? cue.end() : -1;
		for (Pattern pattern : List.of(ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR)) {
			Matcher matcher = pattern.matcher(lower);
			while (matcher.find()) {
				Optional<LocalDate> date = date(pattern, matcher, today, dayFirst);
				if (date.isEmpty() || !date.get().isBefore(today) || date.get().getYear() < 1900) {
					continue;
				}
				boolean afterCue = from >= 0 && matcher.start() >= from && matcher.start() - from <= 20;
				if (afterCue || asked || date.get().isBefore(today.minusYears(2))) {
					blank(rest, from >= 0 && afterCue ? cue.start() : matcher.start(), matcher.end());
					return date.get();
				}
			}
		}
		return null;
	}

	private Optional<LocalDate> date(Pattern pattern, Matcher matcher, LocalDate today, boolean dayFirst) {
		int year;
		int month;
		int day;
		if (pattern == ISO_DATE) {
			year = Integer.parseInt(matcher.group(1));
			month = Integer.parseInt(matcher.group(2));
			day = Integer.parseInt(matcher.group(3));
		}
		else if (pattern == NUMERIC_DATE) {
			int first = Integer.parseInt(matcher.group(1));
			int second = Integer.parseInt(matcher.group(2));
			year = year(matcher.group(3), today);
			// month first where the clinic writes it so (US); otherwise, or when the
			// first
			// number cannot be a month, day first
			boolean monthFirst = !dayFirst && "US".equalsIgnoreCase(phoneRegion) && first <= 12 || second > 12;
			month = monthFirst ? first : second;
			day = monthFirst ? second : first;
		}
		else if (pattern == DAY_MONTH_YEAR) {
			day = Integer.parseInt(matcher.group(1));
			month = month(matcher.group(2));
			year = Integer.parseInt(matcher.group(3));
		}
		else {
			month = month(matcher.group(1));
			day = Integer.parseInt(matcher.group(2));
			year = Integer.parseInt(matcher.group(3));
		}
		try {
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static int year(String written, LocalDate today) {
		int year = Integer.parseInt(written);
		if (written.length() == 2) {
			int century = today.getYear() / 100 * 100;
			year = century + year > today.getYear() ? century - 100 + year : century + year;
		}
		return year;
	}

	private static int month(String written) {
		Integer other = OTHER_MONTHS.get(written.toLowerCase(Locale.ROOT));
		if (other != null) {
			return other;
		}
		for (Month month : Month.values()) {
			if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
				.toLowerCase(Locale.ROOT)
				.startsWith(written.toLowerCase(Locale.ROOT))) {
				return month.getValue();
			}
		}
		throw new IllegalArgumentException("Not a month: " + written);
	}

	/**
	 * A name after "my name is", "I'm", "this is"... (weak cues need a capital or two
	 * words, and no word that would rather describe the writer: "I'm looking", "I'm in
	 * pain"), or the whole message when the assistant asked for a name.
	 */
	private String name(StringBuilder rest, boolean asked) {
		String text = rest.toString();
		boolean lowerCase = text.equals(text.toLowerCase(Locale.ROOT));
		Matcher cue = NAME_CUE.matcher(text);
		while (cue.find()) {
			boolean strong = STRONG_NAME_CUES.contains(cue.group(1).toLowerCase(Locale.ROOT).replace('’', '\''));
			List<String> tokens = nameTokens(text.substring(cue.end()), strong || lowerCase);
			boolean capitalised = !tokens.isEmpty() && Character.isUpperCase(tokens.get(0).charAt(0));
			if (!tokens.isEmpty() && (strong || capitalised || tokens.size() >= 2)) {
				return take(rest, cue.end(), tokens);
			}
		}
		Matcher here = NAME_HERE.matcher(text);
		if (here.find() && !NOT_NAMES.contains(here.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0])) {
			List<String> tokens = nameTokens(here.group(1), false);
			if (tokens.size() >= 2) {
				return take(rest, here.start(1), tokens);
			}
		}
		if (asked) {
			String stripped = text.trim().replaceAll("[.!]+$", "");
			List<String> tokens = nameTokens(stripped, true);
			if (!tokens.isEmpty() && tokens.size() == stripped.split("\\s+").length) {
				return take(rest, text.indexOf(tokens.get(0)), tokens);
			}
		}
		return null;
	}

	/**
	 * The two or three words just before an email or a phone number are a name when they
	 * are capitalised (Tom Becker before tom@example.com), or when the address is made of
	 * them (mia wong before mia.wong@example.com).
	 */
	private static String nameBeforeContact(String text, String email, ClinicSnapshot clinic) {
		Matcher number = PHONE_START.matcher(text);
		int at = email != null ? text.indexOf(email) : number.find() ? number.start() : -1;
		if (at <= 0) {
			return null;
		}
		String before = text.substring(0, at).replaceAll("[\\s,;:()-]+$", "");
		String[] words = before.split("[\\s,;:.!?()]+");
		Set<String> local = email == null ? Set.of()
				: Set.of(email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).split("[._+-]+"));
		Set<String> catalog = new java.util.HashSet<>();
		clinic.services().forEach(service -> catalog.addAll(Texts.words(service.name())));
		clinic.providers().forEach(provider -> catalog.addAll(Texts.words(provider.name())));
		List<String> name = new ArrayList<>();
		// an SMS written all in lower case names its writer in lower case too
		boolean lowerCase = text.equals(text.toLowerCase(Locale.ROOT));
		int i = words.length - 1;
		while (i >= 0 && CONTACT_LABELS.contains(words[i].toLowerCase(Locale.ROOT))) {
			i--;
		}
		for (; i >= 0 && name.size() < 3; i--) {
			String word = words[i];
			String lower = word.toLowerCase(Locale.ROOT);
			boolean nameLike = word.matches("\\p{L}[\\p{L}'’-]+") && !NOT_NAMES.contains(lower)
					&& !TITLES.contains(lower) && !catalog.contains(lower) && !lower.matches(MONTH)
					&& !CONTACT_LABELS.contains(lower) && !Texts.isCommonWord(lower);
			if (!nameLike || !(Character.isUpperCase(word.charAt(0)) || local.contains(lower) || lowerCase)) {
				break;
			}
			name.add(0, word);
		}
		return name.size() >= 2 ? String.join(" ", name) : null;
	}

	/**
	 * Leading words that can be a name: letters only, not a common word, at most four.
	 */
	private static List<String> nameTokens(String text, boolean anyCase) {
		List<String> tokens = new ArrayList<>();
		for (String raw : text.split("\\s+")) {
			String token = raw.replaceAll("[,;!?]+$", "");
			boolean last = !token.equals(raw);
			if (token.endsWith(".") && token.length() > 2) {
				token = token.substring(0, token.length() - 1);
				last = true;
			}
			String lower = token.toLowerCase(Locale.ROOT);
			if (token.length() < 2 || !token.matches("\\p{L}[\\p{L}'’-]*") || NOT_NAMES.contains(lower)
					|| (!anyCase && !Character.isUpperCase(token.charAt(0)))
					|| (lower.equals(token) && (lower.endsWith("ing") || lower.endsWith("ed")))) {
				break;
			}
			tokens.add(token);
			if (last || tokens.size() == 4) {
				break;
			}
		}
		return tokens;
	}

	private static String take(StringBuilder rest, int from, List<String> tokens) {
		int end = from;
		for (String token : tokens) {
			end = rest.indexOf(token, end) + token.length();
		}
		blank(rest, from, end);
		List<String> capitalised = new ArrayList<>();
		for (String token : tokens) {
			capitalised.add(token.equals(token.toLowerCase(Locale.ROOT))
					? Character.toUpperCase(token.charAt(0)) + token.substring(1) : token);
		}
		return String.join(" ", capitalised);
	}

	/**
	 * A 1-based pick among offered options ("option 2", "the second one"; a bare "2" only
	 * when options were offered). Blanked out so that "the 3rd one" is not a date.
	 */
	private static Integer choice(StringBuilder rest, String awaiting) {
		String lower = rest.toString().toLowerCase(Locale.ROOT);
		Matcher numbered = NUMBERED_CHOICE.matcher(lower);
		if (numbered.find() && Integer.parseInt(numbered.group(1)) > 0) {
			blank(rest, numbered.start(), numbered.end());
			return Integer.parseInt(numbered.group(1));
		}
		Matcher ordinal = ORDINAL_CHOICE.matcher(lower);
		if (ordinal.find()) {
			blank(rest, ordinal.start(), ordinal.end());
			return ORDINALS.get(ordinal.group(1));
		}
		Integer only = null;
		for (String word : Texts.words(lower)) {
			Integer value = ORDINALS.get(word);
			boolean offered = awaiting.equals("slot") || awaiting.equals("appointment") || awaiting.equals("choice")
					|| awaiting.equals("option");
			if (value == null && offered && word.matches("[1-9]")) {
				value = Integer.parseInt(word);
			}
			if (value != null && only == null) {
				only = value;
			}
			else if (!CHOICE_FILLERS.contains(word)) {
				return null;
			}
		}
		if (only != null) {
			blank(rest, 0, rest.length());
		}
		return only;
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

	private static void blank(StringBuilder text, int from, int to) {
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
		if (!TIMES.read(opening, context).isEmpty()) {
			return opening;
		}
		String closing = LongMessages.closing(text);
		return TIMES.read(closing, context).isEmpty() ? text : closing;
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
