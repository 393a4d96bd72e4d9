package io.smiledesk.system;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import io.smiledesk.test.Browser;
import io.smiledesk.test.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class DemoSiteBrowserTests {

	@Test
	void servesTheDemoClinic(Browser.Session browser) {
		Page page = browser.open();
		page.navigate("/");
		assertThat(page.locator("#clinic-name")).not().hasText("SmileDesk");
		browser.screenshot(page, "home");
	}

}
