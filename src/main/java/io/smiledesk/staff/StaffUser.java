package io.smiledesk.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of staff who signs in. Guards its own lockout and second factor. */
@Entity
@Table(name = "staff_user")
class StaffUser {

	@Id
	private UUID id;

	private String name;

	private String email;

	@Enumerated(EnumType.STRING)
	private StaffRole role;

	private String passwordHash;

	private boolean active;

	private Instant lastLoginAt;

	private int failedLogins;

	private Instant lockedUntil;

	private String totpSecret;

	private boolean totpEnabled;

	private Long totpLastStep;

	private Instant tokensNotBefore;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected StaffUser() {
	}

	StaffUser(String name, String email, StaffRole role, String passwordHash, Instant now) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.email = email;
		this.role = role;
		this.passwordHash = passwordHash;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	boolean canSignIn(Instant now) {
		return active && !isLockedAt(now);
	}

	/**
	 * After {@code threshold} failures in a row the account locks, for longer each
	 * further time (capped at a day).
	 */
	void recordFailedLogin(int threshold, Duration lockout, Instant now) {
		failedLogins++;
		if (failedLogins >= threshold) {
			int excess = Math.min(failedLogins - threshold, 6);
			Duration lock = lockout.multipliedBy(1L << excess);
			lockedUntil = now.plus(lock.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : lock);
		}
		updatedAt = now;
	}

	void recordLogin(Instant now) {
		failedLogins = 0;
		lockedUntil = null;
		lastLoginAt = now;
		updatedAt = now;
	}

	void unlock(Instant now) {
		failedLogins = 0;
		lockedUntil = null;
		updatedAt = now;
	}

	void changePassword(String newHash, Instant now) {
		passwordHash = newHash;
		revokeTokens(now);
	}

	void revokeTokens(Instant now) {
		tokensNotBefore = now;
		updatedAt = now;
	}

	void update(String name, StaffRole role, boolean active, Instant now) {
		this.name = name;
		if (role != this.role || active != this.active) {
			revokeTokens(now);
		}
		this.role = role;
		this.active = active;
		updatedAt = now;
	}

	void startTotpEnrolment(String secret, Instant now) {
		if (totpEnabled) {
			throw new IllegalStateException("A second factor is already set up");
		}
		totpSecret = secret;
		updatedAt = now;
	}

	void enableTotp(long step, Instant now) {
		totpEnabled = true;
		totpLastStep = step;
		updatedAt = now;
	}

	/**
	 * A code is good once: the step it matched is remembered so a seen code cannot be
	 * replayed.
	 */
	boolean acceptTotpStep(long step) {
		if (totpLastStep != null && step <= totpLastStep) {
			return false;
		}
		totpLastStep = step;
		return true;
	}

	UUID id() {
		return id;
	}

	String name() {
		return name;
	}

	String email() {
		return email;
	}

	StaffRole role() {
		return role;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean active() {
		return active;
	}

	String totpSecret() {
		return totpSecret;
	}

	boolean totpEnabled() {
		return totpEnabled;
	}

	Instant tokensNotBefore() {
		return tokensNotBefore;
	}

	StaffMember view() {
		return new StaffMember(id, name, email, role, active, totpEnabled, lastLoginAt, lockedUntil);
	}

}
