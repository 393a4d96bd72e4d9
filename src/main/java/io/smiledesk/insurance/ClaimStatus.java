package io.smiledesk.insurance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a claim is. Sent once printed and mailed (electronic submission is out of scope);
 * received when the insurer acknowledges it; paid or denied on its answer. A denied claim
 * may be corrected and sent again; a paid one is closed.
 */
enum ClaimStatus {

	UNSENT, SENT, RECEIVED, PAID, DENIED;

	Set<ClaimStatus> next() {
		return switch (this) {
			case UNSENT -> Set.of(SENT);
			case SENT -> Set.of(RECEIVED, PAID, DENIED);
			case RECEIVED -> Set.of(PAID, DENIED);
			case DENIED -> Set.of(SENT);
			case PAID -> Set.of();
		};
	}

	boolean canBecome(ClaimStatus target) {
		return next().contains(target);
	}

	/** Waiting for the insurer: what the aging report counts. */
	boolean open() {
		return this == SENT || this == RECEIVED;
	}

	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ClaimStatus> parse(String value) {
		return Arrays.stream(values()).filter(status -> status.json().equals(value)).findFirst();
	}

}
