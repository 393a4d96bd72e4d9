package io.smiledesk.staff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static io.smiledesk.staff.StaffRole.ADMIN;
import static io.smiledesk.staff.StaffRole.DENTIST;
import static io.smiledesk.staff.StaffRole.FRONT_DESK;
import static io.smiledesk.staff.StaffRole.HYGIENIST;
import static io.smiledesk.staff.StaffRole.OFFICE_MANAGER;

/**
 * Walks every staff endpoint as nobody and as each role, and holds the answers to the
 * matrix in docs/security.md: 401 without a login, 403 for a role the matrix leaves out,
 * and the endpoint's own answer for a role it lets in. Bodies are valid, so a refusal
 * cannot hide behind a 400.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// its own database: the matrix creates providers, rooms and services that other tests do
// not expect
@TestPropertySource(properties = "smiledesk.test.context=access-matrix")
class AccessMatrixIntegrationTests {

	static final Set<StaffRole> ANY = EnumSet.allOf(StaffRole.class);

	static final Set<StaffRole> MANAGERS = EnumSet.of(ADMIN, OFFICE_MANAGER);

	static final Set<StaffRole> FRONT_OFFICE = EnumSet.of(ADMIN, OFFICE_MANAGER, FRONT_DESK);

	static final Set<StaffRole> VISIT_CLOSERS = EnumSet.of(ADMIN, OFFICE_MANAGER, FRONT_DESK, DENTIST, HYGIENIST);

	static final Set<StaffRole> CLINICIANS = EnumSet.of(ADMIN, DENTIST, HYGIENIST);

	static final Set<StaffRole> ADMINS = EnumSet.of(ADMIN);

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	final Map<StaffRole, String> bearer = new EnumMap<>(StaffRole.class);

	final AtomicInteger sequence = new AtomicInteger();

	String clinicSettings;

	@BeforeAll
	void signInEveryRole() throws Exception {
		clock.reset();
		Logins logins = new Logins(mvc, accounts, clock);
		for (StaffRole role : StaffRole.values()) {
			bearer.put(role, logins.signIn(role).bearer());
		}
		clinicSettings = mvc.perform(get("/api/v1/admin/clinic").header("Authorization", bearer.get(ADMIN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	record Row(HttpMethod method, String path, Supplier<String> body, Set<StaffRole> allowed, int status) {

		String name() {
			return method + " " + path;
		}

	}

	List<Row> matrix() {
		String missing = UUID.randomUUID().toString();
		List<Row> rows = new ArrayList<>();
		// clinic set-up: everyone reads, managers change
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/clinic", null, ANY, 200));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/clinic", () -> clinicSettings, MANAGERS, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/clinic/closures", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/clinic/closures",
				() -> "{\"starts_on\":\"2031-01-%02d\",\"ends_on\":\"2031-01-%02d\",\"reason\":\"Course\"}"
					.formatted(next() % 28 + 1, 28),
				MANAGERS, 201));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/clinic/closures/" + missing, null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/providers", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/providers/dr-maria-lopez", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/providers", () -> "{\"id\":\"matrix-" + next()
				+ "\",\"name\":\"Dr. Matrix\",\"role\":\"DENTIST\",\"active\":false}", MANAGERS, 201));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/providers/no-such-provider",
				() -> "{\"name\":\"Dr. Nobody\",\"role\":\"DENTIST\"}", MANAGERS, 404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/providers/no-such-provider", null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/providers/dr-maria-lopez/time-off",
				() -> "{\"starts_at\":\"2031-02-03T14:00:00Z\",\"ends_at\":\"2031-02-03T15:00:00Z\"}", MANAGERS, 201));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/providers/dr-maria-lopez/time-off/" + missing, null,
				MANAGERS, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/services", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/services/filling", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/services", () -> service("matrix_" + next()), MANAGERS, 201));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/services/no_such_service", () -> service("no_such_service"),
				MANAGERS, 404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/services/no_such_service", null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/operatories", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/operatories",
				() -> "{\"id\":\"matrix-op-" + next() + "\",\"name\":\"Spare\",\"active\":false}", MANAGERS, 201));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/operatories/no-such-room", () -> "{\"name\":\"Spare\"}",
				MANAGERS, 404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/operatories/no-such-room", null, MANAGERS, 404));
		// conversations: every member of staff works the handoff queue
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/conversations", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/conversations/escalations", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/conversations/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/conversations/" + missing + "/messages", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/conversations/" + missing + "/claim", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/conversations/" + missing + "/take-over", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/conversations/" + missing + "/messages",
				() -> "{\"text\":\"Hello\"}", ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/conversations/" + missing + "/hand-back", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/conversations/" + missing + "/close", null, ANY, 404));
		// patients: everyone reads, the front office registers, clinicians write history,
		// only admins delete
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/patients", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/patients/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/patients",
				() -> "{\"name\":\"Pat Matrix\",\"email\":\"pat" + next() + "@matrix.example\"}", FRONT_OFFICE, 201));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/patients/" + missing,
				() -> "{\"name\":\"Pat Matrix\",\"email\":\"nobody@matrix.example\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/patients/" + missing, null, ADMINS, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/patients/" + missing + "/treatments",
				() -> "{\"procedure\":\"Filling\",\"performed_on\":\"2025-07-01\"}", CLINICIANS, 404));
		// appointments: everyone reads, the front office books and changes, clinicians
		// also close visits
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/appointments?start_date=2025-08-20", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/appointments/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments", () -> {
			int n = next();
			return "{\"appointment_date\":\"2025-%s\",\"name\":\"Walk In\",\"email\":\"walkin%d@matrix.example\",\"service_name\":\"filling\"}"
				.formatted(n % 2 == 0 ? "08-20T14:00:00Z" : "08-21T14:00:00Z", n)
				.replace("2025-08-2", "2025-08-2");
		}, FRONT_OFFICE, -1));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/" + missing + "/complete", () -> "{}",
				VISIT_CLOSERS, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/" + missing + "/cancel", () -> "{}", FRONT_OFFICE,
				404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/" + missing + "/reschedule",
				() -> "{\"appointment_date\":\"2025-08-21T14:00:00Z\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/" + missing + "/no-show", null, FRONT_OFFICE,
				404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/" + missing + "/confirm", null, FRONT_OFFICE,
				404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/appointments/" + missing, null, MANAGERS, 404));
		// deposits: giving one up is front-office work, like the booking it belongs to
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/" + missing + "/deposit/waive", null,
				FRONT_OFFICE, 404));
		// billing: everyone reads ledgers, statements and fees; the front office posts
		// and
		// sends payment pages; managers set fees
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/patients/" + missing + "/ledger", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/payments",
				() -> "{\"patient_id\":\"" + missing + "\",\"amount\":5,\"method\":\"cash\"}", FRONT_OFFICE, 404));
		rows.add(
				new Row(HttpMethod.POST, "/api/v1/admin/adjustments",
						() -> "{\"patient_id\":\"" + missing
								+ "\",\"kind\":\"adjustment\",\"amount\":-5,\"reason\":\"Courtesy\"}",
						FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/invoices/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/invoices/" + missing + "/payment-link", null, FRONT_OFFICE,
				404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/invoices/" + missing + "/send", null, FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/fees", null, ANY, 200));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/fees/D1110", () -> "{\"amount\":\"120.00\"}", MANAGERS, 200));
		// insurance: everyone reads carriers, coverages, estimates, claims and their
		// aging;
		// the front office records coverages and works claims
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/insurance/carriers", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/insurance/carriers",
				() -> "{\"name\":\"Matrix Carrier " + next() + "\"}", FRONT_OFFICE, 201));
		rows.add(
				new Row(HttpMethod.POST, "/api/v1/admin/insurance/carriers/" + missing + "/plans",
						() -> "{\"name\":\"PPO\",\"annual_maximum\":1500,\"deductible\":50,\"coverage_percent\":"
								+ "{\"preventive\":100,\"basic\":80,\"major\":50,\"orthodontic\":50}}",
						FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/insurance/carriers/" + missing, () -> "{\"name\":\"Nobody\"}",
				FRONT_OFFICE, 404));
		rows.add(
				new Row(HttpMethod.PUT, "/api/v1/admin/insurance/plans/" + missing,
						() -> "{\"name\":\"PPO\",\"annual_maximum\":1500,\"deductible\":50,\"coverage_percent\":"
								+ "{\"preventive\":100,\"basic\":80,\"major\":50,\"orthodontic\":50}}",
						FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/insurance/plans/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/insurance/patients/" + missing + "/coverages", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/insurance/patients/" + missing + "/coverages",
				() -> "{\"plan_id\":\"" + missing + "\",\"subscriber\":{\"member_id\":\"M-1\",\"name\":\"Ana\"},"
						+ "\"priority\":\"primary\",\"relationship\":\"self\",\"effective_on\":\"2025-01-01\"}",
				FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/insurance/patients/" + missing + "/coverages/" + missing,
				null, FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST,
				"/api/v1/admin/insurance/patients/" + missing + "/coverages/" + missing + "/end",
				() -> "{\"ends_on\":\"2025-06-30\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/insurance/estimates",
				() -> "{\"patient_id\":\"" + missing + "\",\"procedures\":[{\"code\":\"D1110\",\"fee\":120}]}", ANY,
				404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/insurance/claims", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/insurance/claims/aging", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/insurance/claims",
				() -> "{\"appointment_id\":\"" + missing + "\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/insurance/claims/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/insurance/claims/" + missing + "/status",
				() -> "{\"status\":\"sent\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/insurance/claims/" + missing + "/payments",
				() -> "{\"lines\":[{\"line_id\":\"" + missing + "\",\"paid\":1}]}", FRONT_OFFICE, 404));
		// appointment series: the same rules as single bookings
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/series",
				() -> "{\"patient_id\":\"" + missing + "\",\"service_name\":\"filling\","
						+ "\"appointment_date\":\"2025-08-20T10:00\",\"recurrence\":{\"every\":\"P2W\",\"count\":2}}",
				FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/appointments/series/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/appointments/series/" + missing + "/cancel",
				() -> "{\"from\":\"2025-08-20\"}", FRONT_OFFICE, 404));
		// staff accounts: administrators only
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/staff", null, ADMINS, 200));
		rows.add(
				new Row(HttpMethod.POST, "/api/v1/admin/staff",
						() -> "{\"name\":\"New Nurse\",\"email\":\"nurse" + next()
								+ "@matrix.example\",\"role\":\"NURSE\",\"password\":\"Correct-Horse-42!\"}",
						ADMINS, 201));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/staff/" + missing,
				() -> "{\"name\":\"Nobody\",\"role\":\"NURSE\",\"active\":true}", ADMINS, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/staff/" + missing + "/unlock", null, ADMINS, 404));
		// duty hours, which route handoffs: managers
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/staff/" + missing + "/duty", null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/staff/" + missing + "/duty",
				() -> "{\"hours\":[{\"day\":\"MONDAY\",\"start\":\"08:00\",\"end\":\"12:00\"}]}", MANAGERS, 404));
		// knowledge base: everyone reads, the front office writes, managers delete
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/knowledge/documents", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/knowledge/documents/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/knowledge/documents",
				() -> "{\"title\":\"Matrix " + next() + "\",\"body\":\"Access matrix text.\",\"tags\":[\"matrix\"]}",
				FRONT_OFFICE, 201));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/knowledge/documents/" + missing,
				() -> "{\"title\":\"Nobody\",\"body\":\"Text.\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/knowledge/documents/" + missing, null, MANAGERS, 404));
		// patients' channels: every member of staff works the inbox; unreadable provider
		// payloads are for managers
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/inbox", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/messages/" + missing + "/retry", null, ANY, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/channels/dead-letters", null, MANAGERS, 200));
		// campaigns: everyone sees the dashboard's figures, the front office works
		// campaigns, managers run the daily job by hand
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/dashboard-stats", null, ANY, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/campaigns", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/campaigns/" + missing, null, FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/campaigns/recovery",
				() -> "{\"patient_name\":\"Matrix Lead\",\"patient_email\":\"lead" + next() + "@matrix.example\"}",
				FRONT_OFFICE, 201));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/campaigns/" + missing + "/respond",
				() -> "{\"message\":\"Hello\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.PATCH, "/api/v1/admin/campaigns/" + missing + "/status",
				() -> "{\"status\":\"MANUAL_FOLLOWUP_COMPLETE\"}", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/interactions/" + missing, null, FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/interactions",
				() -> "{\"campaign_id\":\"" + missing + "\",\"direction\":\"incoming\",\"content\":\"Called.\"}",
				FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/recalls", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/campaigns/run", null, MANAGERS, 200));
		// recall types: the front office reads them, managers change them
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/recall-types", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/recall-types/prophylaxis",
				() -> "{\"name\":\"check-up and cleaning\",\"services\":[\"Annual Cleaning\"],\"interval\":\"P6M1D\"}",
				MANAGERS, 200));
		// reminders: everyone who sees the schedule sees an appointment's reminders, the
		// front office reads the rules, managers change them and run the job by hand
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/appointments/" + missing + "/reminders", null, ANY, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/reminders/settings", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/reminders/settings",
				() -> "{\"rules\":[{\"code\":\"2d\",\"before\":\"P2D\",\"asks_confirmation\":true}],"
						+ "\"channel_order\":[\"preferred\",\"sms\",\"email\"]}",
				MANAGERS, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/reminders/run", null, MANAGERS, 200));
		// staff calendar feeds and Google Calendar sync: managers
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/calendar-feeds", null, MANAGERS, 200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/calendar-feeds", () -> "{\"provider_id\":\"dr-maria-lopez\"}",
				MANAGERS, 201));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/calendar-feeds/" + missing, null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/calendar-sync", null, MANAGERS, 200));
		rows.add(new Row(HttpMethod.PUT, "/api/v1/admin/calendar-sync/no-such-provider",
				() -> "{\"calendar_id\":\"nobody@example.com\"}", MANAGERS, 404));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/calendar-sync/no-such-provider/sync", null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/calendar-sync/no-such-provider", null, MANAGERS, 404));
		// the waitlist: the front office manages it, as it works campaigns
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/waitlist", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.GET,
				"/api/v1/admin/waitlist/offers?from=2025-08-01T00:00:00Z&to=2025-08-05T00:00:00Z", null, FRONT_OFFICE,
				200));
		rows.add(new Row(HttpMethod.POST, "/api/v1/admin/waitlist",
				() -> "{\"name\":\"Matrix Wait\",\"email\":\"wait" + next()
						+ "@matrix.example\",\"service_name\":\"Annual Cleaning\",\"earliest\":\"2025-08-04\","
						+ "\"latest\":\"2025-08-20\",\"parts_of_day\":[\"morning\"]}",
				FRONT_OFFICE, 201));
		rows.add(new Row(HttpMethod.DELETE, "/api/v1/admin/waitlist/" + missing, null, FRONT_OFFICE, 404));
		// practice analytics: managers
		rows.add(new Row(HttpMethod.GET, "/api/v1/admin/analytics?from=2025-06-02&to=2025-08-04", null, MANAGERS, 200));
		// one's own account
		rows.add(new Row(HttpMethod.GET, "/api/v1/users/me", null, ANY, 200));
		return rows;
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheMatrixSays() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Row row : matrix()) {
			tests.add(DynamicTest.dynamicTest(row.name() + " without a login → 401", () -> {
				MockHttpServletResponse response = call(row, null);
				assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(401);
				assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			}));
			for (StaffRole role : StaffRole.values()) {
				boolean allowed = row.allowed().contains(role);
				tests.add(DynamicTest.dynamicTest(row.name() + " as " + role + " → "
						+ (allowed ? (row.status() < 0 ? "allowed" : row.status()) : 403), () -> {
							MockHttpServletResponse response = call(row, bearer.get(role));
							if (!allowed) {
								assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(403);
							}
							else if (row.status() < 0) {
								// booking the same times again answers 409: the point is
								// that it was let in
								assertThat(response.getStatus()).as(response.getContentAsString()).isIn(201, 409);
							}
							else {
								assertThat(response.getStatus()).as(response.getContentAsString())
									.isEqualTo(row.status());
							}
						}));
			}
		}
		return tests.stream();
	}

	/**
	 * Console pages beside their modules, as a signed-in session of each role: form
	 * parameters in place of a body; without a session the console sends to sign-in.
	 */
	static final String PLAN_FORM = "name=PPO&annualMaximum=1500&deductible=50&preventive=100&basic=80&major=50"
			+ "&orthodontic=0";

	List<Row> consoleMatrix() {
		String missing = UUID.randomUUID().toString();
		List<Row> rows = new ArrayList<>();
		// the waitlist: the front office, as its API
		rows.add(new Row(HttpMethod.GET, "/console/waitlist", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.POST, "/console/waitlist", () -> "name=&service=", FRONT_OFFICE, 400));
		rows.add(new Row(HttpMethod.POST, "/console/waitlist/" + missing + "/withdraw", null, FRONT_OFFICE, 404));
		// deposits: the front office, as their API
		rows.add(new Row(HttpMethod.GET, "/console/deposits", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.POST, "/console/deposits/" + missing + "/waive", null, FRONT_OFFICE, 404));
		// billing: everyone reads ledgers and statements, the front office takes payments
		rows.add(new Row(HttpMethod.GET, "/console/patients/" + missing + "/ledger", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/console/patients/" + missing + "/ledger/payments",
				() -> "amount=5&method=cash", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/console/patients/" + missing + "/ledger/adjustments",
				() -> "kind=write_off&amount=5", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/console/invoices/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.GET, "/console/invoices/" + missing + "/pdf", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/console/invoices/" + missing + "/send", null, FRONT_OFFICE, 404));
		// the practice's books: the front office and managers
		rows.add(new Row(HttpMethod.GET, "/console/reports/financial", null, FRONT_OFFICE, 200));
		rows.add(new Row(HttpMethod.GET, "/console/reports/financial.csv", null, FRONT_OFFICE, 200));
		// insurance: everyone reads claims and coverages, the front office moves claims
		rows.add(new Row(HttpMethod.GET, "/console/insurance/claims", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/console/insurance/claims/" + missing + "/status", () -> "status=sent",
				FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/console/insurance/claims/" + missing + "/pdf", null, ANY, 404));
		rows.add(new Row(HttpMethod.GET, "/console/patients/" + missing + "/insurance", null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/console/patients/" + missing + "/insurance", () -> "planId=" + missing
				+ "&memberId=M-1&subscriberName=Ana&priority=primary&relationship=self" + "&effectiveOn=2025-01-01",
				FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/console/patients/" + missing + "/insurance/" + missing + "/end",
				() -> "endsOn=2025-06-30", FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/console/insurance/claims/" + missing + "/payment", null, FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/console/insurance/claims/" + missing + "/payment",
				() -> "lines[0].lineId=" + missing + "&lines[0].paid=1", FRONT_OFFICE, 404));
		// carriers and plans: everyone reads, the front office adds and corrects, as
		// their API
		rows.add(new Row(HttpMethod.GET, "/console/insurance/carriers", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/console/insurance/carriers", () -> "name=", FRONT_OFFICE, 400));
		rows.add(new Row(HttpMethod.GET, "/console/insurance/carriers/" + missing, null, ANY, 404));
		rows.add(new Row(HttpMethod.POST, "/console/insurance/carriers/" + missing, () -> "name=Nobody", FRONT_OFFICE,
				404));
		rows.add(new Row(HttpMethod.GET, "/console/insurance/carriers/" + missing + "/plans/new", null, FRONT_OFFICE,
				404));
		rows.add(new Row(HttpMethod.POST, "/console/insurance/carriers/" + missing + "/plans", () -> PLAN_FORM,
				FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.GET, "/console/insurance/plans/" + missing, null, FRONT_OFFICE, 404));
		rows.add(new Row(HttpMethod.POST, "/console/insurance/plans/" + missing, () -> PLAN_FORM, FRONT_OFFICE, 404));
		// the fee schedule: everyone reads, managers set fees, as its API
		rows.add(new Row(HttpMethod.GET, "/console/billing/fees", null, ANY, 200));
		rows.add(new Row(HttpMethod.POST, "/console/billing/fees/D9999", () -> "amount=1", MANAGERS, 404));
		// calendar feeds and Google Calendar sync: managers, as their APIs
		rows.add(new Row(HttpMethod.GET, "/console/settings/calendars", null, MANAGERS, 200));
		rows.add(new Row(HttpMethod.POST, "/console/settings/calendars/feeds", () -> "providerId=no-such-provider",
				MANAGERS, 400));
		rows.add(new Row(HttpMethod.POST, "/console/settings/calendars/feeds/" + missing + "/revoke", null, MANAGERS,
				404));
		rows.add(new Row(HttpMethod.POST, "/console/settings/calendars/sync/no-such-provider",
				() -> "calendarId=nobody@example.com", MANAGERS, 404));
		rows.add(
				new Row(HttpMethod.POST, "/console/settings/calendars/sync/no-such-provider/now", null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.POST, "/console/settings/calendars/sync/no-such-provider/disconnect", null,
				MANAGERS, 404));
		// duty hours: managers, as their API
		rows.add(new Row(HttpMethod.GET, "/console/settings/duty", null, MANAGERS, 200));
		rows.add(new Row(HttpMethod.GET, "/console/settings/duty/" + missing, null, MANAGERS, 404));
		rows.add(new Row(HttpMethod.POST, "/console/settings/duty/" + missing, () -> "day=MONDAY&start=09:00&end=17:00",
				MANAGERS, 404));
		return rows;
	}

	@TestFactory
	Stream<DynamicTest> everyModuleConsolePageAnswersEveryRoleAsTheMatrixSays() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Row row : consoleMatrix()) {
			tests.add(DynamicTest.dynamicTest(row.name() + " without a session → sign-in", () -> {
				MockHttpServletResponse response = console(row, null);
				assertThat(response.getStatus()).isEqualTo(302);
				assertThat(response.getRedirectedUrl()).endsWith("/login");
			}));
			for (StaffRole role : StaffRole.values()) {
				boolean allowed = row.allowed().contains(role);
				tests.add(DynamicTest.dynamicTest(row.name() + " as " + role + " → " + (allowed ? row.status() : 403),
						() -> assertThat(console(row, role).getStatus()).isEqualTo(allowed ? row.status() : 403)));
			}
		}
		return tests.stream();
	}

	MockHttpServletResponse console(Row row, StaffRole role) throws Exception {
		MockHttpServletRequestBuilder request = request(row.method(), row.path())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		if (role != null) {
			request.with(io.smiledesk.test.ConsoleStaff.signedIn(accounts, clock, role));
		}
		if (row.body() != null) {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(row.body().get());
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	MockHttpServletResponse call(Row row, String authorization) throws Exception {
		MockHttpServletRequestBuilder request = request(row.method(), row.path());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (row.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.body().get());
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	int next() {
		return sequence.incrementAndGet();
	}

	static String service(String id) {
		return "{\"id\":\"" + id + "\",\"name\":\"Service " + id
				+ "\",\"duration_minutes\":30,\"buffer_minutes\":5,\"price\":\"10.00\",\"provider_roles\":[\"DENTIST\"],\"active\":false}";
	}

}
