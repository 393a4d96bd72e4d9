package io.smiledesk.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reminders for staff: what went out for an appointment and how the patient answered, the
 * clinic's rules, and sending what is due now. Everyone who sees the schedule sees an
 * appointment's reminders; managers change the rules and run the job by hand.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class ReminderAdminRestController {

	private final AppointmentReminders reminders;

	private final ReminderRun run;

	private final ReminderSettingsStore settings;

	private final Clock clock;

	ReminderAdminRestController(AppointmentReminders reminders, ReminderRun run, ReminderSettingsStore settings,
			Clock clock) {
		this.reminders = reminders;
		this.run = run;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/appointments/{id}/reminders")
	@PreAuthorize(Access.ANY_STAFF)
	Map<String, Object> ofAppointment(@PathVariable UUID id) {
		AppointmentReminders.View view = reminders.of(id)
			.orElseThrow(() -> ApiProblem.notFound("appointment", "No appointment with id " + id + "."));
		List<Map<String, Object>> lines = new ArrayList<>();
		for (AppointmentReminders.Line line : view.reminders()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("rule", line.rule());
			json.put("channel", line.channel());
			json.put("due_at", line.dueAt());
			json.put("status", line.status());
			json.put("message_id", line.messageId());
			json.put("detail", line.detail());
			json.put("for_start", line.appointmentStart());
			json.put("response", line.response());
			lines.add(json);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appointment_id", id);
		body.put("appointment_status", view.appointment().status().name().toLowerCase(Locale.ROOT));
		body.put("confirmation", view.answer() == null ? null
				: Map.of("response", view.answer().response(), "via", view.answer().via(), "at", view.answer().at()));
		body.put("reminders", lines);
		return body;
	}

	@PostMapping("/reminders/run")
	@PreAuthorize(Access.MANAGERS)
	Map<String, Object> runNow() {
		int queued = run.runNow()
			.orElseThrow(() -> ApiProblem.conflict("reminders-running",
					"The reminder job is running on another instance; try again in a minute."));
		return Map.of("reminders_queued", queued);
	}

	@GetMapping("/reminders/settings")
	@PreAuthorize(Access.FRONT_OFFICE)
	SettingsJson settings() {
		return SettingsJson.of(settings.load());
	}

	@PutMapping(path = "/reminders/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(Access.MANAGERS)
	SettingsJson save(@RequestBody SettingsJson body) {
		ReminderSettings parsed = body.parse();
		settings.save(parsed, clock.instant());
		return SettingsJson.of(settings.load());
	}

	@ExceptionHandler(InvalidSettingsException.class)
	ApiProblem invalid(InvalidSettingsException ex) {
		return ApiProblem.invalidField(ex.field, ex.getMessage());
	}

	/** The settings as JSON: durations in ISO-8601 (P7D, PT2H). */
	record SettingsJson(List<RuleJson> rules, List<String> channelOrder, String skipIfBookedWithin, Boolean missedYou) {

		static SettingsJson of(ReminderSettings settings) {
			return new SettingsJson(
					settings.rules()
						.stream()
						.map(rule -> new RuleJson(rule.code(), rule.before().toString(), rule.asksConfirmation(),
								rule.enabled()))
						.toList(),
					settings.channels().stream().map(channel -> channel.name().toLowerCase(Locale.ROOT)).toList(),
					settings.skipIfBookedWithin().toString(), settings.missedYou());
		}

		ReminderSettings parse() {
			if (rules == null) {
				throw new InvalidSettingsException("rules", "Give the list of rules (it may be empty).");
			}
			List<ReminderRule> parsed = new ArrayList<>();
			for (int i = 0; i < rules.size(); i++) {
				RuleJson rule = rules.get(i);
				String at = "rules[" + i + "]";
				if (rule == null) {
					throw new InvalidSettingsException(at, "A rule is an object.");
				}
				Duration before = duration(rule.before(), at + ".before");
				try {
					parsed.add(new ReminderRule(rule.code(), before, Boolean.TRUE.equals(rule.asksConfirmation()),
							rule.enabled() == null || rule.enabled()));
				}
				catch (InvalidReminderSettings ex) {
					throw new InvalidSettingsException(at, ex.getMessage());
				}
			}
			if (channelOrder == null || channelOrder.isEmpty()) {
				throw new InvalidSettingsException("channel_order",
						"Name the channels to try, in order: preferred, sms, whatsapp, email.");
			}
			List<ReminderChannel> channels = new ArrayList<>();
			for (String name : channelOrder) {
				try {
					channels.add(ReminderChannel.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidSettingsException("channel_order",
							"Unknown channel " + name + "; use preferred, sms, whatsapp or email.");
				}
			}
			Duration within = skipIfBookedWithin == null ? Duration.ZERO
					: duration(skipIfBookedWithin, "skip_if_booked_within");
			try {
				return new ReminderSettings(parsed, channels, within, Boolean.TRUE.equals(missedYou));
			}
			catch (InvalidReminderSettings ex) {
				String field = switch (ex.part()) {
					case BOOKED_WITHIN -> "skip_if_booked_within";
					case CHANNELS -> "channel_order";
					case RULE, RULES -> "rules";
				};
				throw new InvalidSettingsException(field, ex.getMessage());
			}
		}

		private static Duration duration(String value, String field) {
			try {
				return Duration.parse(value);
			}
			catch (DateTimeParseException | NullPointerException ex) {
				throw new InvalidSettingsException(field, "Give a duration in ISO-8601, e.g. P7D or PT2H.");
			}
		}

	}

	record RuleJson(String code, String before, Boolean asksConfirmation, Boolean enabled) {
	}

	static final class InvalidSettingsException extends RuntimeException {

		private final String field;

		InvalidSettingsException(String field, String message) {
			super(message);
			this.field = field;
		}

	}

}
