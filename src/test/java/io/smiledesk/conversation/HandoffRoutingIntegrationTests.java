package io.smiledesk.conversation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.DutyHours;
import io.smiledesk.staff.DutyRoster;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A handoff goes round robin to suitable staff on duty at the clinic's local time, urgent
 * and medical ones to a clinician first; with nobody on duty it waits unassigned in the
 * queue, and anyone may claim it from there.
 */
@IntegrationTest
class HandoffRoutingIntegrationTests {

	static final String HUMAN = "I want to speak to a human";

	static final String EMERGENCY = "my face is swollen and I have a fever and can't swallow";

	/** Monday 08:00-17:00 clinic time; the test clock starts at Monday 08:00 EDT. */
	static final List<DutyHours> MONDAY = List
		.of(new DutyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)));

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	Conversations conversations;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	DutyRoster roster;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void handoffsGoRoundRobinToTheFrontOfficeOnDuty() throws Exception {
		StaffMember anna = onDuty("Anna Front", StaffRole.FRONT_DESK, MONDAY);
		StaffMember ben = onDuty("Ben Front", StaffRole.OFFICE_MANAGER, MONDAY);
		onDuty("Dr. Clara Dent", StaffRole.DENTIST, MONDAY);
		StaffMember gone = onDuty("Aaron Gone", StaffRole.FRONT_DESK, MONDAY);
		accounts.update(gone.id(), gone.name(), gone.role(), false);
		onDuty("Tuesday Only", StaffRole.FRONT_DESK,
				List.of(new DutyHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(17, 0))));

		UUID first = handoff(HUMAN);
		UUID second = handoff(HUMAN);
		UUID third = handoff(HUMAN);

		assertThat(assignee(first)).isEqualTo(anna.id());
		assertThat(assignee(second)).isEqualTo(ben.id());
		assertThat(assignee(third)).isEqualTo(anna.id());
		mvc.perform(get("/api/v1/admin/conversations").with(api(UUID.randomUUID(), "NURSE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + second + "')].assigned_to").value(ben.id().toString()))
			.andExpect(jsonPath("$[?(@.id == '" + second + "')].assignee_name").value("Ben Front"));
		mvc.perform(get("/api/v1/admin/inbox").with(api(UUID.randomUUID(), "NURSE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.conversation_id == '" + first + "')].assigned_to")
				.value(anna.id().toString()))
			.andExpect(jsonPath("$.items[?(@.conversation_id == '" + first + "')].assignee_name").value("Anna Front"));
		assertThat(data.count("handoff_assignment where method = 'ROUND_ROBIN' and clinic_id = 1")).isEqualTo(3);
	}

	@Test
	void anUrgentHandoffGoesToAClinicianOnDutyFirst() {
		onDuty("Anna Front", StaffRole.FRONT_DESK, MONDAY);
		StaffMember hygienist = onDuty("Hana Hygienist", StaffRole.HYGIENIST, MONDAY);

		UUID urgent = handoff(EMERGENCY);

		assertThat(summary(urgent).urgency()).isEqualTo(Urgency.URGENT);
		assertThat(assignee(urgent)).isEqualTo(hygienist.id());
	}

	@Test
	void aMedicalRiskGoesToAClinicianOnDutyFirst() {
		onDuty("Anna Front", StaffRole.FRONT_DESK, MONDAY);
		StaffMember dentist = onDuty("Dr. Clara Dent", StaffRole.DENTIST, MONDAY);

		UUID risky = handoff("I take warfarin, can I book a cleaning?");

		assertThat(summary(risky).handoffReason()).startsWith("medical_risk");
		assertThat(assignee(risky)).isEqualTo(dentist.id());
	}

	@Test
	void theSameHandoffRaisedAgainKeepsItsAssignee() {
		StaffMember clara = onDuty("Dr. Clara Dent", StaffRole.DENTIST, MONDAY);
		onDuty("Hana Hygienist", StaffRole.HYGIENIST, MONDAY);
		UUID urgent = handoff(EMERGENCY);
		assertThat(assignee(urgent)).isEqualTo(clara.id());

		clock.advance(Duration.ofSeconds(30));
		patientMessages.receive(urgent, "please, it is getting worse, I need a person", ConversationChannel.WEB);

		assertThat(conversations.status(urgent)).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);
		assertThat(assignee(urgent)).isEqualTo(clara.id());
		assertThat(data.count("handoff_assignment")).isEqualTo(1);
	}

	@Test
	void anUrgentHandoffWithNoClinicianOnDutyGoesToWhoeverIs() {
		StaffMember front = onDuty("Anna Front", StaffRole.FRONT_DESK, MONDAY);

		assertThat(assignee(handoff(EMERGENCY))).isEqualTo(front.id());
	}

	@Test
	void dutyHoursAreReadInTheClinicsTimeZone() {
		// 08:00-09:00 in New York is 12:00-13:00 UTC in August
		StaffMember early = onDuty("Early Bird", StaffRole.FRONT_DESK,
				List.of(new DutyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0))));

		assertThat(assignee(handoff(HUMAN))).isEqualTo(early.id());
		clock.advance(Duration.ofMinutes(60));
		assertThat(assignee(handoff(HUMAN))).isNull();
	}

	@Test
	void withNobodyOnDutyAHandoffWaitsUnassignedAndIsClaimedFromTheQueue() throws Exception {
		StaffMember anna = accounts.create("Anna Claims", "anna-" + UUID.randomUUID() + "@test.example",
				StaffRole.FRONT_DESK, ConsoleStaff.PASSWORD);
		UUID ben = accounts
			.create("Ben Claims", "ben-" + UUID.randomUUID() + "@test.example", StaffRole.DENTIST,
					ConsoleStaff.PASSWORD)
			.id();
		UUID waiting = handoff(HUMAN);
		assertThat(assignee(waiting)).isNull();
		assertThat(data.count("handoff_assignment where method = 'UNASSIGNED'")).isEqualTo(1);

		mvc.perform(post("/api/v1/admin/conversations/" + waiting + "/claim").with(api(anna.id(), "FRONT_DESK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assigned_to").value(anna.id().toString()))
			.andExpect(jsonPath("$.assignee_name").value("Anna Claims"))
			.andExpect(jsonPath("$.status").value("HANDOFF_REQUIRED"));
		mvc.perform(post("/api/v1/admin/conversations/" + waiting + "/claim").with(api(ben, "DENTIST")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assigned_to").value(ben.toString()));

		assertThat(assignee(waiting)).isEqualTo(ben);
		assertThat(data.count("handoff_assignment where method = 'CLAIMED'")).isEqualTo(2);
		assertThat(audited("conversation.handoff-assigned", waiting)).contains("CLAIMED to " + ben);
	}

	@Test
	void onlyAWaitingHandoffCanBeClaimed() throws Exception {
		UUID taken = handoff(HUMAN);
		conversations.takeOver(taken, UUID.randomUUID());

		mvc.perform(post("/api/v1/admin/conversations/" + taken + "/claim").with(api(UUID.randomUUID(), "NURSE")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("conversation-not-waiting")));
		mvc.perform(post("/api/v1/admin/conversations/" + UUID.randomUUID() + "/claim")
			.with(api(UUID.randomUUID(), "NURSE"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/admin/conversations/" + taken + "/claim")).andExpect(status().isUnauthorized());
		assertThat(data.count("handoff_assignment where method = 'CLAIMED'")).isZero();
	}

	@Test
	void theConsoleQueueShowsTheAssigneeAndClaims() throws Exception {
		StaffMember anna = onDuty("Anna Console", StaffRole.FRONT_DESK, MONDAY);
		UUID routed = handoff(HUMAN);
		roster.replace(anna.id(), List.of());
		UUID open = handoff(HUMAN);

		String page = mvc.perform(get("/console/handoffs").with(ConsoleStaff.as(anna, clock)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Anna Console")
			.contains("Unassigned: nobody suitable on duty")
			.contains("/console/handoffs/" + open + "/claim")
			.doesNotContain("/console/handoffs/" + routed + "/claim");

		StaffMember nurse = accounts.create("Nina Nurse", "nina-" + UUID.randomUUID() + "@test.example",
				StaffRole.NURSE, ConsoleStaff.PASSWORD);
		mvc.perform(post("/console/handoffs/" + routed + "/claim").with(ConsoleStaff.as(nurse, clock)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(assignee(routed)).isEqualTo(nurse.id());
		assertThat(audited("conversation.handoff-assigned", routed)).contains("ROUND_ROBIN to " + anna.id());
	}

	private StaffMember onDuty(String name, StaffRole role, List<DutyHours> hours) {
		StaffMember member = accounts.create(name, UUID.randomUUID() + "@test.example", role, ConsoleStaff.PASSWORD);
		roster.replace(member.id(), hours);
		return member;
	}

	private UUID handoff(String text) {
		UUID id = patientMessages.receive(null, text, ConversationChannel.WEB).conversationId();
		assertThat(conversations.status(id)).isEqualTo(ConversationStatus.HANDOFF_REQUIRED);
		return id;
	}

	private ConversationSummary summary(UUID id) {
		return conversations.queue(List.of(), 500)
			.stream()
			.filter(summary -> summary.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private UUID assignee(UUID id) {
		return summary(id).assignedTo();
	}

	private List<String> audited(String action, UUID conversation) {
		return data.jdbc()
			.queryForList("select detail from (select action, resource_id, detail from audit_pending union all"
					+ " select action, resource_id, detail from audit_entry) entries where action = ?"
					+ " and resource_id = ?", String.class, action, conversation.toString());
	}

	private static RequestPostProcessor api(UUID staff, String role) {
		return jwt().jwt(token -> token.subject(staff.toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
