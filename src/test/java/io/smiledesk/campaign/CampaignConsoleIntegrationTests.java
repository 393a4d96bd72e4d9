package io.smiledesk.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.channel.InboundMessages;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's campaign pages on real campaigns: the dashboard with its figures, charts,
 * funnel and paged list; a campaign's deep-dive with its thread, answered and moved from
 * the page; the recall list; who may open them and who may run the campaigns now.
 */
@IntegrationTest
class CampaignConsoleIntegrationTests {

	/**
	 * Monday 4 August 2025, 08:30 in New York: inside the clinic's sending hours, before
	 * the daily run's 09:00 (its scheduler ticks in tests too).
	 */
	static final Instant MORNING = Instant.parse("2025-08-04T12:30:00Z");

	static final String PHONE = "+12015550177";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Patients patients;

	@Autowired
	CampaignStarts starts;

	@Autowired
	InboundMessages inbox;

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void theDashboardShowsTheFiguresTheChartsTheFunnelAndAPagedFilteredList() throws Exception {
		for (int i = 1; i <= 26; i++) {
			starts.startRecovery(patient("Lead " + i, null, PatientType.COLD_LEAD), null, null);
		}
		UUID recall = starts.startRecovery(patient("Rita Recall", null, PatientType.EXISTING), null, null).id();
		data.jdbc().update("update campaign set campaign_type = 'RECALL', status = 'RECOVERED' where id = ?", recall);

		String page = mvc.perform(get("/console/campaigns").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"kpi-active-recovery\">26<")))
			.andExpect(content().string(containsString("id=\"rate-recall\">100.0%<")))
			.andExpect(content().string(containsString("id=\"rate-recovery\">0.0%<")))
			.andExpect(content().string(containsString("27 campaigns")))
			.andExpect(content().string(containsString("Page 1 of 2")))
			// the front desk works campaigns but does not start the run
			.andExpect(content().string(not(containsString("id=\"run-form\""))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"chart-kpis\"", "id=\"chart-rates\"", "id=\"chart-funnel\"",
				"data-chart-data=\"{&quot;labels&quot;:[", "/webjars/chart.js/dist/chart.umd.js",
				"/assets/campaigns.js", "How each stage is counted", "Times offered", "href=\"/console/campaigns\"");
		assertThat(rows(page)).isEqualTo(CampaignConsoleController.PAGE_SIZE);

		String second = body(get("/console/campaigns").param("page", "2"), StaffRole.FRONT_DESK);
		assertThat(rows(second)).isEqualTo(2);
		assertThat(second).contains("Page 2 of 2", "rel=\"prev\"");

		String recalls = body(get("/console/campaigns").param("type", "RECALL"), StaffRole.FRONT_DESK);
		assertThat(rows(recalls)).isEqualTo(1);
		assertThat(recalls).contains("Rita Recall", "1 campaigns").doesNotContain("Page 1 of");
		String recovered = body(get("/console/campaigns").param("status", "RECOVERED").param("type", "RECOVERY"),
				StaffRole.FRONT_DESK);
		assertThat(recovered).contains("No campaigns match.");

		mvc.perform(get("/console/campaigns").param("status", "NOT_A_STATUS").with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("That request is not valid.")));
	}

	@Test
	void theDeepDiveShowsTheThreadAndItsReadingAndStaffAnswerAndMoveItFromThePage() throws Exception {
		UUID campaign = campaignTheLeadAnswered("Yes please!");
		RequestPostProcessor desk = as(StaffRole.FRONT_DESK);

		String page = body(get("/console/campaigns/{id}", campaign), StaffRole.FRONT_DESK);
		assertThat(page).contains("Campaign for Nina Torres", "data-status=\"RE_ENGAGED\"", "Patient answered",
				"Yes please!", "booking_request", "positive", "data-funnel=\"FORM_SENT\"",
				"/book.html?campaign=" + campaign, "1 of 4", "SMS", "/console/patients/");

		mvc.perform(post("/console/campaigns/{id}/respond", campaign).with(csrf())
			.with(desk)
			.param("message", "Hi Nina, this is Sam at the clinic. Would Thursday at 10 suit you?")
			.param("newStatus", "HANDOFF_REQUIRED"))
			.andExpect(redirectedUrl("/console/campaigns/" + campaign))
			.andExpect(flash().attribute("notice", "campaigns.respond.sent"));
		assertThat(statusOf(campaign)).isEqualTo("HANDOFF_REQUIRED");
		assertThat(data.count("conversation_message where sender = 'STAFF'")).isEqualTo(1);

		mvc.perform(post("/console/campaigns/{id}/status", campaign).with(csrf())
			.with(desk)
			.param("status", "MANUAL_FOLLOWUP_COMPLETE"))
			.andExpect(redirectedUrl("/console/campaigns/" + campaign))
			.andExpect(flash().attribute("notice", "campaigns.status.changed"));
		assertThat(statusOf(campaign)).isEqualTo("MANUAL_FOLLOWUP_COMPLETE");

		// a settled campaign cannot move again: the page says why, it does not fail
		mvc.perform(
				post("/console/campaigns/{id}/status", campaign).with(csrf()).with(desk).param("status", "RE_ENGAGED"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"campaign-problem\"")))
			.andExpect(content().string(containsString(
					"A campaign that is &quot;Settled by staff&quot; cannot become &quot;Patient answered&quot;.")))
			.andExpect(content().string(containsString("This campaign has ended; its status cannot change.")));
		mvc.perform(post("/console/campaigns/{id}/respond", campaign).with(csrf())
			.with(desk)
			.param("message", "One more thing")
			.param("newStatus", "BOOKING_INITIATED"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("cannot become &quot;Booking made&quot;")))
			// what staff typed is kept
			.andExpect(content().string(containsString("One more thing")));
		assertThat(statusOf(campaign)).isEqualTo("MANUAL_FOLLOWUP_COMPLETE");

		mvc.perform(post("/console/campaigns/{id}/respond", campaign).with(csrf()).with(desk).param("message", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"message-error\"")));
	}

	@Test
	void answeringACampaignThatSentNothingYetIsAMessageOnThePage() throws Exception {
		UUID campaign = starts
			.startRecovery(patient("Quiet Quinn", null, PatientType.COLD_LEAD), "Asked about whitening", null)
			.id();

		mvc.perform(post("/console/campaigns/{id}/respond", campaign).with(csrf())
			.with(as(StaffRole.OFFICE_MANAGER))
			.param("message", "Hello"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(
					"Nothing has been sent for this campaign yet, so there is no thread to answer on.")));
		mvc.perform(get("/console/campaigns/{id}", UUID.randomUUID()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Not found")));
	}

	@Test
	void aRoleWithoutAccessIsRefusedAndOnlyManagersRunTheCampaignsNow() throws Exception {
		UUID campaign = starts.startRecovery(patient("Nora Nobody", null, PatientType.COLD_LEAD), null, null).id();
		for (String path : new String[] { "/console/campaigns", "/console/campaigns/" + campaign,
				"/console/campaigns/recalls" }) {
			mvc.perform(get(path).with(as(StaffRole.NURSE)))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("Your role does not allow this.")));
		}
		mvc.perform(get("/console/campaigns")).andExpect(status().is3xxRedirection());
		// the navigation shows the section to those who may open it
		assertThat(body(get("/console/inbox"), StaffRole.NURSE)).doesNotContain("href=\"/console/campaigns\"");

		mvc.perform(post("/console/campaigns/run").with(csrf()).with(as(StaffRole.FRONT_DESK)))
			.andExpect(status().isForbidden());
		assertThat(data.count("campaign_run")).isZero();

		lead("Nina Torres", PHONE);
		clock.set(MORNING);
		assertThat(body(get("/console/campaigns"), StaffRole.OFFICE_MANAGER)).contains("id=\"run-form\"");
		mvc.perform(post("/console/campaigns/run").with(csrf()).with(as(StaffRole.OFFICE_MANAGER)))
			.andExpect(redirectedUrl("/console/campaigns"))
			.andExpect(flash().attribute("runCreated", 1))
			.andExpect(flash().attribute("runQueued", 2))
			.andExpect(flash().attribute("runFailed", 0));
		mvc.perform(get("/console/campaigns").with(as(StaffRole.ADMIN))
			.flashAttr("runCreated", 1)
			.flashAttr("runQueued", 2)
			.flashAttr("runFailed", 0))
			.andExpect(content()
				.string(containsString("Run finished: 1 campaigns started, 2 messages queued, 0 campaigns failed.")));
	}

	@Test
	void theRecallListShowsWhoIsOverdueDueAndAlreadyBookedWithTheirRecords() throws Exception {
		clock.set(MORNING);
		LocalDate today = LocalDate.parse("2025-08-04");
		PatientId overdue = patient("Olga Overdue", null, PatientType.EXISTING);
		patients.scheduleFollowUp(overdue, today.minusDays(10));
		PatientId due = patient("Dan Due", null, PatientType.EXISTING);
		patients.scheduleFollowUp(due, today.plusDays(20));
		PatientId later = patient("Larry Later", null, PatientType.EXISTING);
		patients.scheduleFollowUp(later, today.plusDays(200));

		String page = body(get("/console/campaigns/recalls"), StaffRole.FRONT_DESK);
		assertThat(page)
			.contains("Olga Overdue", "Dan Due", "data-state=\"OVERDUE\"", "data-state=\"DUE\"",
					"/console/patients/" + overdue.value(), "/console/patients/" + due.value())
			.doesNotContain("Larry Later");
		assertThat(body(get("/console/campaigns/recalls").param("days", "365"), StaffRole.FRONT_DESK))
			.contains("Larry Later");
	}

	@Test
	void theBookingPageCampaignsLinkToIsPublicAndRunsNoInlineScript() throws Exception {
		String page = mvc.perform(get("/book.html").param("campaign", "any"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Security-Policy", containsString("script-src 'self'")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<script src=\"/book.js\"></script>", "aria-live=\"polite\"")
			.doesNotContainPattern("<script>|\\son[a-z]+=");
		mvc.perform(get("/book.js")).andExpect(status().isOk());
		mvc.perform(get("/book.css")).andExpect(status().isOk());
	}

	// --- helpers

	UUID campaignTheLeadAnswered(String reply) throws Exception {
		lead("Nina Torres", PHONE);
		clock.set(MORNING);
		mvc.perform(post("/console/campaigns/run").with(csrf()).with(as(StaffRole.ADMIN)))
			.andExpect(flash().attribute("runCreated", 1));
		mvc.perform(twilioSms(PHONE, reply, "SM_console_1")).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
		return data.jdbc().queryForObject("select id from campaign", UUID.class);
	}

	PatientId lead(String name, String phone) {
		Instant created = clock.instant();
		clock.set(MORNING.minus(Duration.ofDays(20)));
		PatientId id = patients
			.register(new Patients.NewPatient(name, patients.contact(null, phone), null, PatientType.COLD_LEAD,
					Channel.SMS))
			.id();
		clock.set(created);
		return id;
	}

	PatientId patient(String name, String phone, PatientType type) {
		String email = name.toLowerCase().replace(' ', '.') + "@example.com";
		return patients
			.register(new Patients.NewPatient(name, patients.contact(email, phone), null, type,
					phone == null ? Channel.EMAIL : Channel.SMS))
			.id();
	}

	String statusOf(UUID campaign) {
		return data.jdbc().queryForObject("select status from campaign where id = ?", String.class, campaign);
	}

	String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, StaffRole role)
			throws Exception {
		return mvc.perform(request.with(as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	RequestPostProcessor as(StaffRole role) {
		return ConsoleStaff.signedIn(accounts, clock, role);
	}

	static int rows(String page) {
		return page.split("data-campaign=\"", -1).length - 1;
	}

}
