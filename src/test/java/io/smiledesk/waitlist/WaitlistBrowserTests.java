package io.smiledesk.waitlist;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.Browser;
import io.smiledesk.test.BrowserTest;
import io.smiledesk.test.ConsoleLogin;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist page in a real browser: the front desk opens it from the navigation, gets
 * a wrong window explained next to its field with what was typed kept, puts the patient
 * on the list and takes them off again.
 */
@BrowserTest
class WaitlistBrowserTests {

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(WaitlistFixtures.MORNING);
	}

	@Test
	void theFrontDeskPutsAPatientOnTheListAndTakesThemOff(Browser.Session browser) {
		Page staff = browser.open();
		ConsoleLogin.signIn(staff, accounts, clock, StaffRole.FRONT_DESK);
		staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Waitlist").setExact(true)).click();
		assertThat(staff.locator("h1")).hasText("Waitlist");

		staff.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Rosa Early");
		staff.getByLabel("Phone").fill("+12015550123");
		staff.getByLabel("Service").selectOption("Annual Cleaning");
		staff.getByLabel("Earliest day").fill("2025-08-08");
		staff.getByLabel("Latest day").fill("2025-08-05");
		staff.getByLabel("morning").check();
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Put on the waitlist")).click();

		assertThat(staff.locator("#latest-error")).hasText("must not be before earliest");
		assertThat(staff.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Rosa Early");
		assertThat(staff.getByLabel("morning")).isChecked();
		browser.screenshot(staff, "refused");
		assertThat(data.count("waitlist_entry")).isZero();

		staff.getByLabel("Latest day").fill("2025-08-12");
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Put on the waitlist")).click();
		assertThat(staff.locator("#waitlist-notice")).hasText("The patient is on the waitlist.");
		assertThat(staff.locator("#waitlist-entries tbody tr")).hasCount(1);
		assertThat(staff.locator("#waitlist-entries tbody tr")).containsText("Rosa Early");
		browser.screenshot(staff, "waiting");

		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take Rosa Early off the waitlist"))
			.click();
		assertThat(staff.locator("#waitlist-notice")).containsText("taken off the waitlist");
		assertThat(staff.locator("#waitlist-entries")).containsText("Nobody is waiting.");
		assertThat(data.jdbc().queryForObject("select status from waitlist_entry", String.class))
			.isEqualTo("WITHDRAWN");
	}

}
