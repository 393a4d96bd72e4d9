package io.smiledesk.staff;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.RateLimiter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in, refreshing, signing out; the signed-in user's own account and second
 * factor.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class AuthRestController {

	private final StaffAuthentication authentication;

	private final RateLimiter rateLimiter;

	AuthRestController(StaffAuthentication authentication, RateLimiter rateLimiter) {
		this.authentication = authentication;
		this.rateLimiter = rateLimiter;
	}

	@PostMapping("/api/v1/auth/login")
	TokenResponse login(@Valid @RequestBody LoginRequest request) {
		// per account, whatever IPs the guesses come from (the filter already limits per
		// IP)
		if (rateLimiter.tryConsume(RateLimiter.LOGIN_PER_ACCOUNT,
				StaffAuthentication.normalise(request.email())) instanceof RateLimiter.Refused refused) {
			throw refused.problem();
		}
		StaffAuthentication.LoginOutcome outcome = authentication.login(request.email(), request.password(),
				request.totpCode(), "api", false);
		if (outcome instanceof StaffAuthentication.SignedIn signedIn) {
			return TokenResponse.of(signedIn);
		}
		if (((StaffAuthentication.Refused) outcome).reason() == StaffAuthentication.Refusal.SECOND_FACTOR_REQUIRED) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "second-factor-required", "Second factor required",
					"Enter the 6-digit code from your authenticator app as totp_code.");
		}
		throw invalidCredentials();
	}

	@PostMapping("/api/v1/auth/refresh")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return authentication.refresh(request.refreshToken())
			.map(TokenResponse::of)
			.orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Unauthenticated",
					"The refresh token is invalid, expired or already used. Sign in again."));
	}

	@PostMapping("/api/v1/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@Valid @RequestBody RefreshRequest request) {
		authentication.logout(request.refreshToken());
	}

	@GetMapping("/api/v1/users/me")
	Me me(@AuthenticationPrincipal Jwt jwt) {
		StaffMember member = authentication.member(UUID.fromString(jwt.getSubject())).orElseThrow();
		return new Me(member.id(), member.name(), member.email(), member.role(), member.totpEnabled(),
				member.role().requiresTotp() && !member.totpEnabled());
	}

	/**
	 * Signs out on every device: refresh tokens and access tokens already issued stop
	 * working.
	 */
	@DeleteMapping("/api/v1/users/me/sessions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logoutEverywhere(@AuthenticationPrincipal Jwt jwt) {
		authentication.logoutEverywhere(UUID.fromString(jwt.getSubject()));
	}

	@PostMapping("/api/v1/users/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange request) {
		requireFullAccess(jwt);
		if (!authentication.changePassword(UUID.fromString(jwt.getSubject()), request.currentPassword(),
				request.newPassword())) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "wrong-password", "Forbidden",
					"The current password is not right.");
		}
	}

	@PostMapping("/api/v1/users/me/totp")
	ResponseEntity<StaffAuthentication.TotpEnrolment> startTotp(@AuthenticationPrincipal Jwt jwt) {
		try {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(authentication.startTotp(UUID.fromString(jwt.getSubject())));
		}
		catch (IllegalStateException ex) {
			throw ApiProblem.conflict("second-factor-exists", "A second factor is already set up for this account.");
		}
	}

	@PostMapping("/api/v1/users/me/totp/confirm")
	TokenResponse confirmTotp(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody TotpConfirmation request) {
		return authentication.confirmTotp(UUID.fromString(jwt.getSubject()), request.code())
			.map(TokenResponse::of)
			.orElseThrow(() -> ApiProblem.invalidField("code",
					"does not match; check the time on your phone and enter the current code"));
	}

	private static void requireFullAccess(Jwt jwt) {
		if (!Tokens.SCOPE_STAFF.equals(jwt.getClaimAsString("scope"))) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "second-factor-setup-required", "Forbidden",
					"Set up your second factor first (POST /api/v1/users/me/totp).");
		}
	}

	private static ApiProblem invalidCredentials() {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthenticated",
				"The email or password is not right, or the account is locked. Try again later or ask an administrator.");
	}

	record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
			@Size(max = 10) String totpCode) {
	}

	record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
	}

	record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
			@NotBlank @Size(max = 128) String newPassword) {
	}

	record TotpConfirmation(@NotBlank @Size(max = 10) String code) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, String role,
			boolean secondFactorSetupRequired) {

		static TokenResponse of(StaffAuthentication.SignedIn signedIn) {
			return new TokenResponse(signedIn.tokens().accessToken(), "bearer", signedIn.tokens().expiresInSeconds(),
					signedIn.tokens().refreshToken(), signedIn.member().role().name(),
					signedIn.secondFactorSetupRequired());
		}

	}

	record Me(UUID userId, String name, String email, StaffRole role, boolean totpEnabled,
			boolean secondFactorSetupRequired) {
	}

}
