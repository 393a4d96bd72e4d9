package io.smiledesk.console;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
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
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.smiledesk.test.Json.field;
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
		String email = "manager-" + UUID.randomUUID() + "@test.example";
		accounts.create("Olivia Manager", email, StaffRole.OFFICE_MANAGER, PASSWORD);
		String secret = setUpAuthenticator(browser.baseUrl(), email);

		Page page = browser.open();
		// the machine may be busy: a first page render can take a while
		page.setDefaultTimeout(60_000);
		page.navigate("/login");
		page.fill("input[name=email]", email);
		page.fill("input[name=password]", PASSWORD);
		page.fill("input[name=totp]", totp(secret, clock.instant()));
		page.click("button[type=submit]");
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
		page.onConsoleMessage(message -> System.out.println("browser console: " + message.text()));
		page.onResponse(
				response -> System.out.println("browser response: " + response.status() + " " + response.url()));
		page.navigate("/console/settings");
		assertThat(page.locator("#rows-SUNDAY .settings-period")).hasCount(0);
		page.click("button[hx-get='/console/settings/period?day=SUNDAY']");
		assertThat(page.locator("#rows-SUNDAY .settings-period")).hasCount(1);
		page.click("#rows-SUNDAY [data-settings-remove]");
		assertThat(page.locator("#rows-SUNDAY .settings-period")).hasCount(0);
	}

	/** The second factor set up the way the authenticator app does, through the API. */
	private String setUpAuthenticator(String baseUrl, String email) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String login = send(http, baseUrl + "/api/v1/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		String limited = "Bearer " + field(login, "access_token");
		String secret = field(send(http, baseUrl + "/api/v1/users/me/totp", limited, ""), "secret");
		send(http, baseUrl + "/api/v1/users/me/totp/confirm", limited,
				"{\"code\":\"" + totp(secret, clock.instant()) + "\"}");
		// a code is good once: the sign-in uses the next time step
		clock.advance(Duration.ofSeconds(30));
		return secret;
	}

	private static String send(HttpClient http, String url, String authorization, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + ": " + response.body()).isBetween(200, 299);
		return response.body();
	}

	/** RFC 6238 with the app's settings: HMAC-SHA1, 30-second steps, 6 digits. */
	static String totp(String base32Secret, Instant at) throws Exception {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteBuffer key = ByteBuffer.allocate(base32Secret.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : base32Secret.replace("=", "").toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				key.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(key.array(), 0, key.position(), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(Math.floorDiv(at.getEpochSecond(), 30)).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
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
