package io.smiledesk.assistant;

import java.util.List;
import java.util.Optional;

import io.smiledesk.assistant.DialogueState.Option;
import io.smiledesk.knowledge.ClinicQuestions;
import io.smiledesk.knowledge.InsurerQuestions;
import io.smiledesk.understanding.Intent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A question, answered only from what the clinic wrote (the knowledge base, then the
 * clinic settings). A question the clinic's knowledge does not answer gets an honest "I
 * don't have that information" and goes to staff, never the nearest passage. Booking is
 * offered after an answer about a service, never instead of it.
 */
@Component
class QuestionFlow implements Flow {

	/** Longer messages are asked by their questions only. */
	static final int LONG = 300;

	private final List<ClinicQuestions> sources;

	/**
	 * Asked when the clinic's list says nothing more about an insurer it takes: what the
	 * documents say about working with insurers (benefits checked, what the patient
	 * pays).
	 */
	static final String INSURANCE_BASICS = "do you check my insurance benefits before the visit";

	private final QuestionTerms terms;

	private final InsurerQuestions insurers;

	@Autowired
	QuestionFlow(List<ClinicQuestions> sources, QuestionTerms terms, InsurerQuestions insurers) {
		this.sources = sources;
		this.terms = terms;
		this.insurers = insurers;
	}

	/** Without a carriers list: every question goes to the clinic's documents. */
	QuestionFlow(List<ClinicQuestions> sources, QuestionTerms terms) {
		this(sources, terms, new InsurerQuestions(List.of()));
	}

	@Override
	public Intent task() {
		return Intent.QUESTION;
	}

	/** Answers, or hands over when nobody knows; no booking is offered inside a task. */
	@Override
	public Draft next(DialogueState state, Turn turn, Draft draft) {
		boolean english = "en".equals(turn.locale().getLanguage());
		Optional<InsurerQuestions.Asked> insurer = insurers.read(turn.text());
		if (insurer.isPresent()) {
			return insurer(insurer.get(), turn, draft);
		}
		Optional<ClinicQuestions.Answer> answer = answer(turn);
		if (answer.isEmpty()) {
			return draft.say("question.unanswered")
				.handoff(HandoffReason.UNANSWERED_QUESTION, draft.wording().forStaff("handoff.unanswered_question"));
		}
		if (!english) {
			// the clinic writes its knowledge in English: said, not hidden
			draft.say("question.in-english");
		}
		draft.sayAsWritten(answer.get().text());
		String serviceId = answer.get().suggestedServiceId();
		if (state.task() == null && serviceId != null && !state.heldForStaff(serviceId)
				&& turn.clinic().serviceById(serviceId).isPresent()) {
			Wording wording = draft.wording();
			String service = wording.service(draft.locale(), serviceId, turn.clinic());
			state.suggest(Intent.BOOK, serviceId);
			draft.say("question.offer-booking", wording.aService(draft.locale(), serviceId, turn.clinic()))
				.options(List.of(
						new Option(wording.text(draft.locale(), "question.offer-booking.yes.label", service),
								wording.text(draft.locale(), "question.offer-booking.yes.value", service)),
						Menu.noThanks(draft)));
		}
		return draft;
	}

	/**
	 * A question asked with a request, as in 'Do you take Delta Dental? If so, a cleaning
	 * next Wednesday', has its question sentences answered first when the clinic's
	 * knowledge answers them; then the request goes on. An insurer not on the list goes
	 * to staff to confirm, which ends the turn.
	 */
	Draft alongside(Turn turn, Draft draft) {
		Turn asked = turn.withText(questionSentences(turn.text()));
		if (asked.text().isBlank()) {
			return draft;
		}
		Optional<InsurerQuestions.Asked> insurer = insurers.read(asked.text());
		if (insurer.isPresent()) {
			return insurer(insurer.get(), asked, draft);
		}
		answer(asked).ifPresent(answer -> {
			if (!"en".equals(turn.locale().getLanguage())) {
				draft.say("question.in-english");
			}
			draft.sayAsWritten(answer.text());
		});
		return draft;
	}

	/**
	 * The sentences of a message that ask something when others ask for something else;
	 * the whole message when every sentence, or none, is a question.
	 */
	static String questionSentences(String text) {
		java.text.BreakIterator sentences = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ROOT);
		sentences.setText(text);
		StringBuilder asked = new StringBuilder();
		boolean other = false;
		boolean asking = false;
		for (int start = sentences.first(),
				end = sentences.next(); end != java.text.BreakIterator.DONE; start = end, end = sentences.next()) {
			String sentence = text.substring(start, end).strip();
			if (sentence.endsWith("?") && sentence.split("\\s+").length < 3) {
				// "like 9?" after a request adds to it
				other = true;
			}
			else if (sentence.endsWith("?") && !TASK_WORDS.matcher(sentence).find()) {
				asked.append(sentence).append(' ');
			}
			else if (sentence.endsWith("?")) {
				// "could my filling move to the 20th?" is the request itself
				asking = true;
			}
			else if (sentence.codePoints().anyMatch(Character::isLetter)) {
				other = true;
			}
		}
		if (asked.isEmpty()) {
			// no question, or only the request asked as one
			return asking ? "" : text;
		}
		return other || asking ? asked.toString().strip() : text;
	}

	/** Words of a request for an appointment or a change to one, in a question. */
	private static final java.util.regex.Pattern TASK_WORDS = java.util.regex.Pattern.compile(
			"(?iu)\\b(move|moving|moved|book|booking|cancel\\w*|reschedul\\w*|push|switch|appointment|appt|slot|slots|opening|openings|availability|available|earliest|soonest|earlier|later|sooner|come in|fit me|see me|cita|reservar|cambiar|mover|anular|rendez-vous|d[ée]placer|annuler)\\b");

	/**
	 * "Do you take Aetna?" answered from the clinic's carriers list: a listed carrier
	 * with what the documents say about it (or about insurance), one not listed said
	 * honestly and sent to staff to confirm, with anything the documents do say.
	 */
	private Draft insurer(InsurerQuestions.Asked asked, Turn turn, Draft draft) {
		asked.listed().forEach(carrier -> draft.say("question.insurer.listed", carrier));
		asked.notListed().forEach(carrier -> draft.say("question.insurer.not-listed", carrier));
		Optional<ClinicQuestions.Answer> documents = answer(turn);
		if (documents.isEmpty() && asked.notListed().isEmpty()) {
			documents = answer(INSURANCE_BASICS);
		}
		documents.ifPresent(answer -> {
			if (!"en".equals(turn.locale().getLanguage())) {
				draft.say("question.in-english");
			}
			draft.sayAsWritten(answer.text());
		});
		if (!asked.notListed().isEmpty()) {
			draft.handoff(HandoffReason.UNANSWERED_QUESTION,
					draft.wording().forStaff("handoff.insurer_not_listed", String.join(", ", asked.notListed())));
		}
		return draft;
	}

	/**
	 * What the clinic's knowledge says to the message, if it answers it; a Spanish or
	 * French one is asked in English topic words.
	 */
	Optional<ClinicQuestions.Answer> answer(Turn turn) {
		String language = turn.locale().getLanguage();
		String asked = terms.clean(QuestionFlow.questionPart(turn.text()));
		if (!asked.codePoints().anyMatch(Character::isLetter)) {
			// "1" or "??" asks nothing the clinic's documents could answer
			return Optional.empty();
		}
		List<String> parts = parts(asked);
		if (parts.size() > 1) {
			// "are you open on Saturdays? and is there parking?": each part answered, or
			// the message as a whole (a part left unanswered is not hidden behind
			// another)
			List<ClinicQuestions.Answer> each = parts.stream()
				.map(part -> answerIn(part, language))
				.flatMap(Optional::stream)
				.toList();
			if (each.size() == parts.size()) {
				return combined(each);
			}
		}
		Optional<ClinicQuestions.Answer> whole = answerIn(asked, language);
		if (whole.isPresent()) {
			return whole;
		}
		String core = core(asked);
		return core.equals(asked) ? whole : answerIn(core, language);
	}

	private static final java.util.regex.Pattern LEAD_IN = java.util.regex.Pattern
		.compile("(?iu)^(?:(?:also|and|so|oh|ok|okay|btw|plus|quick question|one more thing|y|et|aussi)\\b[,:]?\\s*)+");

	private static final java.util.regex.Pattern ASKS = java.util.regex.Pattern.compile(
			"(?iu)^(?:how|what|whats|what's|when|where|wheres|where's|which|who|do|does|is|are|can|could|will|would|should|cu[aá]nto|cu[aá]nta|qu[eé]|d[oó]nde|cu[aá]ndo|c[oó]mo|combien|quel|quelle|o[uù]|quand|comment|est-ce)\\b");

	/** A condition ("if I'm late, do you still see me?") is part of what is asked. */
	private static final java.util.regex.Pattern CONDITION = java.util.regex.Pattern
		.compile("(?iu)^(?:if|unless|in case|what if|si)\\b");

	/** A clause telling of the patient ("my sister is driving me") asks nothing. */
	private static final java.util.regex.Pattern ABOUT_ME = java.util.regex.Pattern
		.compile("(?iu)^(?:my|i|im|i'm|we|he|she|they|cause|because|as|thanks|thank you|thx)\\b");

	/**
	 * The question clause of a question the clinic's documents did not answer whole: a
	 * lead-in before a comma ('before I choose') goes, so does a clause after it that
	 * tells of the patient ('my sister is gonna drive me'), and a condition stays. No
	 * comma inside double quotes here: Modulith's documenter reads Javadoc as JSON.
	 */
	static String core(String question) {
		String[] clauses = question.split("\\s*,\\s*");
		int asking = -1;
		for (int i = 0; i < clauses.length; i++) {
			if (ASKS.matcher(LEAD_IN.matcher(clauses[i].strip()).replaceFirst("")).find()) {
				asking = i;
				break;
			}
		}
		if (asking < 0) {
			return question;
		}
		String before = String.join(" ", java.util.Arrays.asList(clauses).subList(0, asking)).strip();
		if (!before.isEmpty() && (before.split("\\s+").length > 4 || CONDITION.matcher(before).find())) {
			return question;
		}
		StringBuilder core = new StringBuilder(LEAD_IN.matcher(clauses[asking].strip()).replaceFirst(""));
		for (int i = asking + 1; i < clauses.length; i++) {
			if (!ABOUT_ME.matcher(clauses[i].strip()).find()) {
				core.append(", ").append(clauses[i].strip());
			}
		}
		return core.toString();
	}

	private Optional<ClinicQuestions.Answer> answerIn(String asked, String language) {
		return "en".equals(language) ? answer(asked) : terms.english(asked, language).flatMap(this::answer);
	}

	/**
	 * The questions of a message asking several: its sentences ending with a question
	 * mark, and clauses joined by a comma and "and" that start with a question's word.
	 */
	static List<String> parts(String text) {
		List<String> parts = new java.util.ArrayList<>();
		for (String sentence : text.split("(?<=\\?)")) {
			if (!sentence.strip().endsWith("?")) {
				continue;
			}
			parts.addAll(List.of(CLAUSES.split(sentence.strip())));
		}
		List<String> asked = parts.stream().map(String::strip).filter(part -> part.length() > 3).toList();
		// "do you do implants? how much would one cost?": the second asks about the
		// first, so the message is one question
		boolean followUp = asked.stream().skip(1).anyMatch(part -> BACK_REFERENCE.matcher(part).find());
		return followUp ? List.of(text) : asked;
	}

	private static final java.util.regex.Pattern BACK_REFERENCE = java.util.regex.Pattern
		.compile("(?iu)\\b(it|its|one|ones|that|those|this|these|them|they|lo|eso|esto|ello|ça|cela|ceci)\\b");

	private static final java.util.regex.Pattern CLAUSES = java.util.regex.Pattern.compile(
			"(?i)[,;]\\s*(?:and|also|plus|y|et)\\s+(?=(?:how|what|when|where|which|who|do|does|is|are|can|could|will|would|should|cu[aá]nto|cu[aá]nta|qu[eé]|d[oó]nde|cu[aá]ndo|c[oó]mo|combien|quel|quelle|o[uù]|quand|comment|est-ce)\\b)");

	/** Several answers as one, each passage once, in the order asked. */
	private static Optional<ClinicQuestions.Answer> combined(List<ClinicQuestions.Answer> answers) {
		if (answers.isEmpty()) {
			return Optional.empty();
		}
		List<String> texts = answers.stream().map(ClinicQuestions.Answer::text).distinct().toList();
		List<String> sources = answers.stream().flatMap(answer -> answer.sources().stream()).distinct().toList();
		String service = answers.stream()
			.map(ClinicQuestions.Answer::suggestedServiceId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		return Optional.of(new ClinicQuestions.Answer(String.join(" ", texts), sources, service));
	}

	/**
	 * What is asked in a long message: its sentences with a question mark (the first
	 * two), else its beginning.
	 */
	static String questionPart(String text) {
		if (text.length() <= LONG) {
			return text;
		}
		java.text.BreakIterator sentences = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ROOT);
		sentences.setText(text);
		StringBuilder asked = new StringBuilder();
		int count = 0;
		for (int start = sentences.first(), end = sentences.next(); end != java.text.BreakIterator.DONE
				&& count < 2; start = end, end = sentences.next()) {
			String sentence = text.substring(start, end).strip();
			if (sentence.endsWith("?")) {
				asked.append(sentence).append(' ');
				count++;
			}
		}
		return count > 0 ? asked.toString().strip() : text.substring(0, LONG);
	}

	private Optional<ClinicQuestions.Answer> answer(String question) {
		for (ClinicQuestions source : sources) {
			Optional<ClinicQuestions.Answer> answer = source.answer(question);
			if (answer.isPresent()) {
				return answer;
			}
		}
		return Optional.empty();
	}

}
