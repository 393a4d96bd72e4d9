package io.smiledesk.reminder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reminder rules in the console's settings, beside the module they configure, and the
 * reminders of the last week that no channel could take. Managers only, like the rules'
 * API.
 */
@Controller
@ConsolePage
@RequestMapping("/console/settings/reminders")
@PreAuthorize(Access.MANAGERS)
class ReminderConsoleController {

	/** Rows on the form: the rules there are, and empty ones up to the limit. */
	static final int ROWS = ReminderSettings.MAX_RULES;

	private static final int FAILED_SHOWN = 50;

	private final ReminderSettingsStore settings;

	private final ReminderLedger ledger;

	private final Clock clock;

	private final ClinicCatalog catalog;

	ReminderConsoleController(ReminderSettingsStore settings, ReminderLedger ledger, Clock clock,
			ClinicCatalog catalog) {
		this.catalog = catalog;
		this.settings = settings;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** One row of the form; {@code unit} is days, hours or minutes. */
	record Row(String code, long amount, String unit, boolean asks, boolean enabled) {

		static Row of(ReminderRule rule) {
			Duration before = rule.before();
			if (before.toMinutes() % (24 * 60) == 0) {
				return new Row(rule.code(), before.toDays(), "days", rule.asksConfirmation(), rule.enabled());
			}
			if (before.toMinutes() % 60 == 0) {
				return new Row(rule.code(), before.toHours(), "hours", rule.asksConfirmation(), rule.enabled());
			}
			return new Row(rule.code(), before.toMinutes(), "minutes", rule.asksConfirmation(), rule.enabled());
		}

	}

	@GetMapping
	String page(Model model) {
		return show(settings.load(), model, null);
	}

	@PostMapping
	String save(@RequestParam(name = "code", required = false) List<String> codes,
			@RequestParam(name = "amount", required = false) List<String> amounts,
			@RequestParam(name = "unit", required = false) List<String> units,
			@RequestParam(name = "asks", required = false) Set<Integer> asks,
			@RequestParam(name = "enabled", required = false) Set<Integer> enabled,
			@RequestParam(name = "channel", required = false) List<String> channels,
			@RequestParam(name = "withinHours", defaultValue = "0") String withinHours,
			@RequestParam(name = "missedYou", defaultValue = "false") boolean missedYou, Model model,
			RedirectAttributes redirect) {
		ReminderSettings parsed;
		try {
			List<ReminderRule> rules = new ArrayList<>();
			for (int i = 0; codes != null && i < codes.size(); i++) {
				String code = codes.get(i).strip();
				if (code.isEmpty()) {
					continue;
				}
				rules.add(new ReminderRule(code, duration(amounts.get(i), units.get(i)),
						asks != null && asks.contains(i), enabled != null && enabled.contains(i)));
			}
			List<ReminderChannel> order = new ArrayList<>();
			for (String channel : channels == null ? List.<String>of() : channels) {
				if (!channel.isBlank()) {
					order.add(ReminderChannel.valueOf(channel.toUpperCase(Locale.ROOT)));
				}
			}
			parsed = new ReminderSettings(rules, order, Duration.ofHours(number(withinHours)), missedYou);
		}
		catch (IllegalArgumentException ex) {
			// an InvalidReminderSettings names the part; a number or name that is not one
			return show(settings.load(), model, ex.getMessage());
		}
		settings.save(parsed, clock.instant());
		redirect.addFlashAttribute("saved", "reminders.saved");
		return "redirect:/console/settings/reminders";
	}

	private String show(ReminderSettings current, Model model, String problem) {
		List<Row> rows = new ArrayList<>(current.rules().stream().map(Row::of).toList());
		while (rows.size() < ROWS) {
			rows.add(new Row("", 0, "days", false, true));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("channels",
				current.channels().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
		model.addAttribute("withinHours", current.skipIfBookedWithin().toHours());
		model.addAttribute("missedYou", current.missedYou());
		model.addAttribute("problem", problem);
		model.addAttribute("zone", catalog.snapshot().zone());
		model.addAttribute("failed", ledger.failedSince(clock.instant().minus(Duration.ofDays(7)), FAILED_SHOWN));
		return "console/settings/reminders";
	}

	private static Duration duration(String amount, String unit) {
		long value = number(amount);
		return switch (unit) {
			case "days" -> Duration.ofDays(value);
			case "hours" -> Duration.ofHours(value);
			case "minutes" -> Duration.ofMinutes(value);
			default -> throw new IllegalArgumentException("Choose days, hours or minutes.");
		};
	}

	private static long number(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Give whole numbers: " + text + " is not one.");
		}
	}

}
