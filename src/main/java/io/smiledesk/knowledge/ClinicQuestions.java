package io.smiledesk.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Answers a patient's question about the clinic from what the clinic wrote, or nothing
 * when the answer is not there (the assistant then hands over). The knowledge-base module
 * provides the full implementation; until then the clinic settings answer.
 */
public interface ClinicQuestions {

	Optional<Answer> answer(String question);

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

}
