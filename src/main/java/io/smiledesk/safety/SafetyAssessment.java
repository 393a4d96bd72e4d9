package io.smiledesk.safety;

import java.util.List;
import java.util.Objects;

/**
 * The screen's verdict on one message.
 *
 * @param level how urgently staff must see it
 * @param topic the most serious concern found
 * @param reason short text for staff, naming the evidence, e.g. "Mentions blood thinners
 * (warfarin)"; further concerns follow after "also:"
 * @param evidence the words of the message that raised the concerns, most serious first
 */
public record SafetyAssessment(Level level, Topic topic, String reason, List<String> evidence) {

	private static final SafetyAssessment NONE = new SafetyAssessment(Level.NONE, Topic.NONE, "", List.of());

	public SafetyAssessment {
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(reason, "reason");
		evidence = List.copyOf(evidence);
	}

	public static SafetyAssessment none() {
		return NONE;
	}

	public boolean isEmergency() {
		return level == Level.EMERGENCY;
	}

	public boolean needsStaff() {
		return level != Level.NONE;
	}

}
