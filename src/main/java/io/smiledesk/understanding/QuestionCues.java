package io.smiledesk.understanding;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a message asks for information ("how long does whitening take?", "is there a
 * fee if I'm ill?", "can I bring my service dog?"), as opposed to asking for an
 * appointment ("can I book a cleaning?", "do you have anything Friday?") or for a change
 * to one ("can I cancel my appointment?"). A question that names a service is still a
 * question; a policy question about cancelling is not a cancellation.
 */
final class QuestionCues {

	/** Words and phrases that ask for a fact. */
	private static final Pattern ASKS = Pattern
		.compile("(^|[.!?,]\\s*|\\b(hi|hello|hey|also|and|but|so|quick question|question)[,!:]?\\s+)"
				+ "(what|which|who|whose|why|where|how (long|much|many|far|often|soon|quickly|fast|early|late|do|does|is|are|will|can|should|would)"
				+ "|what('s| is| are| does| do| happens| should| if| kind| type| time do)|whats|wat is|when (can|do|does|should|will|is|are)"
				+ "|where (is|are|do|can|should)|which (insurance|insurances|forms?|languages?|payment|cards?|dentists?)"
				+ "|who (is|are|does|do|speaks)|why|is (there|it|that|the|my|a)|are (there|you|the|your)|do (you|i|we|they|the)|does (it|the|a|an|that|this|dr|anyone|anybody|someone)"
				+ "|can (i|we|my|you|someone|kids|children)|could (i|you)|should i|will (it|i|my|the|there)|would (it|i|there)|am i|have you|has dr"
				+ "|is it|any (idea|info)|is (dr|sam|your|an|this|that|he|she|someone|anyone|anybody)|are (your|appointments?)"
				+ "|does (sam|your|he|she)|do (your|dentists|hygienists)|can (a|the|an)|tell me (about|more)"
				+ "|(any|is there an?|do you (give|offer|do) an?) ?((student|military|veteran|family|senior|cash) )?discounts?"
				+ "|wondering (if|whether|what|how|who|when|which))\\b"
				// a sentence opening with an auxiliary and its subject asks ("is guardian
				// in
				// network", "does dr lopez work weekends"); "can do Tuesday", "do it" do
				// not
				+ "|(^|[.!?,;]\\s*)(is|are|does|do|did|can|should) (?!(be|do|it|that|this|so|not)\\b)[a-z]"
				// after a statement: "two white fillings, will whitening lighten them?"
				+ "|[.!?,;]\\s*(will|would|could) (?!(be|do|not)\\b)[a-z]|\\b(until|till|by) when\\b");

	/** A question behind a condition: "if I cancel the morning of, is there a charge". */
	private static final Pattern CONDITIONAL = Pattern.compile("\\bif [^.?!]{0,80}?\\b(is there|are there"
			+ "|will (i|it|there|you|we)|do (i|we|you|they)|does it|what happens|can (i|we|you)|would (i|it|there|we)|should (i|we)|is it"
			+ "|are (you|there|we)|how (much|long))\\b");

	/** A fact asked for inside a longer sentence ("i was wondering what the fee is"). */
	private static final Pattern INFORMATION = Pattern
		.compile("\\b(how long|how much|how many|how far|what time|what kind|"
				+ "what happens|what should|what do i|what to (bring|expect)|policy|policies|fee|fees|charge|charged|cost|costs|price|prices|"
				+ "insurance|insurances|accept|take (my )?(insurance|cards?|credit|medicaid|medicare)|pay|payment|parking|park|address|located|directions|"
				+ "wheelchair|accessible|bring|allowed|allow|dog|pets?|kids|children|speak|languages?|spanish|forms?|hurt|hurts|painful|safe|numb|eat|drink|"
				+ "last|lasts|take|takes|open|close|closed|hours|holidays?|ahead|advance|late|early|finance|financing|plans?|covid|masks?|x-?rays?|"
				+ "do you (do|offer|treat|see|provide|have (a|an) (policy|fee|payment))|anyone who|someone who|"
				// who works when, and the practical facts people ask about
				+ "dentists?|doctors?|hygienists?|dr|staff|team|works?|working|weekends?|saturdays?|sundays?|"
				+ "e-?mail address|zip( code)?|floor|stairs|elevator|lift|wi-?fi|discounts?|deposits?|refunds?|reminders?|"
				+ "paperwork|sign|minors?|bab(y|ies)|gentle|nervous|scared|terrified|instruments|sterili[sz]ed?|wipe|"
				+ "wait|normal|common|sensitive|sensitivity|includes?|included|covered|covers?|in[- ]network|qualify|"
				+ "time ?zone|eastern|certified|specialists?|dds|dmd|female|male|woman|online|(through|via|over|in) (this|the) (chat|app|website))\\b");

	/**
	 * Asking for a time, an appointment or a change to one: a request, not a question for
	 * the knowledge base.
	 */
	private static final Pattern REQUEST = Pattern.compile(
			"\\b((can|could|may|do) (i|we|you) (please )?(book|schedule|come|set up|fit|squeeze|reserve|grab|move|reschedule|change|cancel|push|switch)"
					// "can I get an appointment", "can you see me": a request; "do you
					// see babies?", "can
					// you make night guards?" ask what the clinic does
					+ "|(can|could|may|do) (i|we|you) (please )?(make|get|have) (an? |my |the |another |one )?(appointment|appt|booking|slot|time|spot|opening|visit)"
					+ "|(can|could|may) (i|we|you) (please )?(get|have) (an? |another )?([a-z]+ )?(cleaning|checkup|check-up|exam|filling|whitening|consult\\w*)\\b(?! (cost|take|last|hurt|include))"
					+ "|(can|could|may|do) (i|we|you) (please )?see (me|us|him|her|them|my|dr|doctor|a dentist|the dentist|someone)\\b"
					+ "|(book|schedule|reserve) (me|an?|my|the|it)|i('d| would) like (to|an?)|i want (to|an?)|i need (to|an?)|looking to"
					+ "|(any|have|got) (openings?|availability|slots?|free (time|slots?)|times? (free|available)|appointments? (free|available|left|open))"
					+ "|(is|are) there (any )?(openings?|availability|slots?|appointments?|times?|space|room)"
					+ "|(are|is) (you|anyone|dr [a-z]+|[a-z]+) (free|available|open) (on|at|this|next|tomorrow|today)"
					+ "|when('s| is) (the )?(next|earliest|soonest|first) (available|opening|free|slot|appointment)"
					+ "|(earliest|soonest|next) (available|opening|free|slot|appointment)"
					// "what's the earliest you can do a filling on Thursday?"
					+ "|(earliest|soonest|first) (time |day |slot |appointment |opening )?(that )?(you|i|we) (can|could)"
					+ "|(do|does) (you|anyone|dr \\w+|\\w+) have (anything|something|any ?time|time|space|room|an? (slot|opening|appointment|spot))"
					+ "|(anything|something|any ?time|a (slot|spot|time)) (free|available|open|left)"
					+ "|(slots?|openings?|availability|available times?|free times?)"
					+ "|when can (i|you|we) (come|see|fit|get|book|be seen)|how (soon|quickly|fast) can (i|you|we)"
					+ "|(what|which) (times?|days?|slots?|dates?)( do you have| are| is| have you got)? ?(free|available|open|left)?\\b.*\\b(free|available|open|left|have)"
					+ "|what do you have (on|for|this|next|tomorrow|today))\\b");

	/**
	 * A message that opens by asking for a fact ("how far ahead can I book?") asks it,
	 * whatever follows.
	 */
	private static final Pattern FACT_FIRST = Pattern.compile(
			"^\\W*(how (far|long|much|many|early|late|often)|why|where|who|whats|what('s| is| are| does| happens| kind| type))\\b");

	/** Asking for the first free time, however the question opens. */
	private static final Pattern EARLIEST = Pattern.compile(
			"\\b(earliest|soonest|first) (time |day |slot |appointment |opening )?(that )?(you|i|we) (can|could)\\b");

	/**
	 * Questions about when the clinic is open, which name a day without asking for it.
	 */
	private static final Pattern ABOUT_OPENING = Pattern
		.compile("\\b(open|opened|opening hours|close|closes|closed|hours|holiday|holidays"
				// who works when: "does dr lopez work weekends", "until what time is dr
				// patel there"
				// ("before work", "at work" are the patient's own)
				+ "|(does|do|is|who|which) [a-z. ]{0,20}\\b(work|works|working)|works? (on|weekends?|saturdays?|sundays?|evenings?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|late|early)"
				+ "|in on|there on|until what time|how (late|early)|start|starts|finish|finishes)\\b");

	/** What is asked about cancelling, rather than asking to cancel. */
	private static final Pattern ABOUT_CHANGES = Pattern.compile(
			"\\b(fee|fees|charge|charged|cost|policy|notice|penalty|what happens|how (late|far|long|much|soon)|is there|do i (have|need|get)"
					+ "|(until|till|by) when|for free|free of charge|without paying"
					+ "|online|(through|via|over|in) (this|the) (chat|app|website)|by (text|email|phone))\\b");

	private static final Pattern WORD = Pattern.compile("[a-z']+");

	private static final Map<String, String> SHORTHAND = Texts.pairs(IntentClassifier.SPELLING)
		.stream()
		.collect(Collectors.toUnmodifiableMap(pair -> pair[0], pair -> pair[1], (first, second) -> first));

	private QuestionCues() {
	}

	/** Whether the text asks for information (perhaps besides asking for a time). */
	static boolean asks(String text) {
		String plain = plain(text);
		return asking(plain) && INFORMATION.matcher(plain).find();
	}

	/**
	 * Whether it asks for information and nothing else: no appointment is asked for.
	 * @param mentionsTime the message names a day or time, which usually means it asks
	 * for one ("do you have Friday?"), unless it asks whether the clinic is open then
	 */
	static boolean onlyAsks(String text, Intent read, boolean mentionsTime) {
		String plain = plain(text);
		boolean strong = ASKS.matcher(plain).find() || CONDITIONAL.matcher(plain).find();
		if (!strong && !plain.contains("?")) {
			return false;
		}
		if ((read == Intent.CANCEL || read == Intent.RESCHEDULE) && Cues.says(read, plain)) {
			// a change guessed without a word asking for one is read like any question
			return ABOUT_CHANGES.matcher(plain).find();
		}
		boolean request = REQUEST.matcher(plain).find()
				&& (!FACT_FIRST.matcher(plain).find() || EARLIEST.matcher(plain).find());
		if (request || mentionsTime && !ABOUT_OPENING.matcher(plain).find()) {
			return false;
		}
		return strong || INFORMATION.matcher(plain).find();
	}

	/**
	 * Whether the text has a question's form: a question mark or a question's opening.
	 */
	static boolean asking(String text) {
		String plain = plain(text);
		return plain.contains("?") || ASKS.matcher(plain).find() || CONDITIONAL.matcher(plain).find();
	}

	/** The text lower case, without accents, chat shorthand written out ("r u open"). */
	private static String plain(String text) {
		String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
		Matcher word = WORD.matcher(lower);
		StringBuilder written = new StringBuilder();
		while (word.find()) {
			word.appendReplacement(written,
					Matcher.quoteReplacement(SHORTHAND.getOrDefault(word.group(), word.group())));
		}
		return word.appendTail(written).toString();
	}

}
