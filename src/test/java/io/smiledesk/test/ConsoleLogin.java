package io.smiledesk.test;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.microsoft.playwright.Page;

import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;

/**
 * Signing in to the console through its real pages in browser tests: email and password
 * at {@code /login}, then, for ADMIN and OFFICE_MANAGER, the authenticator set-up the
 * first time (the code worked out from the secret the page shows, at the test clock's
 * time) or the code on later sign-ins.
 */
public final class ConsoleLogin {

	private ConsoleLogin() {
	}

	/**
	 * An account signed in through the pages.
	 *
	 * @param totpSecret the authenticator secret set up at the first sign-in, or null
	 */
	public record Account(StaffMember member, String password, String totpSecret) {
	}

	/**
	 * A fresh account of the role, signed in on the page, which ends on /console. Sign in
	 * again (another page, or after signing out) with
	 * {@link #signIn(Page, Account, Clock)}, a time step later if a code was used: a code
	 * works once.
	 */
	public static Account signIn(Page page, StaffAccounts accounts, Clock clock, StaffRole role) {
		StaffMember member = accounts.create("Browser " + role.name().toLowerCase().replace('_', ' '),
				role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID() + "@test.example", role,
				ConsoleStaff.PASSWORD);
		String secret = signIn(page, member.email(), ConsoleStaff.PASSWORD, null, clock);
		return new Account(member, ConsoleStaff.PASSWORD, secret);
	}

	/** Signs an existing account in again. */
	public static void signIn(Page page, Account account, Clock clock) {
		signIn(page, account.member().email(), account.password(), account.totpSecret(), clock);
	}

	/**
	 * Signs in with the given password. When the console asks for a code it is worked out
	 * from {@code totpSecret}; when it asks to set up an authenticator the secret on the
	 * page is used.
	 * @return the authenticator secret set up on the way, or null
	 */
	public static String signIn(Page page, String email, String password, String totpSecret, Clock clock) {
		page.navigate("/login");
		page.locator("input[name=email]").fill(email);
		page.locator("input[name=password]").fill(password);
		page.locator("form[action='/login'] button[type=submit]").click();
		page.waitForURL(url -> !url.endsWith("/login"));
		String secret = null;
		if (page.url().contains("/login/setup")) {
			secret = page.locator("#totp-secret").textContent().strip();
			page.locator("input[name=code]").fill(code(secret, clock));
			page.locator("form[action='/login/setup'] button[type=submit]").click();
		}
		else if (page.url().contains("/login/code")) {
			if (totpSecret == null) {
				throw new IllegalStateException("The console asks for a code but no authenticator secret was given");
			}
			page.locator("input[name=code]").fill(code(totpSecret, clock));
			page.locator("form[action='/login/code'] button[type=submit]").click();
		}
		page.waitForURL(url -> url.endsWith("/console") || url.contains("/login"));
		if (!page.url().endsWith("/console")) {
			throw new IllegalStateException("Sign-in refused for " + email + " (at " + page.url() + ")");
		}
		return secret;
	}

	/**
	 * The RFC 6238 code (SHA-1, six digits, 30-second steps) for a Base32 secret at the
	 * clock's time.
	 */
	public static String code(String base32Secret, Clock clock) {
		long step = Math.floorDiv(clock.instant().getEpochSecond(), 30);
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return "%06d".formatted(binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		String clean = text.replace("=", "").replace(" ", "").toUpperCase();
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

}
