package io.smiledesk.demo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.ConversationSummary;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.PatientMessages;
import io.smiledesk.staff.DutyRoster;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo staff are on duty in the clinic's opening hours, so that a demo handoff goes
 * to someone in turn.
 */
@IntegrationTest
class DemoDutyIntegrationTests {

	@Autowired
	StaffAccounts accounts;

	@Autowired
	DutyRoster roster;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	PatientMessages patientMessages;

	@Autowired
	Conversations conversations;

	@Autowired
	TestData data;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theDemoStartPutTheDemoStaffOnDuty() {
		// the tests' reset clears duty hours; the audit trail keeps what the start did
		List<String> seeded = data.jdbc()
			.queryForList("select resource_id from (select action, resource_id from audit_pending union all"
					+ " select action, resource_id from audit_entry) entries"
					+ " where action = 'staff.duty-hours-changed'", String.class);

		assertThat(seeded).containsAll(demoStaff().stream().map(member -> member.id().toString()).toList());
	}

	@Test
	void demoStaffWorkTheOpeningHoursAndAHandoffIsRoutedToOneOfThem() {
		assertThat(DemoDuty.seed(accounts, roster, catalog.snapshot().openingHours())).isEqualTo(demoStaff().size());

		List<StaffMember> demo = demoStaff();
		assertThat(demo).isNotEmpty()
			.allSatisfy(member -> assertThat(roster.hours(member.id()))
				.isEqualTo(DemoDuty.week(catalog.snapshot().openingHours())));
		// Monday 08:00 in New York, as the clinic opens
		UUID conversation = patientMessages.receive(null, "I want to speak to a human", ConversationChannel.WEB)
			.conversationId();
		ConversationSummary routed = conversations.view(conversation).orElseThrow();
		assertThat(routed.assignedTo()).isIn(demo.stream().map(StaffMember::id).toList());
		// someone already given hours keeps them
		assertThat(DemoDuty.seed(accounts, roster, catalog.snapshot().openingHours())).isZero();
	}

	private List<StaffMember> demoStaff() {
		return accounts.list()
			.stream()
			.filter(StaffMember::active)
			.filter(member -> member.email().endsWith(DemoDuty.DEMO_DOMAIN))
			.toList();
	}

}
