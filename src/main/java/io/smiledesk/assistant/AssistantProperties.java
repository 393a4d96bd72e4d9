package io.smiledesk.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the assistant behaves.
 *
 * @param verification how a patient proves who they are before changing an appointment:
 * CONTACT (name plus the email or phone on file, and the date of birth when one is on
 * file) or ONE_TIME_CODE (additionally a code sent to the email on file)
 * @param offers how many free times to offer at once (3 to 5)
 * @param searchDays how far ahead to look when the patient names no date
 * @param misunderstandingsBeforeHandoff consecutive messages not understood before staff
 * are asked to step in
 */
@ConfigurationProperties("smiledesk.assistant")
record AssistantProperties(@DefaultValue("CONTACT") Verification verification, @DefaultValue("4") int offers,
		@DefaultValue("14") int searchDays, @DefaultValue("3") int misunderstandingsBeforeHandoff) {

	enum Verification {

		CONTACT, ONE_TIME_CODE

	}

	AssistantProperties {
		offers = Math.max(3, Math.min(5, offers));
		searchDays = Math.max(1, searchDays);
		misunderstandingsBeforeHandoff = Math.max(1, misunderstandingsBeforeHandoff);
	}

}
