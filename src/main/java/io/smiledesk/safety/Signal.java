package io.smiledesk.safety;

/**
 * What a lexicon line looks for. Signals with a topic raise it on their own; the others
 * only count in combination (see {@link SafetyScreen}).
 */
enum Signal {

	BREATHING_OR_SWALLOWING(Topic.BREATHING_OR_SWALLOWING), UNCONTROLLED_BLEEDING(Topic.UNCONTROLLED_BLEEDING),
	DENTAL_TRAUMA(Topic.DENTAL_TRAUMA),

	FEVER, SWELLING, SPREAD, SEVERE, FACE, INJURY, TOOTH_DAMAGE, MOUTH, LINGERING_BLEEDING, MILD,

	/** A question asking for advice; clinical advice only with {@link #OWN}. */
	ADVICE,

	/** A symptom or condition the message says the patient has. */
	OWN,

	/**
	 * A cold, flu or cough: what explains a fever that comes without a dental complaint.
	 */
	ILLNESS,

	PREGNANCY(Topic.PREGNANCY), ALLERGY(Topic.ALLERGY), BLOOD_THINNERS(Topic.BLOOD_THINNERS), DIABETES(Topic.DIABETES),
	HEART_CONDITION(Topic.HEART_CONDITION), IMMUNOSUPPRESSION(Topic.IMMUNOSUPPRESSION),
	RECENT_SURGERY(Topic.RECENT_SURGERY), MEDICATION(Topic.MEDICATION), CLINICAL_ADVICE(Topic.CLINICAL_ADVICE);

	private final Topic topic;

	Signal() {
		this(Topic.NONE);
	}

	Signal(Topic topic) {
		this.topic = topic;
	}

	Topic topic() {
		return topic;
	}

}
