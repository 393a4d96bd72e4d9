package io.smiledesk.console;

import java.time.Instant;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.Browser;
import io.smiledesk.test.BrowserTest;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A front-desk morning: sign in, book a walk-in through the form with live availability,
 * find the card on Today and close the visit from the current-hour panel.
 */
@BrowserTest
class ScheduleBrowserTests {

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Test
	void theFrontDeskBooksAWalkInAndClosesTheVisit(Browser.Session browser) {
		data.reset();
		accounts.create("Fran Desk", "fran@brightside.example", StaffRole.FRONT_DESK, ConsoleStaff.PASSWORD);
		Page page = browser.open();
		// the first page a fresh server renders can be slow on a busy machine
		page.setDefaultNavigationTimeout(60_000);

		page.navigate("/login");
		page.locator("input[name=email]").fill("fran@brightside.example");
		page.locator("input[name=password]").fill(ConsoleStaff.PASSWORD);
		page.locator("form.stack button[type=submit]").click();
		assertThat(page.locator("h1")).hasText("Today");
		assertThat(page.locator("#current-hour")).containsText("No patients are expected");
		browser.screenshot(page, "today-empty");

		page.locator("a.button", new Page.LocatorOptions().setHasText("Book an appointment")).first().click();
		assertThat(page.locator("#booking-form")).isVisible();
		page.locator("#name").fill("Eve Ross");
		page.locator("#email").fill("eve@example.com");
		page.locator("#service").selectOption("filling");
		page.locator("#provider").selectOption("dr-maria-lopez");
		// live availability: the free times arrive once service and provider are chosen
		assertThat(page.locator("input[name=slot][value$='|dr-james-chen']")).hasCount(0);
		Locator slot = page.locator("input[name=slot][value='2025-08-04T12:30:00Z|dr-maria-lopez']");
		assertThat(slot).isVisible();
		slot.check();
		browser.screenshot(page, "booking-form");

		page.locator("#book-submit").click();
		assertThat(page.locator(".sched-notice")).containsText("Booked Eve Ross on 2025-08-04 at 08:30");
		Locator card = page.locator(".sched-card", new Page.LocatorOptions().setHasText("Eve Ross"));
		assertThat(card).isVisible();
		String appointmentId = card.getAttribute("data-appointment-id");
		assertThat(appointmentId).isNotBlank();
		browser.screenshot(page, "today-booked");

		// a quarter of an hour into the visit
		clock.set(Instant.parse("2025-08-04T12:45:00Z"));
		page.reload();
		Locator row = page.locator("[data-row-appointment-id='" + appointmentId + "']");
		row.locator("button", new Locator.LocatorOptions().setHasText("Complete")).click();
		assertThat(page.locator("[data-row-appointment-id='" + appointmentId + "']")).containsText("Visit completed");
		assertThat(page.locator("[data-appointment-id='" + appointmentId + "']")).hasAttribute("data-status",
				"completed");
		browser.screenshot(page, "completed");

		page.locator("#current-hour a", new Page.LocatorOptions().setHasText("Eve Ross")).click();
		assertThat(page.locator("#treatments")).containsText("Filling");
		assertThat(page.locator("[data-visit-id='" + appointmentId + "']")).containsText("completed");
		browser.screenshot(page, "patient");

		page.navigate("/console/calendar");
		assertThat(page.locator("[data-appointment-id='" + appointmentId + "']")).isVisible();
		browser.screenshot(page, "week");
	}

}
