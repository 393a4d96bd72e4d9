package io.smiledesk.reminder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.smiledesk.safety.SafetyAssessment;
import io.smiledesk.safety.SafetyScreen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How replies right after a reminder are read: a plain yes, can't come, another time, or
 * left to the assistant as they are.
 */
class ReminderRepliesTests {

	@ParameterizedTest
	@ValueSource(strings = { "C", "c", "Yes", "YES!", "yes please", "Confirmed", "confirm", "Yes, confirmed. Thanks!",
			"ok see you then", "\uD83D\uDC4D", "Sí", "oui merci", "yes I will be there", "Y" })
	void aBareYesConfirms(String reply) {
		assertThat(ReminderReplies.read(reply)).isEqualTo(ReminderReplies.Meaning.CONFIRM);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "no", "can't make it", "yes but can we do Thursday instead", "cancel",
			"Can I come at 3?", "not sure", "c u thursday instead", "confirm the address?", "yes, unless it rains",
			"cancel my reminder texts", "yes but please text me at this number instead" })
	void anythingElseGoesToTheAssistant(String reply) {
		assertThat(ReminderReplies.read(reply)).isNotEqualTo(ReminderReplies.Meaning.CONFIRM);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sorry, I can't make it", "cancel please", "I won't be able to come", "no puedo ir",
			"je ne pourrai pas venir" })
	void cannotComeIsCancelling(String reply) {
		assertThat(ReminderReplies.read(reply)).isEqualTo(ReminderReplies.Meaning.CANCEL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Could we do Thursday instead?", "can't do Tuesday, is there anything on Wednesday",
			"I need to reschedule", "any openings later that week?", "¿podemos cambiar la hora?" })
	void anotherTimeIsMoving(String reply) {
		assertThat(ReminderReplies.read(reply)).isEqualTo(ReminderReplies.Meaning.RESCHEDULE);
	}

	@Test
	void aYesWithAClinicalWorryIsLeftToTheSafetyScreen() {
		// the reminder's own answer runs the same screen the assistant runs first
		SafetyAssessment worry = new SafetyScreen().assess("yes, but my face is swollen and I have a fever");
		assertThat(worry.isEmergency() || worry.needsStaff()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "cancel my reminder texts", "who is this", "what should I bring?" })
	void theRestIsLeftAsItIs(String reply) {
		assertThat(ReminderReplies.read(reply)).isEqualTo(ReminderReplies.Meaning.UNSURE);
	}

}
