package io.smiledesk.test;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The chat widget on a page, driven as a patient would: its parts are found by the
 * widget's documented DOM contract (README, chat widget).
 */
public record WidgetChat(Page page) {

	private static final double REPLY_TIMEOUT = 30_000;

	/** Opens the demo clinic's website and the chat on it. */
	public static WidgetChat openOnDemoSite(Page page) {
		page.navigate("/");
		WidgetChat chat = new WidgetChat(page);
		chat.bubble().click();
		chat.panel().waitFor(visible());
		return chat;
	}

	public Locator root() {
		return page.locator("smiledesk-chat");
	}

	/** Present once the widget's socket listens for pushes. */
	public Locator live() {
		return page.locator("smiledesk-chat[data-live]");
	}

	public Locator bubble() {
		return root().locator("button[aria-label='Open chat']");
	}

	public Locator panel() {
		return root().locator("[role=dialog]");
	}

	public Locator input() {
		// by its name: its label follows the conversation's language
		return root().locator("textarea[name=message]");
	}

	public Locator send() {
		return root().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send").setExact(true));
	}

	public Locator patients() {
		return root().locator("[role=log] .msg[data-sender=patient]");
	}

	public Locator bots() {
		return root().locator("[role=log] .msg[data-sender=bot]:not(.intro)");
	}

	public Locator staff() {
		return root().locator("[role=log] .msg[data-sender=staff]");
	}

	public Locator lastBot() {
		return bots().last();
	}

	public Locator option(String value) {
		return root().locator(".option[data-value=\"" + value + "\"]");
	}

	public Locator slots() {
		return root().locator(".option.slot");
	}

	public Locator card() {
		return root().locator(".card").last();
	}

	/** The conversation the widget keeps, by the SmileDesk URL it talks to. */
	public UUID session() {
		String base = (String) page.evaluate("() => document.querySelector('smiledesk-chat').base");
		return UUID
			.fromString((String) page.evaluate("base => localStorage.getItem('smiledesk:session:' + base)", base));
	}

	/** Types a message, sends it, and waits for the assistant's answer. */
	public void say(String text) {
		int before = bots().count();
		write(text);
		bots().nth(before).waitFor(visible());
	}

	/**
	 * Types a message and sends it, without waiting for an answer (a person may be
	 * answering).
	 */
	public void write(String text) {
		input().fill(text);
		input().press("Enter");
	}

	/** Clicks a quick reply or a time, and waits for the answer. */
	public void choose(Locator option) {
		option.waitFor(visible());
		int before = bots().count();
		option.click();
		bots().nth(before).waitFor(visible());
	}

	public static Locator.WaitForOptions visible() {
		return new Locator.WaitForOptions().setTimeout(REPLY_TIMEOUT);
	}

}
