package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
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
 * The campaigns' two faces in a real browser: staff see the dashboard's charts drawn and
 * open a campaign; a patient books on a phone through the link a campaign sent, and the
 * booking is the campaign's; a link that was tampered with is refused on the page.
 */
@BrowserTest
class CampaignBrowserTests {

	/**
	 * Monday 4 August 2025, 08:30 in New York: inside the clinic's sending hours, before
	 * the daily run's 09:00.
	 */
	static final Instant MORNING = Instant.parse("2025-08-04T12:30:00Z");

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	Patients patients;

	@Autowired
	CampaignStarts starts;

	@Autowired
	FollowUps followUps;

	@Autowired
	CampaignLinks links;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theCampaignsPageDrawsItsChartsAndOpensACampaign(Browser.Session browser) {
		UUID campaign = sentCampaign("Nina Torres", "+12015550199");
		starts.startRecovery(lead("Omar Quiet", "+12015550198"), "Asked about crowns", null);

		Page staff = browser.open();
		ConsoleLogin.signIn(staff, accounts, clock, StaffRole.FRONT_DESK);
		staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Campaigns").setExact(true)).click();
		assertThat(staff.locator("html[data-campaign-charts='3']")).hasCount(1);
		for (String chart : new String[] { "chart-kpis", "chart-rates", "chart-funnel" }) {
			assertThat(staff.evaluate("!!Chart.getChart(document.getElementById('" + chart + "'))")).isEqualTo(true);
		}
		assertThat(staff.locator("#kpi-active-recovery")).hasText("2");
		assertThat(staff.locator("#campaigns-table tbody tr")).hasCount(2);
		assertThat(staff.locator("#table-funnel tr[data-stage=started] td").last()).hasText("1");
		browser.screenshot(staff, "dashboard");

		staff.locator("#campaigns-table a", new Page.LocatorOptions().setHasText("Nina Torres")).click();
		assertThat(staff.locator("h1")).hasText("Campaign for Nina Torres");
		assertThat(staff.locator("#campaign-status")).hasText("Writing to the patient");
		assertThat(staff.locator("#campaign-funnel")).containsText("Sent");
		assertThat(staff.locator("#campaign-history li")).hasCount(1);
		assertThat(staff.url()).endsWith("/console/campaigns/" + campaign);
		browser.screenshot(staff, "deep-dive");
	}

	@Test
	void aPatientBooksOnAPhoneThroughTheCampaignsLinkAndTheBookingIsTheCampaigns(Browser.Session browser) {
		UUID campaign = sentCampaign("Nina Torres", "+12015550197");

		Page patient = browser.open(360, 740);
		patient.navigate("/book.html?campaign=" + links.token(campaign));
		assertThat(patient.locator("#no-link")).isHidden();
		patient.getByLabel("What would you like to come in for?").selectOption("annual_cleaning");
		assertThat(patient.locator("#availability-status")).containsText("with free times");
		patient.getByLabel("Day", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
		// the times are radio buttons: the keyboard picks one
		patient.locator("input[name=time]").first().focus();
		patient.keyboard().press("Space");
		assertThat(patient.locator("input[name=time]").first()).isChecked();
		patient.getByLabel("Your name").fill("Nina Torres");
		patient.getByLabel("Phone").fill("+12015550197");
		browser.screenshot(patient, "chosen");
		patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book this time")).click();

		assertThat(patient.locator("#confirmation-heading")).hasText("You are booked");
		assertThat(patient.locator("#confirmation-text")).containsText("Annual Cleaning");
		assertThat(patient.locator("#confirmation-heading")).isFocused();
		browser.screenshot(patient, "booked");

		data.awaitEvents();
		assertThat(data.jdbc().queryForObject("select campaign_id from appointment", String.class))
			.isEqualTo(campaign.toString());
		assertThat(data.jdbc()
			.queryForMap(
					"select status, funnel_status, appointment_id is not null as booked from campaign where id = ?",
					campaign))
			.containsEntry("status", "BOOKING_INITIATED")
			.containsEntry("funnel_status", "FORM_SUBMITTED");
	}

	@Test
	void aTamperedLinkIsRefusedWithTheReasonOnThePage(Browser.Session browser) {
		UUID campaign = sentCampaign("Nina Torres", "+12015550196");
		String token = links.token(campaign);
		String tampered = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");

		Page patient = browser.open(360, 740);
		patient.navigate("/book.html?campaign=" + tampered);
		patient.getByLabel("What would you like to come in for?").selectOption("annual_cleaning");
		patient.getByLabel("Day", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
		patient.locator("#time-options label").first().click();
		patient.getByLabel("Your name").fill("Nina Torres");
		patient.getByLabel("Email").fill("nina@example.com");
		patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book this time")).click();

		assertThat(patient.getByRole(AriaRole.ALERT)).containsText("This booking link cannot be used");
		assertThat(patient.getByRole(AriaRole.ALERT)).containsText("is not a booking link this clinic sent");
		browser.screenshot(patient, "refused");
		assertThat(data.count("appointment")).isZero();
	}

	// --- helpers

	/** A recovery campaign whose first message, with the booking link, went out. */
	UUID sentCampaign(String name, String phone) {
		clock.set(MORNING);
		UUID campaign = starts.startRecovery(lead(name, phone), null, null).id();
		assertThat(followUps.send(campaign)).isEqualTo(FollowUps.Result.QUEUED);
		data.awaitEvents();
		return campaign;
	}

	PatientId lead(String name, String phone) {
		Instant now = clock.instant();
		clock.set(now.minus(Duration.ofDays(20)));
		PatientId id = patients
			.register(new Patients.NewPatient(name, patients.contact(null, phone), null, PatientType.COLD_LEAD,
					Channel.SMS))
			.id();
		clock.set(now);
		return id;
	}

}
