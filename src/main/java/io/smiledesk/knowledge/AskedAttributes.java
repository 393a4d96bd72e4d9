package io.smiledesk.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detail of a topic a question asks for (an age, how often, how quickly, an interest
 * rate, a discount, a fee, whether someone speaks a language) and whether a passage
 * states anything of the kind. A passage about the topic that states no such detail does
 * not answer the question ("the youngest age for whitening" near the whitening passage,
 * which names no age): the team is asked instead. Read from the words, so it holds for
 * any clinic's documents; too rare among the labelled questions for the answerability
 * model to learn, so a rule beside it.
 */
final class AskedAttributes {

	/** What a question asks for, and what in a passage states it. */
	private record Attribute(Pattern asked, Pattern stated) {
	}

	private static final List<Attribute> ATTRIBUTES = List.of(
			attribute("\\b(age|ages|how old|youngest|oldest|minimum age|what age)\\b",
					"\\b\\d+ ?(years? old|and (over|older|up)|\\+)|\\bunder \\d+|\\bover \\d+|\\baged? \\d+|"
							+ "\\bages? \\d+|\\b\\d+ or older"),
			attribute("\\bhow (often|frequently)\\b",
					"\\bevery\\b|\\bonce\\b|\\btwice\\b|\\btimes a\\b|\\bannual|"
							+ "\\bmonthly\\b|\\bweekly\\b|\\bdaily\\b|\\bper (day|week|month|year)\\b|\\ba year\\b"),
			attribute("\\bhow (quickly|fast|soon)\\b",
					"\\bwithin\\b|\\d+ (minutes|hours|days|weeks)|\\bsame[- ]day\\b|"
							+ "\\bimmediately\\b|\\bright away\\b|\\ban hour\\b"),
			attribute("\\b(interest rate|apr|rate)\\b", "\\d ?%|\\bapr\\b|\\bpercent"),
			attribute("\\b(discount|discounts|deal|promo|coupon)\\b", "\\bdiscount|\\d ?%|\\boff\\b"),
			// "do you charge to send my records?" near a passage naming no fee at all
			attribute("\\b(fee|fees|charge|charges|charged|extra cost|cost extra)\\b",
					"\\bfee|\\bcharge|\\$ ?\\d|\\bfree\\b|\\bno cost\\b|\\bat no\\b|\\bincluded\\b|\\bcosts?\\b"));

	private static final String LANGUAGES = "english|spanish|french|portuguese|mandarin|chinese|cantonese|vietnamese|"
			+ "korean|arabic|hindi|russian|italian|german|tagalog|creole|japanese|urdu|bengali|punjabi|greek|hebrew|"
			+ "farsi|persian|gujarati|turkish|ukrainian|somali|swahili|amharic";

	/** Asking whether someone speaks a language ("does Dr Lopez speak Portuguese?"). */
	private static final Pattern SPEAKS = Pattern
		.compile("\\b(do|does|can|is|are) ([\\w'.]+ ){0,3}(speak|speaks|speaking)\\b[^?]*?\\b(" + LANGUAGES + ")\\b");

	private AskedAttributes() {
	}

	private static Attribute attribute(String asked, String stated) {
		return new Attribute(Pattern.compile(asked), Pattern.compile(stated, Pattern.CASE_INSENSITIVE));
	}

	/**
	 * Whether the question asks for a detail the passage states nothing of; a passage
	 * offering an interpreter answers any question of language.
	 */
	static boolean unstated(String question, Chunk passage) {
		String asked = question.toLowerCase(Locale.ROOT);
		String text = (String.join(" ", passage.headings()) + " " + passage.text()).toLowerCase(Locale.ROOT);
		for (Attribute attribute : ATTRIBUTES) {
			if (attribute.asked().matcher(asked).find() && !attribute.stated().matcher(text).find()) {
				return true;
			}
		}
		Matcher speaks = SPEAKS.matcher(asked);
		return speaks.find() && !text.contains(speaks.group(4)) && !text.contains("interpreter")
				&& !text.contains("other languages");
	}

}
