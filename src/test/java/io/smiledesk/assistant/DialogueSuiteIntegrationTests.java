package io.smiledesk.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.conversation.ChatReply;
import io.smiledesk.demo.DemoSeeder;
import io.smiledesk.insurance.CarrierList;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted conversations in {@code dialogues/dialogues.txt}, each played through the
 * front desk against a fresh database and checked turn by turn and then in the database.
 * Prints the task-success rate; the target is 95%.
 * <p>
 * Script lines: {@code === title} starts a conversation; {@code given ...} sets up
 * patients, appointments or the clock; {@code > text} is a patient message; {@code ? ...}
 * checks the reply just received; {@code ! take N} lets someone else book the N-th
 * offered time; {@code db ...} checks the database at the end.
 */
@IntegrationTest
class DialogueSuiteIntegrationTests {

	/**
	 * The held-out file's first run, before any change it prompted, was 18 of 24 (75%):
	 * it found a lost "instead" day, a misread "y", a date of birth before a full stop,
	 * missed reschedule wording and a service-plus-day pick. One expectation still fails
	 * by design: a precise time ("aug 14 at 10am") is held at once instead of being
	 * offered in a list.
	 */
	private static final double HELD_OUT_TARGET = 90.0;

	/**
	 * {@code -Ddialogue.trace=part of a title} prints that script's turns; several parts
	 * separated by {@code |} trace several scripts.
	 */
	private static final String TRACE = System.getProperty("dialogue.trace");

	/**
	 * {@code -Ddialogue.only=part of a title} plays only the scripts whose titles contain
	 * one of the parts (separated by {@code |}), to trace them quickly; the size checks
	 * then fail, so such a run proves nothing.
	 */
	private static final String ONLY = System.getProperty("dialogue.only");

	private static final Pattern CHECK = Pattern.compile("([a-z_]+)(>=|=|!~|~)(\"[^\"]*\"|\\S+)");

	private static final DateTimeFormatter OPTION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	Booking booking;

	@Autowired
	Appointments appointments;

	@Autowired
	Patients patients;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	CarrierList carriers;

	@Test
	void scriptedConversationsSucceed() throws IOException {
		double rate = run("dialogue suite", "/dialogues/dialogues.txt", 60);
		assertThat(rate).as("must-pass: every script").isEqualTo(100.0);
	}

	/**
	 * Conversations written by a tester who had not seen the assistant's code or the
	 * suite above.
	 */
	@Test
	void heldOutConversationsSucceed() throws IOException {
		double rate = run("dialogue held-out", "/dialogues/heldout.txt", 20);
		assertThat(rate).as("held-out task success rate").isGreaterThanOrEqualTo(HELD_OUT_TARGET);
	}

	/**
	 * Conversations written blind (from the product description and the chat API only),
	 * used for tuning: part of the must-pass set with the suite above.
	 */
	@Test
	void blindTuningConversationsSucceed() throws IOException {
		double rate = run("dialogue blind tuning", "/dialogues/blind-tuning.txt", 80);
		assertThat(rate).as("must-pass: every script").isEqualTo(100.0);
	}

	/**
	 * A second tuning set written blind (2026-12-02) after the reporting set's first
	 * measurement, by an author who saw neither the code nor the other scripts: the
	 * figure is printed and held to a floor.
	 */
	@Test
	void secondBlindTuningConversationsSucceed() throws IOException {
		double rate = run("dialogue blind tuning 2", "/dialogues/blind-tuning-2.txt", 70);
		assertThat(rate).as("second blind tuning task success rate").isGreaterThanOrEqualTo(SECOND_TUNING_FLOOR);
	}

	/**
	 * First run 43 of 70 (61.4%); after tuning on it 57 of 70 (81.4%), then 68 of 70
	 * (97.1%, 2026-12-03).
	 */
	private static final double SECOND_TUNING_FLOOR = 95.0;

	/**
	 * A third tuning set written blind (2026-12-03) from the README, the time-expression
	 * notes and the clinic's published knowledge, by an author who saw no code: the
	 * figure is printed and held to a floor.
	 */
	@Test
	void thirdBlindTuningConversationsSucceed() throws IOException {
		double rate = run("dialogue blind tuning 3", "/dialogues/blind-tuning-3.txt", 70);
		assertThat(rate).as("third blind tuning task success rate").isGreaterThanOrEqualTo(THIRD_TUNING_FLOOR);
	}

	/**
	 * First run 36 of 70 (51.4%, 2026-12-03), before any change it prompted (after the
	 * fixes prompted by the second set); 39 of 70 (55.7%) after two fixes it shares with
	 * the second set's failure types; 52 of 70 (74.3%) after the fourth set's fixes; 60
	 * of 70 (85.7%) after tuning on it again.
	 */
	private static final double THIRD_TUNING_FLOOR = 84.0;

	/**
	 * A fourth tuning set written blind (2026-12-03) from the README, the docs and the
	 * clinic's documents, by an author who saw no code: the figure is printed and held to
	 * a floor.
	 */
	@Test
	void fourthBlindTuningConversationsSucceed() throws IOException {
		double rate = run("dialogue blind tuning 4", "/dialogues/blind-tuning-4.txt", 70);
		assertThat(rate).as("fourth blind tuning task success rate").isGreaterThanOrEqualTo(FOURTH_TUNING_FLOOR);
	}

	/**
	 * First run 50 of 70 (71.4%, 2026-12-03), before any change it prompted; 65 of 70
	 * (92.9%) after tuning on it the same day; 67 of 70 (95.7%) after the next fixes.
	 */
	private static final double FOURTH_TUNING_FLOOR = 94.0;

	/**
	 * A fifth tuning set written blind (2026-12-03) from the README and the clinic's
	 * documents, by an author who saw no code (its handoff checks were written in a form
	 * the harness lacks and translated to its own before the first run): the figure is
	 * printed and held to a floor.
	 */
	@Test
	void fifthBlindTuningConversationsSucceed() throws IOException {
		double rate = run("dialogue blind tuning 5", "/dialogues/blind-tuning-5.txt", 70);
		assertThat(rate).as("fifth blind tuning task success rate").isGreaterThanOrEqualTo(FIFTH_TUNING_FLOOR);
	}

	/**
	 * First run 56 of 70 (80.0%, 2026-12-03); 61 after the changes it prompted, 68 after
	 * the sixth set's.
	 */
	private static final double FIFTH_TUNING_FLOOR = 94.0;

	/**
	 * A sixth tuning set written blind (2026-12-04) by a helper who read the README, the
	 * clinic's documents and the harness's vocabulary only: a third of its scripts set
	 * their own clock. The figure is printed and held to a floor.
	 */
	@Test
	void sixthBlindTuningConversationsSucceed() throws IOException {
		double rate = run("dialogue blind tuning 6", "/dialogues/blind-tuning-6.txt", 70);
		assertThat(rate).as("sixth blind tuning task success rate").isGreaterThanOrEqualTo(SIXTH_TUNING_FLOOR);
	}

	/** First run 56 of 70 (80.0%, 2026-12-04); 64 after the changes it prompted. */
	private static final double SIXTH_TUNING_FLOOR = 88.0;

	/**
	 * Conversations written blind by another author, for reporting only: never tuned on,
	 * their failures are not printed. Measured once, at the end of the work they report
	 * on.
	 */
	@Test
	void blindReportingConversationsSucceed() throws IOException {
		double rate = run("dialogue blind reporting", "/dialogues/blind-report.txt", 70);
		assertThat(rate).as("blind reporting task success rate").isGreaterThanOrEqualTo(REPORT_FLOOR);
	}

	/** First measured 2026-12-02: 52 of 76 (68.4%). */
	private static final double REPORT_FLOOR = 65.0;

	private double run(String name, String resource, int atLeast) throws IOException {
		List<Script> scripts = scripts(resource);
		List<String> failures = new ArrayList<>();
		for (Script script : scripts) {
			if (ONLY != null && Arrays.stream(ONLY.split("\\|")).noneMatch(script.title()::contains)) {
				continue;
			}
			data.reset();
			DemoSeeder.listCarriers(carriers);
			Optional<String> failure = play(script);
			failure.ifPresent(reason -> failures.add(script.title() + ": " + reason));
		}
		if (ONLY != null) {
			scripts = scripts.stream()
				.filter(script -> Arrays.stream(ONLY.split("\\|")).anyMatch(script.title()::contains))
				.toList();
		}
		int succeeded = scripts.size() - failures.size();
		double rate = 100.0 * succeeded / scripts.size();
		System.out.printf(Locale.ROOT, "%s: %d conversations, %d succeeded, task success %.1f%%%n", name,
				scripts.size(), succeeded, rate);
		if (!name.contains("reporting")) {
			failures.forEach(failure -> System.out.println("  failed: " + failure));
		}
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(atLeast);
		return rate;
	}

	record Script(String title, List<String> lines) {
	}

	private static List<Script> scripts(String resource) throws IOException {
		List<Script> scripts = new ArrayList<>();
		try (InputStream in = DialogueSuiteIntegrationTests.class.getResourceAsStream(resource)) {
			String title = null;
			List<String> lines = new ArrayList<>();
			for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String line = raw.strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				if (line.startsWith("=== ")) {
					if (title != null) {
						scripts.add(new Script(title, lines));
					}
					title = line.substring(4);
					lines = new ArrayList<>();
				}
				else {
					lines.add(line);
				}
			}
			if (title != null) {
				scripts.add(new Script(title, lines));
			}
		}
		return scripts;
	}

	/** Plays one script; the reason it failed, if it did. */
	private Optional<String> play(Script script) {
		UUID session = null;
		ChatReply last = null;
		Map<String, AppointmentView> given = new HashMap<>();
		ZoneId zone = catalog.snapshot().zone();
		try {
			for (String line : script.lines()) {
				if (line.startsWith("given ")) {
					setUp(line.substring(6), given, zone);
				}
				else if (line.startsWith("> ")) {
					last = ChatReply.of(patientMessages.receive(session, line.substring(2), ConversationChannel.WEB));
					session = last.sessionId();
					if (traced(script.title())) {
						System.out.printf("  [%s] > %s%n      < %s | intent=%s stage=%s task=%s status=%s%n",
								script.title(), line.substring(2), last.reply(), last.intent(),
								last.state() == null ? null : last.state().stage(),
								last.state() == null ? null : last.state().task() + " window=" + last.state().window(),
								last.status());
					}
				}
				else if (line.startsWith("? ")) {
					Optional<String> failed = checkReply(line.substring(2), last);
					if (failed.isPresent()) {
						return failed;
					}
				}
				else if (line.startsWith("! take ")) {
					int index = Integer.parseInt(line.substring(7).trim()) - 1;
					String value = last.options().get(index).value();
					Instant start = LocalDateTime.parse(value, OPTION).atZone(zone).toInstant();
					Booking.Outcome taken = booking.book(new Booking.BookRequest("Someone Else",
							"someone.else." + UUID.randomUUID() + "@example.com", null, null, Channel.EMAIL,
							last.state().service().id(), start, Optional.empty(), Optional.empty(), null,
							CreatedFrom.MANUAL_ADMIN, null, null, null, null));
					if (!(taken instanceof Booking.Done)) {
						return Optional.of("could not take the offered time " + value + ": " + taken);
					}
				}
				else if (line.startsWith("db ")) {
					Optional<String> failed = checkDatabase(line.substring(3), session, given, zone);
					if (failed.isPresent()) {
						return failed;
					}
				}
				else {
					return Optional.of("unknown script line: " + line);
				}
			}
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.of("threw " + ex);
		}
	}

	private static boolean traced(String title) {
		return TRACE != null && java.util.Arrays.stream(TRACE.split("\\|")).anyMatch(title::contains);
	}

	private void setUp(String line, Map<String, AppointmentView> given, ZoneId zone) {
		Map<String, String> args = arguments(line);
		if (line.startsWith("clock ")) {
			clock.set(LocalDateTime.parse(line.substring(6).trim()).atZone(zone).toInstant());
		}
		else if (line.startsWith("patient ")) {
			patients.register(
					new Patients.NewPatient(args.get("name"), patients.contact(args.get("email"), args.get("phone")),
							args.containsKey("dob") ? LocalDate.parse(args.get("dob")) : null, PatientType.EXISTING,
							args.containsKey("email") ? Channel.EMAIL : Channel.SMS));
		}
		else if (line.startsWith("appointment ")) {
			PatientSummary patient = patients.identify(patients.contact(args.get("email"), args.get("phone")))
				.orElseThrow();
			Booking.Outcome outcome = booking
				.book(new Booking.BookRequest(patient.name(), patient.email(), patient.phone(), null, Channel.EMAIL,
						args.get("service"), LocalDateTime.parse(args.get("at")).atZone(zone).toInstant(),
						Optional.ofNullable(args.get("provider")), Optional.empty(), null, CreatedFrom.MANUAL_ADMIN,
						null, null, null, null));
			if (!(outcome instanceof Booking.Done done)) {
				throw new IllegalStateException("given appointment refused: " + outcome);
			}
			given.put(args.getOrDefault("as", "appointment"), done.appointment());
		}
		else {
			throw new IllegalArgumentException("unknown given: " + line);
		}
	}

	private static Optional<String> checkReply(String line, ChatReply reply) {
		if (reply == null) {
			return Optional.of("check before any message");
		}
		for (Map.Entry<String, String[]> check : checks(line).entrySet()) {
			String key = check.getKey();
			String operator = check.getValue()[0];
			String expected = check.getValue()[1];
			String actual = switch (key) {
				case "reply" -> reply.reply();
				case "status" -> reply.status().name();
				case "intent" -> reply.intent();
				case "language" -> reply.language();
				case "stage" -> reply.state().stage();
				case "task" -> reply.state().task();
				case "service" -> reply.state().service() == null ? null : reply.state().service().id();
				case "provider" -> reply.state().provider() == null ? null : reply.state().provider().id();
				case "action" -> reply.appointment() == null ? null : reply.appointment().action();
				case "options" -> String.valueOf(reply.options().size());
				default -> throw new IllegalArgumentException("unknown check " + key);
			};
			if (!matches(operator, expected, actual)) {
				return Optional.of("expected " + key + operator + expected + " but was " + actual + " (reply: \""
						+ reply.reply() + "\")");
			}
		}
		return Optional.empty();
	}

	private Optional<String> checkDatabase(String line, UUID session, Map<String, AppointmentView> given, ZoneId zone) {
		Map<String, String> args = arguments(line);
		String what = line.split("\\s+")[0];
		switch (what) {
			case "booked" -> {
				PatientSummary patient = patients.identify(patients.contact(args.get("email"), args.get("phone")))
					.orElse(null);
				if (patient == null) {
					return Optional.of("no patient " + args + " was registered");
				}
				List<AppointmentView> booked = appointments
					.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Optional.empty(),
							Optional.of(patient.id().value()), java.util.Set.of(AppointmentStatus.BOOKED))
					.stream()
					.filter(appointment -> appointment.createdFrom() == CreatedFrom.CHAT)
					.toList();
				if (booked.size() != 1) {
					return Optional
						.of("expected one chat booking for " + args.get("email") + ", found " + booked.size());
				}
				return checkAppointment(booked.get(0), args, zone);
			}
			case "none" -> {
				int count = data.jdbc()
					.queryForObject("select count(*) from appointment where created_from = 'CHAT'", Integer.class);
				return count == 0 ? Optional.empty() : Optional.of("expected no chat booking, found " + count);
			}
			case "cancelled", "moved", "unchanged" -> {
				AppointmentView before = given.get(args.getOrDefault("as", "appointment"));
				AppointmentView now = appointments.find(before.id()).orElseThrow();
				if (what.equals("cancelled")) {
					return now.status() == AppointmentStatus.CANCELLED ? Optional.empty()
							: Optional.of("expected the appointment cancelled, it is " + now.status());
				}
				if (what.equals("unchanged")) {
					return now.status() == before.status() && now.start().equals(before.start()) ? Optional.empty()
							: Optional
								.of("expected the appointment unchanged, it is " + now.status() + " at " + now.start());
				}
				if (now.start().equals(before.start()) || now.status() != AppointmentStatus.BOOKED) {
					return Optional.of("expected the appointment moved, it is " + now.status() + " at " + now.start());
				}
				return checkAppointment(now, args, zone);
			}
			case "handoff" -> {
				Map<String, Object> row = data.jdbc()
					.queryForMap("select status, urgency, handoff_reason from conversation where id = ?", session);
				if (!"HANDOFF_REQUIRED".equals(row.get("status"))) {
					return Optional.of("expected a handoff, conversation is " + row);
				}
				String urgency = args.get("urgency");
				if (urgency != null && !urgency.equalsIgnoreCase(String.valueOf(row.get("urgency")))) {
					return Optional.of("expected urgency " + urgency + ", was " + row);
				}
				String reason = args.get("reason");
				String code = String.valueOf(row.get("handoff_reason")).split(":", 2)[0];
				return reason == null || reason.equalsIgnoreCase(code) ? Optional.empty()
						: Optional.of("expected handoff reason " + reason + ", was " + row);
			}
			case "appointments" -> {
				int count = data.count("appointment");
				return String.valueOf(count).equals(args.get("count")) ? Optional.empty()
						: Optional.of("expected " + args.get("count") + " appointments, found " + count);
			}
			case "no-handoff" -> {
				String status = data.jdbc()
					.queryForObject("select status from conversation where id = ?", String.class, session);
				return !"HANDOFF_REQUIRED".equals(status) ? Optional.empty()
						: Optional.of("expected no handoff, conversation is " + status);
			}
			case "holds" -> {
				int count = data.count("slot_hold");
				return String.valueOf(count).equals(args.get("count")) ? Optional.empty()
						: Optional.of("expected " + args.get("count") + " holds, found " + count);
			}
			default -> throw new IllegalArgumentException("unknown db check " + what);
		}
	}

	private static Optional<String> checkAppointment(AppointmentView appointment, Map<String, String> args,
			ZoneId zone) {
		LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), zone);
		List<String> wrong = new ArrayList<>();
		if (args.containsKey("service") && !args.get("service").equals(appointment.serviceId())) {
			wrong.add("service " + appointment.serviceId());
		}
		if (args.containsKey("provider") && !args.get("provider").equals(appointment.providerId())) {
			wrong.add("provider " + appointment.providerId());
		}
		if (args.containsKey("weekday")
				&& DayOfWeek.valueOf(args.get("weekday").toUpperCase(Locale.ROOT)) != start.getDayOfWeek()) {
			wrong.add("weekday " + start.getDayOfWeek());
		}
		if (args.containsKey("date") && !LocalDate.parse(args.get("date")).equals(start.toLocalDate())) {
			wrong.add("date " + start.toLocalDate());
		}
		if (args.containsKey("time") && !LocalTime.parse(args.get("time")).equals(start.toLocalTime())) {
			wrong.add("time " + start.toLocalTime());
		}
		if (args.containsKey("after") && start.toLocalTime().isBefore(LocalTime.parse(args.get("after")))) {
			wrong.add("time " + start.toLocalTime());
		}
		if (args.containsKey("before") && !start.toLocalTime().isBefore(LocalTime.parse(args.get("before")))) {
			wrong.add("time " + start.toLocalTime());
		}
		return wrong.isEmpty() ? Optional.empty()
				: Optional.of("appointment at " + start + " has the wrong " + String.join(", ", wrong));
	}

	private static boolean matches(String operator, String expected, String actual) {
		return switch (operator) {
			case "=" -> expected.equals("null") ? actual == null : expected.equalsIgnoreCase(String.valueOf(actual));
			case "~" -> actual != null
					&& Pattern.compile(expected, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(actual).find();
			case "!~" -> actual == null || !matches("~", expected, actual);
			case ">=" -> actual != null && Integer.parseInt(actual) >= Integer.parseInt(expected);
			default -> false;
		};
	}

	private static Map<String, String[]> checks(String line) {
		Map<String, String[]> checks = new java.util.LinkedHashMap<>();
		Matcher matcher = CHECK.matcher(line);
		while (matcher.find()) {
			checks.put(matcher.group(1), new String[] { matcher.group(2), unquote(matcher.group(3)) });
		}
		return checks;
	}

	private static Map<String, String> arguments(String line) {
		Map<String, String> args = new HashMap<>();
		checks(line).forEach((key, value) -> args.put(key, value[1]));
		return args;
	}

	private static String unquote(String value) {
		return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
	}

}
