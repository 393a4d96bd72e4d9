package io.smiledesk.assistant;

import java.util.regex.Pattern;

/**
 * The words of a patient who wants to be told when an earlier time frees up: asking for
 * the waitlist in so many words, or asking for anything sooner than the times offered. A
 * question about the waitlist (do you have one?) is not a request to join it.
 */
final class WaitlistWords {

	private static final String LIST = "(wait[ -]?list|waiting list|cancell?ation list|stand-?by list|short[ -]?notice list"
			+ "|lista de espera|liste d'attente)";

	private static final Pattern JOIN = Pattern.compile(
			"(\\b(put|add|place|sign|get|join)|\\b(want to|like to|can i|could i|happy to|please|i'?ll|i would) (be|go|stay))\\b"
					+ "[^.?!]{0,30}?\\b" + LIST + "|\\bwaitlist (me|us)\\b"
					+ "|\\b(let me know|tell me|text me|call me|email me|e-mail me|notify me|message me|contact me|ping me|avísame|av[ií]senme|pr[ée]venez-moi)\\b"
					+ "[^.?!]{0,40}?\\b(cancell?ation|cancel|opens? up|opening|frees? up|comes? up|becomes? (free|available)|se libera|se libère)\\b"
					+ "|\\b(apúntame|ap[uú]ntenme|an[oó]tame|inscr[ií]vanme|p[oó]n(me|game|ganme)|inscrivez-moi|mettez-moi|ajoutez-moi)\\b[^.?!]{0,30}?\\b"
					+ LIST,
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern SOONER = Pattern.compile(
			"\\b(anything|something|any time|anytime|any|nothing)\\s+(sooner|earlier)\\b(?!\\s+(in|on|that|than|today|tomorrow)\\b)"
					+ "|\\b(sooner|earlier) than (that|those|these|this)\\b"
					+ "|\\b(sooner|earlier) (availability|appointments?|slots?|times?|openings?|dates?|days?)\\b"
					+ "|\\b(get|fit|squeeze) (me|us|him|her|them) in (sooner|earlier)\\b"
					+ "|\\b(algo|alguna cita|alguna hora|nada) (antes|m[aá]s pronto)\\b"
					+ "|\\b(quelque chose|rien) de plus t[oô]t\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private WaitlistWords() {
	}

	/**
	 * Asks to go on the waitlist ("put me on the waitlist", "text me if something opens
	 * up").
	 */
	static boolean join(String text) {
		return JOIN.matcher(text).find();
	}

	/** Asks for a time sooner than those offered ("anything sooner?"). */
	static boolean sooner(String text) {
		return SOONER.matcher(text).find();
	}

}
