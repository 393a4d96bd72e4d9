package io.smiledesk.system;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.smiledesk.conversation.Conversations;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.Browser;
import io.smiledesk.test.BrowserTest;
import io.smiledesk.test.ConsoleLogin;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.WidgetChat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient chat widget as patients use it, on the demo clinic's page and embedded on
 * another website. The DOM contract the steps rely on (shadow root is open, CSS locators
 * pierce it): {@code smiledesk-chat}, bubble {@code button[aria-label="Open chat"]},
 * panel {@code [role=dialog]}, log {@code [role=log]}, messages
 * {@code .msg[data-sender=patient|bot|staff]}, input {@code textarea[name=message]}, the
 * Send button, options {@code .option[data-value]} ({@code .option.slot} for times), the
 * confirmation {@code .card} with {@code [data-field=date|time|service|provider|status]},
 * a failed message {@code .msg[data-state=unsent]} with its Retry button.
 */
@BrowserTest
@TestPropertySource(properties = "smiledesk.cors.allowed-origins=" + WidgetBrowserTests.CLINIC_SITE)
class WidgetBrowserTests {

	/** A clinic's own website, served by the browser itself. */
	static final String CLINIC_SITE = "https://www.brightside-dental.example";

	private static final double REPLY_TIMEOUT = 30_000;

	private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Appointments appointments;

	@Autowired
	Conversations conversations;

	@Autowired
	io.smiledesk.staff.StaffAccounts accounts;

	@Autowired
	io.smiledesk.test.MutableClock clock;

	@Test
	void aPatientBooksACleaningFromGreetingToConfirmation(Browser.Session browser) {
		Page page = browser.open();
		page.navigate("/");
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().click();
		assertThat(chat.panel()).isVisible();
		assertThat(chat.bubble()).hasAttribute("aria-expanded", "true");
		browser.screenshot(page, "opened");

		chat.say("Hello");
		chat.choose(chat.option("I'd like to book an appointment"));
		chat.choose(chat.option("Annual Cleaning"));
		Locator slot = chat.slots().first();
		browser.screenshot(page, "times-offered");
		String chosen = slot.getAttribute("data-value");
		String label = slot.getAttribute("aria-label");
		chat.choose(slot);
		// the patient sees the time they picked, the assistant gets its value
		assertThat(chat.patients().last()).containsText(label);
		chat.say("Ana Silva, ana.silva@example.com");
		chat.choose(chat.option("yes"));

		Locator card = chat.card();
		card.waitFor(visible());
		browser.screenshot(page, "confirmed");
		LocalDateTime start = LocalDateTime.parse(chosen, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		assertThat(card.locator("[data-field=date]"))
			.hasText(start.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US)));
		assertThat(card.locator("[data-field=time]"))
			.hasText(start.format(DateTimeFormatter.ofPattern("h:mm a", Locale.US)));
		assertThat(card.locator("[data-field=service]")).hasText("Annual Cleaning");
		assertThat(card.locator("[data-field=status]")).hasText("Booked");
		// the card links to the appointment's calendar file on the SmileDesk server
		Locator addToCalendar = card.getByText("Add to calendar");
		assertThat(addToCalendar).hasCount(1);
		APIResponse file = page.request().get(addToCalendar.getAttribute("href"));
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.text()).contains("BEGIN:VEVENT", "SUMMARY:Annual Cleaning at Brightside Dental",
				"DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
					.format(start.atZone(CLINIC_ZONE).withZoneSameInstant(ZoneOffset.UTC)));

		AppointmentView booked = appointments.find(UUID.fromString(card.getAttribute("data-appointment-id")))
			.orElseThrow();
		assertThat(booked.serviceId()).isEqualTo("annual_cleaning");
		assertThat(booked.status()).isEqualTo(AppointmentStatus.BOOKED);
		assertThat(booked.createdFrom()).isEqualTo(CreatedFrom.CHAT);
		assertThat(booked.start()).isEqualTo(start.atZone(CLINIC_ZONE).toInstant());
		browser.screenshot(page, "confirmation-card");

		// and the front desk sees it on that day's schedule in the console
		Page staff = browser.open();
		ConsoleLogin.signIn(staff, accounts, clock, StaffRole.FRONT_DESK);
		staff.navigate("/console?date=" + start.toLocalDate());
		Locator onSchedule = staff.locator("[data-appointment-id=\"" + booked.id() + "\"]");
		assertThat(onSchedule).isVisible();
		assertThat(onSchedule).containsText("Ana Silva");
		onSchedule.scrollIntoViewIfNeeded();
		browser.screenshot(staff, "console-schedule");
	}

	@Test
	void aDepositStillToPayShowsAPayButtonAndOneNotCollectedDoesNot(Browser.Session browser) {
		// offline the whitening's deposit is not collected: the card has no button
		Locator offline = bookWhitening(browser.open(), "Ana Silva, ana.silva@example.com", false);
		assertThat(offline.locator("[data-field=service]")).hasText("Teeth Whitening");
		assertThat(offline.locator("a.pay")).hasCount(0);
		assertThat(offline.locator("[data-field=deposit]")).hasCount(0);

		// with Stripe configured the server sends the deposit pending, with its page
		Page page = browser.open();
		Locator card = bookWhitening(page, "Ben Silva, ben.silva@example.com", true);
		assertThat(card.locator("[data-field=status]")).hasText("Pending deposit");
		assertThat(card.locator("[data-field=deposit]")).hasText("50.00 USD");
		Locator pay = card.locator("a.pay");
		assertThat(pay).hasText("Pay deposit (50.00 USD)");
		assertThat(pay).hasAttribute("href", "https://checkout.stripe.test/c/pay/cs_test_widget");
		browser.screenshot(page, "pay-deposit");
	}

	private Locator bookWhitening(Page page, String who, boolean pending) {
		page.navigate("/");
		if (pending) {
			page.route("**/api/v1/chat/messages", route -> {
				APIResponse response = route.fetch();
				String body = response.text();
				if (body.contains("\"deposit\":{")) {
					ObjectNode reply = (ObjectNode) JSON.readTree(body);
					ObjectNode appointment = (ObjectNode) reply.get("appointment");
					appointment.put("status", "pending_deposit");
					ObjectNode deposit = (ObjectNode) appointment.get("deposit");
					deposit.put("status", "pending");
					deposit.put("payment_url", "https://checkout.stripe.test/c/pay/cs_test_widget");
					body = JSON.writeValueAsString(reply);
				}
				route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(body));
			});
		}
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().click();
		chat.say("I'd like a teeth whitening next Wednesday afternoon. " + who);
		chat.choose(chat.slots().first());
		chat.choose(chat.option("yes"));
		Locator card = chat.card();
		card.waitFor(visible());
		return card;
	}

	@Test
	void speaksSpanishWithASpanishPatient(Browser.Session browser) {
		Page page = browser.open();
		page.navigate("/");
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().click();

		chat.say("Hola, quiero una limpieza el jueves por la mañana. Soy Lucía Fernández, lucia.fernandez@example.com");

		assertThat(chat.lastBot()).containsText("horas libres");
		assertThat(chat.root().locator("button.send")).hasText("Enviar");
		assertThat(chat.input()).hasAttribute("placeholder", "Escriba su mensaje\u2026");
		assertThat(chat.root().locator("[role=dialog]")).hasAttribute("aria-label", "Chat con Brightside Dental");
		chat.choose(chat.slots().first());
		chat.choose(chat.option("yes"));
		Locator card = chat.card();
		card.waitFor(visible());
		assertThat(card.locator("h3")).hasText("Cita reservada");
		assertThat(card.locator("[data-field=date]")).containsText("jueves");
		assertThat(card.locator("dt").first()).hasText("Fecha");
		browser.screenshot(page, "widget-spanish");
	}

	@Test
	void fitsAPhoneScreen(Browser.Session browser) {
		Page page = browser.open(360, 740);
		page.navigate("/");
		WidgetChat chat = new WidgetChat(page);
		assertThat(page.locator("#clinic-name")).hasText("Brightside Dental");
		assertThat(scrollWidth(page)).isLessThanOrEqualTo(360);
		chat.bubble().click();

		BoundingBox panel = chat.panel().boundingBox();
		assertThat(panel.x).isZero();
		assertThat(panel.width).isEqualTo(360);
		chat.say("Hello");
		Locator book = chat.option("I'd like to book an appointment");
		BoundingBox button = book.boundingBox();
		assertThat(button.x).isGreaterThanOrEqualTo(0);
		assertThat(button.x + button.width).isLessThanOrEqualTo(360);
		assertThat(scrollWidth(page)).isLessThanOrEqualTo(360);
		chat.choose(book);
		chat.choose(chat.option("Annual Cleaning"));
		chat.slots().first().waitFor(visible());
		assertThat(scrollWidth(page)).isLessThanOrEqualTo(360);
		browser.screenshot(page, "phone");

		page.keyboard().press("Escape");
		assertThat(chat.panel()).isHidden();
	}

	@Test
	void aMessageThatCouldNotBeSentIsKeptAndRetried(Browser.Session browser) {
		Page page = browser.open();
		page.navigate("/");
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().click();
		page.route("**/api/v1/chat/messages",
				route -> route.fulfill(new Route.FulfillOptions().setStatus(429)
					.setContentType("application/problem+json")
					.setBody("{\"status\":429,\"title\":\"Too many requests\","
							+ "\"detail\":\"You are sending messages too quickly. Try again in a minute.\"}")));
		chat.input().fill("Do you have parking nearby?");
		chat.send().click();
		Locator refused = chat.root().locator(".msg[data-state=unsent]");
		refused.waitFor(visible());
		assertThat(refused).containsText("You are sending messages too quickly. Try again in a minute.");
		browser.screenshot(page, "rate-limited");
		page.unroute("**/api/v1/chat/messages");

		page.route("**/api/v1/chat/messages", route -> route.abort());
		refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();

		Locator unsent = chat.root().locator(".msg[data-state=unsent]");
		unsent.waitFor(visible());
		assertThat(unsent).containsText("Do you have parking nearby?");
		assertThat(unsent).containsText("Not sent. We couldn't reach the clinic");
		assertThat(unsent).not().containsText("too quickly");
		browser.screenshot(page, "not-sent");

		page.unroute("**/api/v1/chat/messages");
		unsent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
		chat.bots().first().waitFor(visible());
		assertThat(chat.root().locator(".msg[data-state=unsent]")).hasCount(0);
		assertThat(chat.patients()).hasCount(1);
		assertThat(chat.patients().first()).containsText("Do you have parking nearby?");
		assertThat(chat.patients().first()).not().containsText("Not sent");
		browser.screenshot(page, "retried");
	}

	@Test
	void theConversationSurvivesAReload(Browser.Session browser) {
		Page page = browser.open();
		page.navigate("/");
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().click();
		chat.say("Hello");
		chat.option("I'd like to book an appointment").waitFor(visible());
		String reply = chat.lastBot().textContent();

		page.reload();
		// the page's own button opens the widget too
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
		assertThat(chat.panel()).isVisible();
		assertThat(chat.patients()).hasCount(1);
		assertThat(chat.patients().first()).containsText("Hello");
		assertThat(chat.lastBot()).hasText(reply);
		// the quick replies of the last answer come back too
		assertThat(chat.option("I'd like to book an appointment")).isVisible();
		browser.screenshot(page, "after-reload");

		// the restored conversation listens again: staff can step in (the page's CSP
		// allows the socket)
		chat.live().waitFor(visible().setState(WaitForSelectorState.ATTACHED));
		conversations.takeOver(chat.session(), UUID.randomUUID());
		chat.root().getByText("A member of our team has joined the chat.").waitFor(visible());
	}

	@Test
	void worksWithTheKeyboardAlone(Browser.Session browser) {
		Page page = browser.open();
		page.navigate("/");
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().focus();
		page.keyboard().press("Enter");
		assertThat(chat.panel()).isVisible();
		assertThat(chat.input()).isFocused();

		page.keyboard().type("Hello");
		page.keyboard().press("Enter");
		chat.option("I'd like to book an appointment").waitFor(visible());
		assertThat(chat.patients().first()).containsText("Hello");
		assertThat(chat.input()).hasValue("");
		browser.screenshot(page, "keyboard-reply");

		// the options are reachable from the input
		page.keyboard().press("Shift+Tab");
		assertThat(chat.root().locator(".option:focus")).hasCount(1);
		page.keyboard().press("Escape");
		assertThat(chat.panel()).isHidden();
		assertThat(chat.bubble()).isFocused();
		assertThat(chat.bubble()).hasAttribute("aria-expanded", "false");
		browser.screenshot(page, "closed");
	}

	@Test
	void onAClinicsOwnWebsiteStaffRepliesArrivePushed(Browser.Session browser) {
		Page page = browser.open();
		// Chromium asks before a public website reaches a server on this machine
		page.context()
			.grantPermissions(java.util.List.of("local-network-access"),
					new com.microsoft.playwright.BrowserContext.GrantPermissionsOptions().setOrigin(CLINIC_SITE));
		page.route(CLINIC_SITE + "/", route -> route.fulfill(new Route.FulfillOptions().setContentType("text/html")
			.setBody("<!doctype html><html lang=\"en\"><head><title>Clinic</title></head><body><h1>Our clinic</h1>"
					+ "<script src=\"" + browser.baseUrl() + "/widget/smiledesk-chat.js\" data-smiledesk-url=\""
					+ browser.baseUrl() + "\" defer></script></body></html>")));
		page.navigate(CLINIC_SITE + "/");
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().click();
		assertThat(chat.panel()).hasAttribute("aria-label", "Chat with Brightside Dental");
		chat.say("Hello");
		chat.option("I'd like to book an appointment").waitFor(visible());
		UUID session = UUID.fromString(
				(String) page.evaluate("base => localStorage.getItem('smiledesk:session:' + base)", browser.baseUrl()));

		UUID staff = UUID.randomUUID();
		chat.live().waitFor(visible().setState(WaitForSelectorState.ATTACHED));
		conversations.takeOver(session, staff);
		chat.root().getByText("A member of our team has joined the chat.").waitFor(visible());
		conversations.reply(session, staff, "Hi, this is Jo at the front desk.");
		Locator fromStaff = chat.root().locator(".msg[data-sender=staff]");
		fromStaff.waitFor(visible());
		assertThat(fromStaff).containsText("Hi, this is Jo at the front desk.");
		browser.screenshot(page, "staff-reply");
	}

	private static int scrollWidth(Page page) {
		return ((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue();
	}

	private static Locator.WaitForOptions visible() {
		return new Locator.WaitForOptions().setTimeout(REPLY_TIMEOUT);
	}

}
