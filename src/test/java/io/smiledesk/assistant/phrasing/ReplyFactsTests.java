package io.smiledesk.assistant.phrasing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyFactsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					I have these times on Tuesday, August 12: 1) 9:00 AM 2) 10:30 AM 3) 2:00 PM. Which one works for you? | Here are the openings on Tuesday, August 12: 1) 9am, 2) 10:30 am, 3) 2 pm. Which works best for you?
					Your appointment with Dr. Lee is cancelled. | No problem, your appointment with Dr. Lee has been cancelled.
					What is your email address? | Could you share your email address, please?
					Sorry, we are closed on Sunday. We open Monday at 08:00. | Sorry, we're closed on Sunday! We open again on Monday at 8 AM.
					Maria, please confirm: Cleaning on 2025-08-12 at 14:30? | Thanks Maria! Shall I confirm your Cleaning on 2025-08-12 at 2:30 pm?
					""")
	void acceptsRewritesThatKeepTheFacts(String draft, String rewrite) {
		assertThat(ReplyFacts.violation(draft, rewrite)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Your appointment with Dr. Lee is cancelled. | Your appointment with Dr. Park is cancelled. | name dropped
					Your appointment with Dr. Lee is cancelled. | Your appointment with Dr. Lee is cancelled; Dr. Park will call you. | name added
					We open Monday at 08:00. | We open Monday at 9 AM. | time changed
					We open Monday at 08:00. | We open Monday at 08:00, so come by 7:45. | time added
					Your cleaning is booked. | Your cleaning is booked, it takes 45 minutes. | number added
					Call us at 555-0101-22. | Give us a ring! | phone dropped
					Email us at desk@smiles.test. | Email us at help@smiles.test. | email changed
					See https://smiles.test/faq. | See https://smiles.test/faq or https://evil.test. | url added
					""")
	void rejectsRewritesThatChangeAFact(String draft, String rewrite, String reason) {
		assertThat(ReplyFacts.violation(draft, rewrite)).contains(reason);
	}

}
