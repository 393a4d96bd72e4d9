package io.smiledesk.understanding;

import java.time.LocalDateTime;

/**
 * What a message says about when: a precise start, or a window to choose in (end
 * exclusive). Clinic-local.
 */
public sealed interface TimeExpression {

	record At(LocalDateTime start) implements TimeExpression {
	}

	record Between(LocalDateTime from, LocalDateTime to) implements TimeExpression {
	}

}
