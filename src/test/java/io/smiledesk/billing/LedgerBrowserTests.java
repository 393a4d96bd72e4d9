package io.smiledesk.billing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.scheduling.AppointmentEvents.AppointmentCompleted;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.Browser;
import io.smiledesk.test.BrowserTest;
import io.smiledesk.test.ConsoleLogin;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's ledger in a real browser: the front desk opens it from the patient's page,
 * sees the visit's charge, gets a bad amount explained next to its field with nothing
 * posted, takes a payment and posts a courtesy adjustment, and sees the balance follow.
 */
@BrowserTest
class LedgerBrowserTests {

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theFrontDeskTakesAPaymentAndAdjustsAndSeesTheBalanceChange(Browser.Session browser) throws Exception {
		UUID patient = billedFilling(browser.baseUrl());
		Page staff = browser.open();
		ConsoleLogin.signIn(staff, accounts, clock, StaffRole.FRONT_DESK);

		// the patient's page leads to the ledger: one charge, 180.00 owed
		staff.navigate("/console/patients/" + patient);
		staff.locator("#patient-ledger").click();
		assertThat(staff.locator("h1")).hasText("Ledger: Ana Silva");
		assertThat(staff.locator("#ledger-balance strong")).hasText("180.00 USD");
		assertThat(staff.locator("#ledger-entries tbody tr")).hasCount(1);
		browser.screenshot(staff, "charged");

		// an amount that is not one: explained on the field, nothing posted
		Locator payment = staff.locator("#ledger-payment");
		payment.getByLabel("Amount").fill("lots");
		payment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the payment")).click();
		assertThat(staff.locator("#amount-error")).isVisible();
		assertThat(staff.locator("#ledger-balance strong")).hasText("180.00 USD");
		assertThat(data.count("ledger_entry")).isOne();

		// a cash payment of 100.00 at the desk
		payment = staff.locator("#ledger-payment");
		payment.getByLabel("Amount").fill("100.00");
		payment.getByLabel("Method").selectOption("cash");
		payment.getByLabel("Check number or receipt").fill("Receipt 7");
		payment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the payment")).click();
		assertThat(staff.locator("#ledger-notice")).hasText("The payment was recorded.");
		assertThat(staff.locator("#ledger-balance strong")).hasText("80.00 USD");
		assertThat(staff.locator("#ledger-entries tbody tr")).hasCount(2);
		assertThat(staff.locator("#ledger-entries tbody tr[data-kind=payment]")).containsText("Receipt 7");
		browser.screenshot(staff, "paid");

		// a courtesy discount of 20.00
		Locator adjustment = staff.locator("#ledger-adjustment");
		adjustment.getByLabel("Entry").selectOption("adjustment");
		adjustment.getByLabel("Amount").fill("-20");
		adjustment.getByLabel("Reason").fill("Courtesy discount");
		adjustment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post the entry")).click();
		assertThat(staff.locator("#ledger-notice")).hasText("The entry was posted.");
		assertThat(staff.locator("#ledger-balance strong")).hasText("60.00 USD");
		assertThat(staff.locator("#ledger-entries tbody tr[data-kind=adjustment]")).containsText("Courtesy discount");
		browser.screenshot(staff, "adjusted");

		assertThat(data.count("ledger_entry")).isEqualTo(3);
		assertThat(data.jdbc().queryForObject("select sum(amount) from ledger_entry", java.math.BigDecimal.class))
			.isEqualByComparingTo("60.00");
	}

	/** A filling booked through the public API and completed: billed 180.00 USD. */
	UUID billedFilling(String baseUrl) throws Exception {
		HttpResponse<String> booked = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/appointments/book"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(booking("Ana Silva", "ana@example.com", null,
						"2025-08-20T14:00:00Z", "filling", "dr-maria-lopez")))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		UUID appointment = UUID.fromString(field(booked.body(), "appointment_id"));
		UUID patient = data.jdbc()
			.queryForObject("select patient_id from appointment where id = ?", UUID.class, appointment);
		clock.set(Instant.parse("2025-08-20T15:30:00Z"));
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
				new AppointmentCompleted(appointment, patient, "filling", Instant.parse("2025-08-20T14:00:00Z"))));
		data.awaitEvents();
		assertThat(data.count("ledger_entry")).isOne();
		return patient;
	}

}
