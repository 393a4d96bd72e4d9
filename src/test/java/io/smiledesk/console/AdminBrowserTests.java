package io.smiledesk.console;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.clinic.ClinicAdministration;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
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
 * An office manager signs in (password and authenticator code), corrects a price in
 * Settings after a refusal, and reads the analytics charts.
 */
@BrowserTest
class AdminBrowserTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final String PASSWORD = "Correct-Horse-42!";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Booking booking;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	ClinicAdministration administration;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@BeforeEach
	void clean() {
		// other browser tests share this application and book in the same weeks
		data.reset();
	}

	@AfterEach
	void restore() {
		ServiceInfo filling = catalog.snapshot().serviceById("filling").orElseThrow();
		administration.updateService("filling",
				new ClinicAdministration.ServiceDraft("filling", filling.name(), filling.description(),
						filling.durationMinutes(), filling.bufferMinutes(), new BigDecimal("180.00"), filling.roles(),
						filling.active()));
		data.reset();
		data.jdbc().update("delete from analytics_appointment");
	}

	@Test
	void aManagerChangesAPriceAndReadsTheAnalytics(Browser.Session browser) throws Exception {
		// a week at the clinic: two bookings on Monday, one visit made and one missed
		at("2025-08-04T08:00");
		UUID tuesday = book(CreatedFrom.MANUAL_ADMIN, "2025-08-05T09:00", 1);
		UUID wednesday = book(CreatedFrom.AI_AGENT_FORM, "2025-08-06T10:00", 2);
		at("2025-08-06T18:00");
		assertThat(booking.complete(tuesday, null, null)).isInstanceOf(Booking.Done.class);
		assertThat(booking.markNoShow(wednesday)).isInstanceOf(Booking.Done.class);
		data.awaitEvents();
		Page page = browser.open();
		// the machine may be busy: a first page render can take a while
		page.setDefaultTimeout(60_000);
		// a manager sets up the authenticator at the first sign-in, then signs in with it
		ConsoleLogin.signIn(page, accounts, clock, StaffRole.OFFICE_MANAGER);
		assertThat(page).hasURL(browser.baseUrl() + "/console");

		page.click("nav a[href='/console/settings']");
		browser.screenshot(page, "settings-hours");
		page.click("a[href='/console/settings/services']");
		page.click("a[href='/console/settings/services/filling']");
		page.fill("#price", "-20");
		page.click("#service-form button[type=submit]");
		assertThat(page.locator("#price-error")).hasText("must not be negative");
		assertThat(page.locator("#price")).hasValue("-20");
		assertThat(page.locator("#price")).hasAttribute("aria-invalid", "true");
		browser.screenshot(page, "price-refused");
		page.fill("#price", "199.00");
		page.click("#service-form button[type=submit]");
		assertThat(page.locator(".settings-saved")).hasText("Service saved.");
		assertThat(page.locator("#price")).hasValue("199.00");
		assertThat(catalog.snapshot().serviceById("filling").orElseThrow().price())
			.isEqualByComparingTo(new BigDecimal("199.00"));
		browser.screenshot(page, "price-saved");

		page.click("nav a[href='/console/analytics']");
		assertThat(page.locator("html")).hasAttribute("data-analytics-charts", "drawn");
		for (String chart : new String[] { "bookings", "conversion", "handoffs", "no-shows", "hours" }) {
			assertThat(page.locator("#chart-" + chart)).isVisible();
			assertThat((Boolean) page.evaluate("id => window.Chart.getChart(document.getElementById(id)) != null",
					"chart-" + chart))
				.isTrue();
		}
		assertThat(page.locator("#total-bookings")).hasText("2");
		assertThat(page.locator("#total-no-shows")).hasText("50.0%");
		assertThat(page.locator("#busiest-hour")).hasText("Tue 09:00");
		page.locator("#table-no-shows").locator("xpath=ancestor::details").locator("summary").click();
		assertThat(page.locator("#table-no-shows tbody tr").last()).containsText("2025-08-04");
		assertThat(page.locator("#table-no-shows tbody tr").last()).containsText("50.0%");
		browser.screenshot(page, "analytics");

		// htmx adds a period row to a closed day; the row's Remove button takes it out
		page.navigate("/console/settings");
		assertThat(page.locator("#rows-SUNDAY .settings-period")).hasCount(0);
		page.click("button[hx-get='/console/settings/period?day=SUNDAY']");
		assertThat(page.locator("#rows-SUNDAY .settings-period")).hasCount(1);
		page.click("#rows-SUNDAY [data-settings-remove]");
		assertThat(page.locator("#rows-SUNDAY .settings-period")).hasCount(0);
	}

	private void at(String localDateTime) {
		clock.set(LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant());
	}

	private UUID book(CreatedFrom source, String start, int n) {
		Booking.Outcome outcome = booking
			.book(new Booking.BookRequest("Browser Patient " + n, "browser" + n + "@example.com", null, null, null,
					"filling", LocalDateTime.parse(start).atZone(NEW_YORK).toInstant(), Optional.empty(),
					Optional.empty(), null, source, null, null, null, null));
		assertThat(outcome).as(outcome.toString()).isInstanceOf(Booking.Done.class);
		return ((Booking.Done) outcome).appointment().id();
	}

}
