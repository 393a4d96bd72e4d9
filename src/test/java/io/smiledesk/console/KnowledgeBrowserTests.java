package io.smiledesk.console;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import io.smiledesk.knowledge.KnowledgeDocumentView;
import io.smiledesk.knowledge.KnowledgeDocuments;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.Browser;
import io.smiledesk.test.BrowserTest;
import io.smiledesk.test.ConsoleLogin;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.WidgetChat;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff change what the knowledge base says about parking, and the assistant's answer to
 * a patient changes with it.
 */
@BrowserTest
class KnowledgeBrowserTests {

	static final String OLD = "Free parking is available in the lot behind the building; enter from Linden Street.";

	static final String NEW = "From September our patients park free in the Linden Street garage, level 2; "
			+ "bring your ticket to the front desk.";

	static final String QUESTION = "Where can I park?";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	KnowledgeDocuments documents;

	@Test
	void editingTheParkingDocumentChangesTheAssistantsAnswer(Browser.Session browser) {
		KnowledgeDocumentView parking = documents.list()
			.stream()
			.filter(document -> document.title().equals("Location and parking"))
			.findFirst()
			.orElseThrow();
		assertThat(ask(browser)).contains("lot behind the building");

		try {
			Page staff = browser.open();
			ConsoleLogin.signIn(staff, accounts, clock, StaffRole.FRONT_DESK);
			staff.navigate("/console/knowledge");
			browser.screenshot(staff, "list");
			staff
				.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
						new Page.GetByRoleOptions().setName("Location and parking").setExact(true))
				.click();

			String body = staff.locator("#body").inputValue();
			assertThat(body).contains(OLD);
			staff.locator("#body").fill(body.replace(OLD, NEW));
			assertThat(staff.locator("#knowledge-preview")).containsText("Linden Street garage, level 2");
			browser.screenshot(staff, "editing");
			staff.locator("#knowledge-form button[type=submit]").click();
			assertThat(staff.locator(".knowledge-notice")).containsText("Saved");

			staff.locator("#knowledge-question").fill(QUESTION);
			staff.locator(".knowledge-try button[type=submit]").click();
			assertThat(staff.locator("#knowledge-answer-text")).containsText("garage");
			staff.locator("#knowledge-answer").scrollIntoViewIfNeeded();
			browser.screenshot(staff, "saved-and-tried");

			assertThat(ask(browser)).contains("Linden Street garage").doesNotContain("lot behind the building");
		}
		finally {
			documents.update(parking.id(),
					new KnowledgeDocuments.Draft(parking.title(), parking.body(), parking.tags()), null,
					parking.updatedBy());
		}
	}

	/** A new chat in the widget, as a patient would start it on the clinic's website. */
	private static String ask(Browser.Session browser) {
		Page patient = browser.open(360, 740);
		WidgetChat chat = WidgetChat.openOnDemoSite(patient);
		chat.say(QUESTION);
		browser.screenshot(patient, "patient-asks");
		return chat.lastBot().textContent();
	}

}
