package io.smiledesk.console;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.Browser;
import io.smiledesk.test.BrowserTest;
import io.smiledesk.test.ConsoleLogin;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;
import io.smiledesk.test.WidgetChat;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's emergency reaches the front desk live: the queue is open before the message
 * is sent and shows it without a reload; staff take it over and reply, and the reply is
 * in the patient's chat widget.
 */
@BrowserTest
class HandoffBrowserTests {

	static final String EMERGENCY = "my face is swollen and I have a fever and can't swallow";

	static final String REPLY = "This is Sam at Brightside Dental. Please call us now on 973-555-0142; "
			+ "if you find it hard to breathe, call 911.";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Test
	void anEmergencyAppearsInTheOpenQueueAndTheStaffReplyReachesThePatient(Browser.Session browser) {
		data.reset();
		Page staff = browser.open();
		ConsoleLogin.signIn(staff, accounts, clock, StaffRole.FRONT_DESK);
		staff.navigate("/console/handoffs");
		assertThat(staff.locator("body[data-handoff-stream=open]")).hasCount(1);
		staff.evaluate("window.smiledeskNotReloaded = true");
		browser.screenshot(staff, "queue-before");

		Page patient = browser.open(360, 740);
		WidgetChat chat = WidgetChat.openOnDemoSite(patient);
		chat.say(EMERGENCY);
		assertThat(chat.lastBot()).containsText("911");
		browser.screenshot(patient, "patient-emergency");

		assertThat(staff.locator("#handoffs-waiting tr.handoffs-urgent")).hasCount(1);
		assertThat(staff.locator("#handoffs-waiting .badge.urgent")).hasText("Urgent");
		assertThat(staff.evaluate("window.smiledeskNotReloaded === true")).isEqualTo(true);
		browser.screenshot(staff, "queue-urgent");

		staff.locator("#handoffs-waiting a").first().click();
		assertThat(staff.locator(".handoffs-patient .handoffs-text")).hasText(EMERGENCY);
		browser.screenshot(staff, "transcript");
		staff
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Take over"))
			.click();
		assertThat(staff.locator("#conversation-status")).hasText("With staff");
		staff.locator("textarea[name=text]").fill(REPLY);
		staff
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Send reply"))
			.click();
		assertThat(staff.locator(".handoffs-staff .handoffs-text")).hasText(REPLY);

		// the reply reaches the patient's widget over its socket, without a reload
		assertThat(chat.staff().last()).containsText("Please call us now on 973-555-0142");
		browser.screenshot(patient, "patient-sees-staff-reply");

		// the patient answers: the open transcript shows it without a reload
		staff.evaluate("window.smiledeskNotReloaded = true");
		chat.write("OK, calling you now");
		assertThat(staff.locator(".handoffs-patient .handoffs-text").last()).hasText("OK, calling you now");
		assertThat(staff.evaluate("window.smiledeskNotReloaded === true")).isEqualTo(true);
		browser.screenshot(staff, "transcript-replied");
	}

}
