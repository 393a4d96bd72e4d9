package io.smiledesk.safety;

/** What a safety assessment is about. */
public enum Topic {

	PREGNANCY, ALLERGY, BLOOD_THINNERS, DIABETES, HEART_CONDITION, IMMUNOSUPPRESSION, RECENT_SURGERY, MEDICATION,
	CLINICAL_ADVICE,

	/** Also facial swelling that is spreading or severe, with or without fever. */
	SWELLING_WITH_FEVER, BREATHING_OR_SWALLOWING, UNCONTROLLED_BLEEDING,

	/** A knocked-out or broken tooth after a blow or fall, a jaw injury. */
	DENTAL_TRAUMA,

	NONE

}
