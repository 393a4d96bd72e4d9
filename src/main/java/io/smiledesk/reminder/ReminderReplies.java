package io.smiledesk.reminder;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a reply right after a reminder means, from cues in English, Spanish and French:
 * yes, can't come, another time, or unsure (the assistant reads it as it is). Moving wins
 * over cancelling (can't do Tuesday, Wednesday works: that asks to move), and a yes with
 * a question, a but or a negation in it is not a yes.
 */
final class ReminderReplies {

	enum Meaning {

		CONFIRM, CANCEL, RESCHEDULE, UNSURE

	}

	private static final int LONGEST_YES = 200;

	private static final Pattern YES = Pattern.compile("\\b(y|c|k|ye+s+|yeah?|yep|yup|ya|sure|ok(ay)?|alright|"
			+ "confirm\\w*|confirmd|absolutely|definitely|certainly|perfect|great|fine|si|claro|vale|perfecto|oui|"
			+ "parfait|d accord|entendu)\\b|\\b(will|ll|shall) be there\\b|\\bbe there\\b|\\bsee (you|u|ya)\\b|\\bc u\\b|"
			+ "\\bworks\\b|\\bsounds good\\b|\\bgot it\\b|\\bcount (me|us) in\\b|\\bcan ?t wait\\b|\\blooking forward\\b|"
			+ "\\b(alli|ahi|aqui) estare\\b|\\bestare\\b|\\bnos vemos\\b|\\bserai la\\b|\\ba (mardi|bientot|demain)\\b|"
			+ "\\bcoming\\b|[\\x{1F44D}\\x{2705}\\x{1F44C}]");

	private static final Pattern NOT_YES = Pattern.compile("\\?|\\bbut\\b|\\bpero\\b|\\bmais\\b|\\bnot\\b|\\bno\\b|"
			+ "\\b\\w+n t\\b|\\b(cant|wont|dont|didnt|isnt|wasnt|couldnt|wouldnt|aint)\\b|\\bcannot\\b|\\bnever\\b|\\bcancel|\\bunless\\b|\\bif\\b|\\bmaybe\\b|\\bnope\\b|\\bstop\\b|"
			+ "\\bwrong\\b|\\bwho\\b");

	/** "no problem" and "can't wait" say yes. */
	private static final Pattern YES_DESPITE = Pattern
		.compile("\\bno problem\\b|\\bno worries\\b|\\bcan ?t wait\\b|" + "\\bwouldn ?t miss\\b|\\bno doubt\\b");

	private static final Pattern CANT_COME = Pattern
		.compile("\\b(can ?t|cannot|can not|won ?t|will not|wont|unable to|not able to|couldn ?t|not going to|"
				+ "not gonna|wouldn ?t be able to)\\b.{0,30}\\b(make|come|attend|be there|go|do)\\b|\\bnot coming\\b|"
				+ "\\bwon ?t be (there|coming|able)\\b|\\b(have|need) to cancel\\b|\\bcancel\\b|\\bcancell?ed\\b|"
				+ "\\bno (puedo|podre|podremos|voy)\\b|\\bcancelar\\b|\\banular\\b|\\bne (peux|pourrai|pourrons) pas\\b|"
				+ "\\bannuler\\b|\\bimpossible\\b|\\bsomething came up\\b|\\bcall it off\\b");

	private static final String DAYS = "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|"
			+ "friday|sat|saturday|lunes|martes|miercoles|jueves|viernes|sabado|lundi|mardi|mercredi|jeudi|vendredi|"
			+ "samedi";

	/**
	 * "Wednesday works": another time, when the reply also says the first one does not.
	 */
	private static final Pattern OTHER_WORKS = Pattern.compile("\\b(" + DAYS
			+ "|tomorrow|morning|afternoon|evening|\\d+ ?(am|pm)?) (works|would work|is fine|is better|suits)\\b");

	/** "Text me instead" asks for another number, not another time. */
	private static final Pattern ABOUT_CONTACT = Pattern
		.compile("\\b(text|call|email|contact|reach|message|phone|write) (me|us|to)\\b|\\bnumber\\b");

	private static final Pattern ANOTHER_TIME = Pattern.compile("\\bre-?sched\\w*|\\bmove (it|my|the|our)\\b|"
			+ "\\bchange (it|the|my|our)\\b|\\b(another|different|other|new) (day|time|date|slot|appointment)\\b|"
			+ "\\binstead\\b|\\b(earlier|later)\\b|\\b(push|bump|shift|switch) (it|me|my|the)\\b|"
			+ "\\bany (openings?|availability|slots?|times?|spots?)\\b|\\banything (at|in|on|later|earlier|else|around)\\b|"
			+ "\\b(is|are) there (a|any)\\b|\\bdo you have (anything|something|any)\\b|\\b(what|how) about\\b|"
			+ "\\b(could|can) (i|we) (do|come|make it)\\b.{0,40}\\b(\\d|" + DAYS
			+ "|morning|afternoon|evening|lunch|noon|week)|\\b(tiene|tienen|hay) (algo|alguna?|hueco|lugar)\\b|\\bworks (better|for me)\\b|\\bwould (be )?better\\b|"
			+ "\\b(otro|otra) (dia|hora|fecha|cita)\\b|\\bcambiar\\b|\\bmover\\b|\\bpasar(la|lo)? (a|al|para)\\b|"
			+ "\\breprogramar\\b|\\b(autre|nouveau|nouvelle) (jour|date|heure|creneau|rendez)\\b|\\bdeplacer\\b|"
			+ "\\breporter\\b|\\bdecaler\\b|\\bchanger\\b");

	/** Asking to stop the texts is not cancelling the visit. */
	private static final Pattern ABOUT_MESSAGES = Pattern
		.compile("\\b(reminders?|texts?|messages?|notifications?|emails?|sms)\\b");

	private ReminderReplies() {
	}

	static Meaning read(String text) {
		String plain = plain(text);
		if (plain.isBlank()) {
			return Meaning.UNSURE;
		}
		boolean cannot = CANT_COME.matcher(plain).find() && !YES_DESPITE.matcher(plain).find();
		if ((ANOTHER_TIME.matcher(plain).find() || cannot && OTHER_WORKS.matcher(plain).find())
				&& !ABOUT_CONTACT.matcher(plain).find()) {
			return Meaning.RESCHEDULE;
		}
		if (cannot) {
			return ABOUT_MESSAGES.matcher(plain).find() ? Meaning.UNSURE : Meaning.CANCEL;
		}
		if (plain.length() <= LONGEST_YES && YES.matcher(plain).find()) {
			String rest = YES_DESPITE.matcher(plain).replaceAll(" ");
			return NOT_YES.matcher(rest).find() ? Meaning.UNSURE : Meaning.CONFIRM;
		}
		return Meaning.UNSURE;
	}

	/** Lower case, accents and apostrophes gone, "?" and emoji kept, the rest spaces. */
	static String plain(String text) {
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("['\u2019]", " ")
			.replaceAll("[^\\p{L}\\p{N}?\\x{1F300}-\\x{1FAFF}\\x{2705}\\x{1F44D}]+", " ")
			.replaceAll(" +", " ")
			.strip();
	}

}
