package io.smiledesk.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Answers a patient's question about the clinic from what the clinic published (its
 * knowledge base, its settings, its providers' profiles), or nothing when the answer is
 * not there: the assistant then says it does not have that information and hands over.
 * "Not there" includes a question about something the clinic does not list (a procedure,
 * a brand, a fee nobody published), about the patient's own records or condition, and
 * anything off topic.
 */
public interface ClinicQuestions {

	Optional<Answer> answer(String question);

	/**
	 * The answer, or why there is none. The default asks {@link #answer(String)} and
	 * gives no reason beyond {@link Unanswered#NOT_PUBLISHED}.
	 */
	default Result ask(String question) {
		return answer(question).<Result>map(Answered::new).orElse(new NotAnswered(Unanswered.NOT_PUBLISHED));
	}

	/**
	 * @param text the answer, ready to show
	 * @param sources where it came from (document titles), for the patient and staff
	 * @param suggestedServiceId a service the answer is about, to offer a booking; may be
	 * null
	 */
	record Answer(String text, List<String> sources, String suggestedServiceId) {

		public Answer {
			sources = List.copyOf(sources);
		}

	}

	/** What {@link #ask} found: an answer, or the reason there is none. */
	sealed interface Result permits Answered, NotAnswered {

	}

	record Answered(Answer answer) implements Result {
	}

	record NotAnswered(Unanswered reason) implements Result {
	}

	/** Why the clinic's published information does not answer a question. */
	enum Unanswered {

		/** Nothing the clinic published is about it (off topic, another business). */
		NOTHING_RELEVANT,

		/**
		 * It names something the clinic does not list: a procedure, a product or brand, a
		 * payment method, a holiday, an amenity.
		 */
		NOT_LISTED,

		/**
		 * The topic is there but not the detail asked for (a fee, a brand, a policy
		 * detail nobody wrote down).
		 */
		NOT_PUBLISHED,

		/** It asks about the patient's own records or condition: for staff. */
		ABOUT_THE_PATIENT

	}

}
