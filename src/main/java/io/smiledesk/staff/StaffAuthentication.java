package io.smiledesk.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import io.smiledesk.staff.StaffEvents.LoginFailed;
import io.smiledesk.staff.StaffEvents.LoginSucceeded;
import io.smiledesk.staff.StaffEvents.PasswordChanged;
import io.smiledesk.staff.StaffEvents.SecondFactorEnabled;
import io.smiledesk.system.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing staff in and out. Every refusal looks the same from outside (same answer, and a
 * password hash is checked even for unknown emails so timing tells nothing), whether the
 * email is unknown, the password wrong or the account locked.
 */
@Service
@Transactional
public class StaffAuthentication {

	private final StaffUserRepository users;

	private final RefreshTokenRepository refreshTokens;

	private final PasswordEncoder passwords;

	private final Tokens tokens;

	private final SecuritySettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String dummyHash;

	StaffAuthentication(StaffUserRepository users, RefreshTokenRepository refreshTokens, PasswordEncoder passwords,
			Tokens tokens, SecuritySettings settings, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.tokens = tokens;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.dummyHash = passwords.encode("not-a-real-password-" + UUID.randomUUID());
	}

	public sealed interface LoginOutcome {

	}

	/**
	 * @param secondFactorSetupRequired the tokens only allow setting up TOTP until that
	 * is done
	 */
	public record SignedIn(TokenPair tokens, StaffMember member,
			boolean secondFactorSetupRequired) implements LoginOutcome {
	}

	/**
	 * @param account the account, given only with {@link Refusal#SECOND_FACTOR_REQUIRED}
	 * (the password was right): a two-step sign-in keeps it for its second step
	 */
	public record Refused(Refusal reason, UUID account) implements LoginOutcome {

		public Refused(Refusal reason) {
			this(reason, null);
		}

	}

	public enum Refusal {

		INVALID_CREDENTIALS, SECOND_FACTOR_REQUIRED

	}

	public record TokenPair(String accessToken, long expiresInSeconds, String refreshToken) {
	}

	public record TotpEnrolment(String secret, String otpauthUri) {
	}

	/**
	 * @param fullAccessOnly refuse (as a failure) an ADMIN or OFFICE_MANAGER who has not
	 * set up the second factor yet, instead of signing them in for the set-up only (the
	 * console cannot do the set-up)
	 */
	public LoginOutcome login(String email, String password, String totpCode, String channel, boolean fullAccessOnly) {
		Instant now = clock.instant();
		Optional<StaffUser> found = users.findByEmail(normalise(email));
		if (found.isEmpty()) {
			passwords.matches(password == null ? "" : password, dummyHash);
			events.publishEvent(new LoginFailed(null, "unknown-account", channel));
			return new Refused(Refusal.INVALID_CREDENTIALS);
		}
		StaffUser user = found.get();
		boolean passwordMatches = passwords.matches(password == null ? "" : password, user.passwordHash());
		if (!user.canSignIn(now)) {
			events.publishEvent(new LoginFailed(user.id(), user.active() ? "locked" : "inactive", channel));
			return new Refused(Refusal.INVALID_CREDENTIALS);
		}
		if (!passwordMatches) {
			return fail(user, "wrong-password", channel, now);
		}
		if (user.totpEnabled()) {
			if (totpCode == null || totpCode.isBlank()) {
				// says the password was right, as any two-step sign-in does; guessing
				// stays rate-limited per account
				events.publishEvent(new LoginFailed(user.id(), "second-factor-missing", channel));
				return new Refused(Refusal.SECOND_FACTOR_REQUIRED, user.id());
			}
			OptionalLong step = Totp.match(user.totpSecret(), totpCode.trim(), now);
			if (step.isEmpty() || !user.acceptTotpStep(step.getAsLong())) {
				return fail(user, "wrong-second-factor", channel, now);
			}
		}
		boolean setupRequired = user.role().requiresTotp() && !user.totpEnabled();
		if (setupRequired && fullAccessOnly) {
			events.publishEvent(new LoginFailed(user.id(), "second-factor-not-set-up", channel));
			return new Refused(Refusal.INVALID_CREDENTIALS);
		}
		user.recordLogin(now);
		events.publishEvent(new LoginSucceeded(user.id(), user.role(), channel));
		return new SignedIn(issue(user, setupRequired, UUID.randomUUID()), user.view(), setupRequired);
	}

	/**
	 * The second step of a two-step sign-in: the code, for an account whose password was
	 * right a moment ago (the caller keeps that fact server-side, never in the browser).
	 * A wrong code counts towards the lockout; a code is accepted once.
	 */
	public LoginOutcome completeSecondFactor(UUID account, String totpCode, String channel) {
		Instant now = clock.instant();
		Optional<StaffUser> found = users.findById(account);
		if (found.isEmpty() || !found.get().totpEnabled()) {
			return new Refused(Refusal.INVALID_CREDENTIALS);
		}
		StaffUser user = found.get();
		if (!user.canSignIn(now)) {
			events.publishEvent(new LoginFailed(user.id(), user.active() ? "locked" : "inactive", channel));
			return new Refused(Refusal.INVALID_CREDENTIALS);
		}
		OptionalLong step = totpCode == null ? OptionalLong.empty()
				: Totp.match(user.totpSecret(), totpCode.trim(), now);
		if (step.isEmpty() || !user.acceptTotpStep(step.getAsLong())) {
			return fail(user, "wrong-second-factor", channel, now);
		}
		user.recordLogin(now);
		events.publishEvent(new LoginSucceeded(user.id(), user.role(), channel));
		return new SignedIn(issue(user, false, UUID.randomUUID()), user.view(), false);
	}

	/**
	 * Exchanges a refresh token for a new pair. A token presented twice revokes its whole
	 * family.
	 */
	public Optional<SignedIn> refresh(String refreshToken) {
		Instant now = clock.instant();
		Optional<RefreshToken> found = refreshToken == null ? Optional.empty()
				: refreshTokens.findByTokenHash(Tokens.hash(refreshToken));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RefreshToken token = found.get();
		if (token.wasUsed()) {
			revokeFamily(token.familyId(), now);
			return Optional.empty();
		}
		Optional<StaffUser> user = users.findById(token.userId());
		if (!token.isUsable(now) || user.isEmpty() || !user.get().canSignIn(now)
				|| isBefore(token.issuedAt(), user.get().tokensNotBefore())) {
			return Optional.empty();
		}
		if (refreshTokens.markUsed(token.id(), now) != 1) {
			// another request used it a moment ago: the same token twice is reuse,
			// whoever came first
			revokeFamily(token.familyId(), now);
			return Optional.empty();
		}
		boolean setupRequired = user.get().role().requiresTotp() && !user.get().totpEnabled();
		return Optional
			.of(new SignedIn(issue(user.get(), setupRequired, token.familyId()), user.get().view(), setupRequired));
	}

	/** Ends one sign-in: its refresh tokens stop working. */
	public void logout(String refreshToken) {
		if (refreshToken == null) {
			return;
		}
		refreshTokens.findByTokenHash(Tokens.hash(refreshToken))
			.ifPresent(token -> revokeFamily(token.familyId(), clock.instant()));
	}

	/** Ends every sign-in of the user, including access tokens already issued. */
	public void logoutEverywhere(UUID userId) {
		Instant now = clock.instant();
		users.findById(userId).ifPresent(user -> user.revokeTokens(now));
		refreshTokens.findByUserId(userId).forEach(token -> token.revoke(now));
	}

	@Transactional(readOnly = true)
	public Optional<StaffMember> member(UUID userId) {
		return users.findById(userId).map(StaffUser::view);
	}

	/**
	 * Whether an access token issued at {@code issuedAt} still stands (user active, not
	 * signed out since).
	 */
	@Transactional(readOnly = true)
	public boolean accepts(UUID userId, Instant issuedAt) {
		return users.findById(userId)
			.filter(StaffUser::active)
			.filter(user -> !isBefore(issuedAt, user.tokensNotBefore()))
			.isPresent();
	}

	/**
	 * @return false when the current password is wrong (counted like a failed sign-in) or
	 * the account is locked
	 */
	public boolean changePassword(UUID userId, String current, String replacement) {
		StaffUser user = users.findById(userId).orElseThrow();
		if (!user.canSignIn(clock.instant())) {
			return false;
		}
		if (!passwords.matches(current == null ? "" : current, user.passwordHash())) {
			fail(user, "wrong-password", "password-change", clock.instant());
			return false;
		}
		PasswordPolicy.problem(replacement, user.email()).ifPresent(problem -> {
			throw new InvalidInputException("new_password", problem);
		});
		Instant now = clock.instant();
		user.changePassword(passwords.encode(replacement), now);
		refreshTokens.findByUserId(userId).forEach(token -> token.revoke(now));
		events.publishEvent(new PasswordChanged(userId));
		return true;
	}

	public TotpEnrolment startTotp(UUID userId) {
		StaffUser user = users.findById(userId).orElseThrow();
		String secret = Totp.newSecret();
		user.startTotpEnrolment(secret, clock.instant());
		return new TotpEnrolment(secret, Totp.uri(settings.issuer(), user.email(), secret));
	}

	/**
	 * Turns the second factor on once the user proves their app has the secret, and signs
	 * them in fully.
	 */
	public Optional<SignedIn> confirmTotp(UUID userId, String code) {
		StaffUser user = users.findById(userId).orElseThrow();
		Instant now = clock.instant();
		if (user.totpEnabled() || user.totpSecret() == null) {
			return Optional.empty();
		}
		OptionalLong step = Totp.match(user.totpSecret(), code, now);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		user.enableTotp(step.getAsLong(), now);
		logoutEverywhere(userId);
		events.publishEvent(new SecondFactorEnabled(userId));
		return Optional.of(new SignedIn(issue(user, false, UUID.randomUUID()), user.view(), false));
	}

	private LoginOutcome fail(StaffUser user, String reason, String channel, Instant now) {
		user.recordFailedLogin(settings.maxFailedLogins(), settings.lockout(), now);
		events.publishEvent(new LoginFailed(user.id(), reason, channel));
		return new Refused(Refusal.INVALID_CREDENTIALS);
	}

	private TokenPair issue(StaffUser user, boolean setupOnly, UUID family) {
		Instant now = clock.instant();
		String refresh = Tokens.newRefreshToken();
		refreshTokens
			.save(new RefreshToken(user.id(), family, Tokens.hash(refresh), now, now.plus(settings.refreshTokenTtl())));
		return new TokenPair(tokens.accessToken(user, setupOnly ? Tokens.SCOPE_TOTP_ENROLMENT : Tokens.SCOPE_STAFF),
				settings.accessTokenTtl().toSeconds(), refresh);
	}

	private void revokeFamily(UUID family, Instant now) {
		refreshTokens.findByFamilyId(family).forEach(token -> token.revoke(now));
	}

	/**
	 * JWT times have whole seconds: compare at that precision so a fresh sign-in counts
	 * as after a sign-out.
	 */
	private static boolean isBefore(Instant instant, Instant limit) {
		return limit != null && instant.getEpochSecond() < limit.getEpochSecond();
	}

	static String normalise(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

}
