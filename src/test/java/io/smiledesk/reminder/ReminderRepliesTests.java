package io.smiledesk.reminder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a bare yes to a reminder. */
class ReminderRepliesTests {

	@ParameterizedTest
	@ValueSource(strings = { "C", "c", "Yes", "YES!", "yes please", "Confirmed", "confirm", "Yes, confirmed. Thanks!",
			"ok see you then", "\uD83D\uDC4D", "Sí", "oui merci", "yes I will be there", "Y" })
	void aBareYesConfirms(String reply) {
		assertThat(ReminderConversations.saysYes(reply)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "no", "can't make it", "yes but can we do Thursday instead", "cancel",
			"yes my tooth is swelling", "Can I come at 3?", "not sure", "c u thursday instead",
			"yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes" })
	void anythingElseGoesToTheAssistant(String reply) {
		assertThat(ReminderConversations.saysYes(reply)).isFalse();
	}

}
