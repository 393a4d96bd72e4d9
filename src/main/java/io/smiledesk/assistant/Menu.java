package io.smiledesk.assistant;

import java.util.List;

import io.smiledesk.assistant.DialogueState.Option;

/** The quick replies the assistant offers, in the patient's language. */
final class Menu {

	private Menu() {
	}

	/** What the front desk can do. */
	static List<Option> options(Draft draft) {
		return List.of(book(draft), option(draft, "menu.reschedule"), option(draft, "menu.cancel"),
				option(draft, "menu.question"));
	}

	static Option book(Draft draft) {
		return option(draft, "menu.book");
	}

	static Option noThanks(Draft draft) {
		return option(draft, "option.no-thanks");
	}

	/** Yes and no; their values are the same in every language. */
	static List<Option> yesNo(Draft draft) {
		Wording wording = draft.wording();
		return List.of(new Option(wording.text(draft.locale(), "option.yes"), "yes"),
				new Option(wording.text(draft.locale(), "option.no"), "no"));
	}

	static Option option(Draft draft, String key) {
		return new Option(draft.wording().text(draft.locale(), key + ".label"),
				draft.wording().text(draft.locale(), key + ".value"));
	}

}
