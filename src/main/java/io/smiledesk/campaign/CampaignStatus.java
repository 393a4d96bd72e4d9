package io.smiledesk.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign stands, with the steps each status allows. Four are final: the patient
 * came back, said no, never answered, or staff finished it by hand.
 */
public enum CampaignStatus {

	ATTEMPTING_RECOVERY, RE_ENGAGED, HANDOFF_REQUIRED, BOOKING_INITIATED, BOOKING_COMPLETED, RECOVERED, RECOVERY_FAILED,
	RECOVERY_DECLINED, MANUAL_FOLLOWUP_COMPLETE;

	static final Set<CampaignStatus> ACTIVE = EnumSet.of(ATTEMPTING_RECOVERY, RE_ENGAGED, HANDOFF_REQUIRED,
			BOOKING_INITIATED, BOOKING_COMPLETED);

	public boolean isActive() {
		return ACTIVE.contains(this);
	}

	/**
	 * Whether follow-ups are still sent: nobody answered, or the patient answered and
	 * went quiet again without booking.
	 */
	boolean followsUp() {
		return this == ATTEMPTING_RECOVERY || this == RE_ENGAGED;
	}

	boolean allows(CampaignStatus next) {
		return switch (this) {
			case ATTEMPTING_RECOVERY -> next != ATTEMPTING_RECOVERY && next != BOOKING_COMPLETED && next != RECOVERED;
			case RE_ENGAGED -> EnumSet
				.of(HANDOFF_REQUIRED, BOOKING_INITIATED, RECOVERY_DECLINED, MANUAL_FOLLOWUP_COMPLETE, RECOVERY_FAILED)
				.contains(next);
			case HANDOFF_REQUIRED ->
				EnumSet.of(RE_ENGAGED, BOOKING_INITIATED, RECOVERY_DECLINED, MANUAL_FOLLOWUP_COMPLETE).contains(next);
			// a cancelled or missed booking goes back to the conversation
			case BOOKING_INITIATED ->
				EnumSet.of(BOOKING_COMPLETED, RECOVERED, RE_ENGAGED, HANDOFF_REQUIRED, MANUAL_FOLLOWUP_COMPLETE)
					.contains(next);
			case BOOKING_COMPLETED ->
				EnumSet.of(RECOVERED, RE_ENGAGED, HANDOFF_REQUIRED, MANUAL_FOLLOWUP_COMPLETE).contains(next);
			case RECOVERED, RECOVERY_FAILED, RECOVERY_DECLINED, MANUAL_FOLLOWUP_COMPLETE -> false;
		};
	}

}
