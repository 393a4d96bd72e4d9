package io.smiledesk.assistant.phrasing;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkable facts of a reply, so a rewrite can be held to its draft: links, emails,
 * phone numbers, dates, times, numbers and name-like capitalised words. A rewrite must
 * keep all of them and add none (capitalised words it may not add except at the start of
 * a sentence). Deliberately strict: a false alarm only means the draft is sent.
 */
final class ReplyFacts {

	private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

	private static final Pattern PHONE = Pattern.compile("(?<![\\w.])\\+?\\d[\\d ().-]{5,}\\d(?![\\w])");

	private static final Pattern MERIDIEM_TIME = Pattern
		.compile("(?i)\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?\\s?m\\b\\.?");

	private static final Pattern CLOCK_TIME = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");

	private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}'\\u2019-]*");

	/** Capitalised words that are sentence openers or courtesy, not names. */
	private static final Set<String> COMMON = Set.copyOf(Arrays.asList("""
			i a an the and but or so if as at on in for to of by with from we we'll we're we've you you'll
			you're you've your our us it it's its this that these those there here here's there's what when
			where which who how would could can will shall should may might do does did is are was be let let's
			please thanks thank yes no ok okay sure great perfect wonderful lovely excellent good fantastic
			awesome absolutely certainly hi hello hey dear sorry unfortunately just also all any once then now
			not got done see looking feel glad happy welcome alright right noted understood i'm i'll i've i'd
			one either both whenever whichever after before until while because since however meanwhile note
			reply choose pick tell don't kind regards best warm cheers take care have enjoy hope
			""".strip().split("\\s+")));

	/** Abbreviations whose full stop does not end a sentence ("Dr. Lee"). */
	private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "mt");

	private ReplyFacts() {
	}

	/** Why the rewrite is not faithful to the draft, if it is not. */
	static Optional<String> violation(String draft, String rewrite) {
		if (rewrite.length() > Math.min(2 * draft.length() + 40, ModelReplyPhrasing.MAX_LENGTH)) {
			return Optional.of("too long");
		}
		if (rewrite.length() < draft.length() / 3) {
			return Optional.of("too short");
		}
		Facts before = Facts.of(draft);
		Facts after = Facts.of(rewrite);
		return compare("url", before.urls(), after.urls()).or(() -> compare("email", before.emails(), after.emails()))
			.or(() -> compare("phone", before.phones(), after.phones()))
			.or(() -> compare("date", before.dates(), after.dates()))
			.or(() -> compare("time", before.times(), after.times()))
			.or(() -> compare("number", before.numbers(), after.numbers()))
			.or(() -> missing("name", before.names(), after.words()))
			.or(() -> missing("name", after.names(), before.words()).map(reason -> "name added"));
	}

	private static <T> Optional<String> compare(String kind, Set<T> draft, Set<T> rewrite) {
		boolean dropped = !rewrite.containsAll(draft);
		boolean added = !draft.containsAll(rewrite);
		if (dropped && added) {
			return Optional.of(kind + " changed");
		}
		if (dropped) {
			return Optional.of(kind + " dropped");
		}
		return added ? Optional.of(kind + " added") : Optional.empty();
	}

	private static Optional<String> missing(String kind, Set<String> required, Set<String> present) {
		return present.containsAll(required) ? Optional.empty() : Optional.of(kind + " dropped");
	}

	record Facts(Set<String> urls, Set<String> emails, Set<String> phones, Set<String> dates, Set<LocalTime> times,
			Set<BigDecimal> numbers, Set<String> names, Set<String> words) {

		static Facts of(String text) {
			StringBuilder rest = new StringBuilder(text);
			Set<String> urls = take(rest, URL,
					match -> match.group().replaceAll("[.,;:!?)]+$", "").toLowerCase(Locale.ROOT));
			Set<String> emails = take(rest, EMAIL, match -> match.group().toLowerCase(Locale.ROOT));
			Set<String> dates = take(rest, ISO_DATE, Matcher::group);
			Set<String> phones = new LinkedHashSet<>();
			for (String phone : take(rest, PHONE, match -> match.group().replaceAll("\\D", ""))) {
				if (phone.length() >= 7) {
					phones.add(phone);
				}
			}
			Set<LocalTime> times = take(rest, MERIDIEM_TIME, ReplyFacts::meridiemTime);
			times.addAll(take(rest, CLOCK_TIME, match -> clockTime(match.group(1), match.group(2))));
			times.remove(null);
			Set<BigDecimal> numbers = take(rest, NUMBER,
					match -> new BigDecimal(match.group().replace(",", "")).stripTrailingZeros());
			Set<String> names = new HashSet<>();
			Set<String> words = new HashSet<>();
			Matcher word = Pattern.compile("[\\p{L}'\\u2019-]+").matcher(rest);
			while (word.find()) {
				words.add(word.group().toLowerCase(Locale.ROOT));
			}
			Matcher capitalised = CAPITALISED.matcher(rest);
			while (capitalised.find()) {
				String token = capitalised.group();
				boolean startOfWord = capitalised.start() == 0
						|| !Character.isLetter(rest.charAt(capitalised.start() - 1));
				if (startOfWord && token.length() > 1 && !COMMON.contains(token.toLowerCase(Locale.ROOT))
						&& !sentenceStart(rest, capitalised.start())) {
					names.add(token.toLowerCase(Locale.ROOT));
				}
			}
			return new Facts(urls, emails, phones, dates, times, numbers, names, words);
		}

		/** Takes every match out of the text (so later patterns do not see it again). */
		private static <T> Set<T> take(StringBuilder text, Pattern pattern, Function<Matcher, T> value) {
			Set<T> found = new LinkedHashSet<>();
			Matcher matcher = pattern.matcher(text);
			StringBuilder rest = new StringBuilder();
			while (matcher.find()) {
				found.add(value.apply(matcher));
				matcher.appendReplacement(rest, " ");
			}
			matcher.appendTail(rest);
			text.setLength(0);
			text.append(rest);
			return found;
		}

	}

	/** First word of the text or of a sentence, line or list item. */
	private static boolean sentenceStart(CharSequence text, int index) {
		int i = index - 1;
		while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"'(*-\u2022".indexOf(text.charAt(i)) >= 0)) {
			if (text.charAt(i) == '\n') {
				return true;
			}
			i--;
		}
		if (i < 0) {
			return true;
		}
		if (text.charAt(i) == '.') {
			int start = i;
			while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
				start--;
			}
			return !TITLES.contains(text.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
		}
		return "!?:;".indexOf(text.charAt(i)) >= 0;
	}

	private static LocalTime meridiemTime(Matcher match) {
		int hour = Integer.parseInt(match.group(1));
		int minute = (match.group(2) != null) ? Integer.parseInt(match.group(2)) : 0;
		if (hour < 1 || hour > 12 || minute > 59) {
			return null;
		}
		boolean pm = match.group(3).equalsIgnoreCase("p");
		return LocalTime.of((hour % 12) + (pm ? 12 : 0), minute);
	}

	private static LocalTime clockTime(String hourText, String minuteText) {
		int hour = Integer.parseInt(hourText);
		int minute = Integer.parseInt(minuteText);
		return (hour <= 23 && minute <= 59) ? LocalTime.of(hour, minute) : null;
	}

}
