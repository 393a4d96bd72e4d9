package io.smiledesk.staff;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The console's sign-in, in steps, on the same rules as the API (lockout, second factor,
 * no account enumeration): email and password first; then the authenticator code when the
 * account has one, or, for an ADMIN or OFFICE_MANAGER who has none yet, setting one up.
 * The console keeps its own session, so the API tokens issued on the way are revoked at
 * once.
 */
@Component
class ConsoleSignIn {

	static final String CHANNEL = "console";

	private final StaffAuthentication authentication;

	private final Clock clock;

	ConsoleSignIn(StaffAuthentication authentication, Clock clock) {
		this.authentication = authentication;
		this.clock = clock;
	}

	sealed interface Step {

	}

	/** Signed in: the session may start. */
	record Done(StaffPrincipal principal) implements Step {
	}

	/** The password was right; the authenticator code is next. */
	record CodeNeeded(UUID account) implements Step {
	}

	/**
	 * The password was right and the role needs a second factor that is not set up yet.
	 */
	record SetupNeeded(UUID account, StaffAuthentication.TotpEnrolment enrolment) implements Step {
	}

	/** Refused, for whatever reason: the answer never says which. */
	record Refused() implements Step {
	}

	Step password(String email, String password) {
		StaffAuthentication.LoginOutcome outcome = authentication.login(email, password, null, CHANNEL, false);
		if (outcome instanceof StaffAuthentication.SignedIn signedIn) {
			authentication.logout(signedIn.tokens().refreshToken());
			if (signedIn.secondFactorSetupRequired()) {
				return new SetupNeeded(signedIn.member().id(), authentication.startTotp(signedIn.member().id()));
			}
			return done(signedIn);
		}
		if (outcome instanceof StaffAuthentication.Refused refused
				&& refused.reason() == StaffAuthentication.Refusal.SECOND_FACTOR_REQUIRED
				&& refused.account() != null) {
			return new CodeNeeded(refused.account());
		}
		return new Refused();
	}

	Step code(UUID account, String code) {
		return authentication.completeSecondFactor(account, code,
				CHANNEL) instanceof StaffAuthentication.SignedIn signedIn ? revokeAndFinish(signedIn) : new Refused();
	}

	/** The first code from the new authenticator switches the second factor on. */
	Step setUp(UUID account, String code) {
		Optional<StaffMember> member = authentication.member(account);
		if (member.isEmpty() || !member.get().active()) {
			return new Refused();
		}
		return authentication.confirmTotp(account, code).<Step>map(this::revokeAndFinish).orElseGet(Refused::new);
	}

	private Step revokeAndFinish(StaffAuthentication.SignedIn signedIn) {
		authentication.logout(signedIn.tokens().refreshToken());
		return done(signedIn);
	}

	private Done done(StaffAuthentication.SignedIn signedIn) {
		StaffMember member = signedIn.member();
		return new Done(new StaffPrincipal(member.id(), member.name(), member.email(), member.role(), clock.instant()));
	}

}
