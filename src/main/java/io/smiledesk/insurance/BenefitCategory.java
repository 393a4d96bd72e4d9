package io.smiledesk.insurance;

import java.util.Locale;

/** How a plan covers a procedure; on the wire in lower case. */
enum BenefitCategory {

	PREVENTIVE, BASIC, MAJOR, ORTHODONTIC,
	/** Cosmetic work (whitening) no plan here pays for. */
	NOT_COVERED;

	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
