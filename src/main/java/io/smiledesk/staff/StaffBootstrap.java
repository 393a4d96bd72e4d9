package io.smiledesk.staff;

import java.util.List;

import io.smiledesk.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator comes from SMILEDESK_ADMIN_EMAIL and SMILEDESK_ADMIN_PASSWORD;
 * a weak password stops the start. The demo seeds one account per role and prints the
 * logins.
 */
@Component
@Order(0)
class StaffBootstrap implements ApplicationRunner {

	static final String DEMO_PASSWORD = "Brightside-Demo-2025!";

	static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
			new DemoAccount("Alex Admin", "admin@brightside-dental.example", StaffRole.ADMIN),
			new DemoAccount("Olivia Manager", "manager@brightside-dental.example", StaffRole.OFFICE_MANAGER),
			new DemoAccount("Frankie Desk", "frontdesk@brightside-dental.example", StaffRole.FRONT_DESK),
			new DemoAccount("Dr. Maria Lopez", "dentist@brightside-dental.example", StaffRole.DENTIST),
			new DemoAccount("Sam O'Neill", "hygienist@brightside-dental.example", StaffRole.HYGIENIST),
			new DemoAccount("Nadia Nurse", "nurse@brightside-dental.example", StaffRole.NURSE));

	private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

	private final StaffAccounts accounts;

	private final String adminEmail;

	private final String adminPassword;

	private final boolean demo;

	StaffBootstrap(StaffAccounts accounts, @Value("${SMILEDESK_ADMIN_EMAIL:}") String adminEmail,
			@Value("${SMILEDESK_ADMIN_PASSWORD:}") String adminPassword,
			@Value("${smiledesk.demo.enabled:false}") boolean demo) {
		this.accounts = accounts;
		this.adminEmail = adminEmail;
		this.adminPassword = adminPassword;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!adminEmail.isBlank() && !accounts.exists(adminEmail)) {
			try {
				accounts.create("Administrator", adminEmail, StaffRole.ADMIN, adminPassword);
			}
			catch (InvalidInputException ex) {
				throw new IllegalStateException("SMILEDESK_ADMIN_" + ex.field().toUpperCase() + " " + ex.getMessage(),
						ex);
			}
			log.info("Created the first administrator account from SMILEDESK_ADMIN_EMAIL");
		}
		if (demo && accounts.list()
			.stream()
			.noneMatch(member -> member.email().endsWith("@brightside-dental.example"))) {
			StringBuilder logins = new StringBuilder("Demo staff logins (password '" + DEMO_PASSWORD + "'):");
			for (DemoAccount account : DEMO_ACCOUNTS) {
				accounts.create(account.name(), account.email(), account.role(), DEMO_PASSWORD);
				logins.append("\n  ").append(String.format("%-16s", account.role())).append(account.email());
			}
			logins.append("\n  ADMIN and OFFICE_MANAGER set up an authenticator app (TOTP) at first sign-in.");
			// standard output, not the log: the log masks email addresses, and these are
			// meant to be read
			System.out.println(logins);
			log.info("Seeded {} demo staff accounts", DEMO_ACCOUNTS.size());
		}
	}

	record DemoAccount(String name, String email, StaffRole role) {
	}

}
