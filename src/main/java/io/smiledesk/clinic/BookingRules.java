package io.smiledesk.clinic;

import java.time.Duration;

/**
 * Clinic-wide booking rules.
 *
 * @param minBookingNoticeMinutes how far ahead a patient must book
 * @param maxBookingHorizonDays how far ahead a patient may book
 * @param slotIntervalMinutes the grid on which start times are offered
 * @param cancellationNoticeHours patients may not cancel or move an appointment closer to
 * it than this
 * @param holdMinutes how long a slot is held for a patient who is confirming
 */
public record BookingRules(int minBookingNoticeMinutes, int maxBookingHorizonDays, int slotIntervalMinutes,
		int cancellationNoticeHours, int holdMinutes) {

	public Duration minimumNotice() {
		return Duration.ofMinutes(minBookingNoticeMinutes);
	}

	public Duration horizon() {
		return Duration.ofDays(maxBookingHorizonDays);
	}

	public Duration cancellationNotice() {
		return Duration.ofHours(cancellationNoticeHours);
	}

	public Duration holdTime() {
		return Duration.ofMinutes(holdMinutes);
	}

}
