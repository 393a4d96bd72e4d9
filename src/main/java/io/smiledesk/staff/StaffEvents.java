package io.smiledesk.staff;

import java.util.UUID;

/**
 * Sign-in activity, for the audit trail. Failed attempts name no account: the email may
 * not exist.
 */
public final class StaffEvents {

	private StaffEvents() {
	}

	public record LoginSucceeded(UUID userId, StaffRole role, String channel) {
	}

	/**
	 * @param userId the account the attempt was against, when it exists
	 */
	public record LoginFailed(UUID userId, String reason, String channel) {
	}

	public record PasswordChanged(UUID userId) {
	}

	public record SecondFactorEnabled(UUID userId) {
	}

	public record StaffAccountChanged(UUID userId, String change) {
	}

	/** A manager set a member of staff's weekly duty hours. */
	public record DutyHoursChanged(UUID userId, String hours) {
	}

}
