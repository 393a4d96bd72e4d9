package io.smiledesk.payment;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a paid deposit when its visit does not take place: cancelled at least
 * the clinic's notice before the start, it is refunded; later, or a missed visit, and the
 * clinic keeps it (staff may waive that). One rule for every route.
 */
record DepositCancellationPolicy(Duration notice) {

	sealed interface Decision {

		String reason();

		record Refund(String reason) implements Decision {
		}

		record Keep(String reason) implements Decision {
		}

	}

	Decision onCancellation(Instant cancelledAt, Instant start) {
		if (!cancelledAt.plus(notice).isAfter(start)) {
			return new Decision.Refund("cancelled_outside_notice");
		}
		return new Decision.Keep("cancelled_inside_notice");
	}

	Decision onNoShow() {
		return new Decision.Keep("no_show");
	}

}
