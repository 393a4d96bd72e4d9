package io.smiledesk.channel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.FakeTwilioServer;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.smiledesk.channel.Webhooks.incoming;
import static io.smiledesk.channel.Webhooks.incomingJson;
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

/** The console's inbox: every channel in one list, and the failed messages with retry. */
@IntegrationTest
class InboxConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	@Autowired
	InboxWorker worker;

	@Autowired
	OutboxDispatcher dispatcher;

	@BeforeEach
	void reset() {
		data.reset();
		FakeTwilioServer.shared().reset();
	}

	@Test
	void theInboxShowsEveryChannelAndTheFailedMessagesWithARetry() throws Exception {
		mvc.perform(incoming(incomingJson("sms", null, "Do you take walk-ins?", "+12015550140", "c-1"),
				clock.instant().getEpochSecond()));
		mvc.perform(incoming(incomingJson("email", "t-1", "Do you do implants?", "ana@example.com", "<c-2@x>"),
				clock.instant().getEpochSecond()));
		worker.drain();
		FakeTwilioServer.shared().failNext(400, 21211);
		dispatcher.drain();

		String page = mvc.perform(get("/console/inbox").with(ConsoleStaff.signedIn(accounts, clock, StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"inbox-conversations\"")))
			.andExpect(content().string(containsString("SMS")))
			.andExpect(content().string(containsString("Email")))
			.andExpect(content().string(containsString("id=\"inbox-failed\"")))
			// in the list of failed messages the recipient is masked
			.andExpect(content().string(containsString("+1•••••••140")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("failed (1)", "/retry");

		mvc.perform(get("/console/inbox").param("channel", "EMAIL")
			.with(ConsoleStaff.signedIn(accounts, clock, StaffRole.NURSE)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("walk-ins"))));

		String failed = data.jdbc()
			.queryForObject("select conversation_message_id from channel_outbound where status = 'FAILED'",
					String.class);
		// (a UUID column reads back as its text on both databases)
		mvc.perform(post("/console/inbox/messages/{id}/retry", failed).with(csrf())
			.with(ConsoleStaff.signedIn(accounts, clock, StaffRole.FRONT_DESK)))
			.andExpect(redirectedUrl("/console/inbox"))
			.andExpect(flash().attribute("notice", "inbox.retried"));
		assertThat(data.jdbc()
			.queryForObject("select status from channel_outbound where conversation_message_id = ?", String.class,
					java.util.UUID.fromString(failed)))
			.isEqualTo("PENDING");
		mvc.perform(post("/console/inbox/messages/{id}/retry", failed).with(csrf())
			.with(ConsoleStaff.signedIn(accounts, clock, StaffRole.FRONT_DESK)))
			.andExpect(flash().attribute("problem", "inbox.not-retryable"));
	}

	@Test
	void theInboxNeedsASignedInMemberOfStaff() throws Exception {
		mvc.perform(get("/console/inbox")).andExpect(status().is3xxRedirection());
	}

}
