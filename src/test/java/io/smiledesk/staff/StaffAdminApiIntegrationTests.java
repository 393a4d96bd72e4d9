package io.smiledesk.staff;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.smiledesk.test.Json.problemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The refusals of the staff accounts API, as problems. */
@IntegrationTest
class StaffAdminApiIntegrationTests {

	static final String STAFF = "/api/v1/admin/staff";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	TestData data;

	Logins.Session admin;

	@BeforeEach
	void setUp() throws Exception {
		data.reset();
		admin = new Logins(mvc, accounts, clock).signIn(StaffRole.ADMIN);
	}

	@Test
	void aSecondAccountWithTheSameEmailIsAConflict() throws Exception {
		String email = "nina-" + UUID.randomUUID() + "@test.example";
		create(email).andExpect(status().isCreated());

		create(email.toUpperCase()).andExpect(status().isConflict())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/staff-exists")))
			.andExpect(jsonPath("$.detail").value("A staff account with this email already exists."));

		assertThat(accounts.list().stream().filter(member -> member.email().equals(email))).hasSize(1);
	}

	@Test
	void anUnknownAccountCannotBeChangedOrUnlocked() throws Exception {
		UUID unknown = UUID.fromString("5d1f0e1c-7a53-4c4b-9a39-8f9a6c1d2e3f");

		mvc.perform(put(STAFF + "/" + unknown).header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Nina\",\"role\":\"NURSE\",\"active\":true}"))
			.andExpect(status().isNotFound())
			.andExpect(problemJson())
			.andExpect(jsonPath("$.type", endsWith("/staff-not-found")))
			.andExpect(jsonPath("$.detail").value("No staff account with id " + unknown + "."));
		mvc.perform(post(STAFF + "/" + unknown + "/unlock").header("Authorization", admin.bearer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type", endsWith("/staff-not-found")));
	}

	@Test
	void theLastActiveAdministratorCannotBeDemotedThroughTheApi() throws Exception {
		StaffMember self = accounts.list()
			.stream()
			.filter(member -> member.email().equals(admin.email()))
			.findFirst()
			.orElseThrow();
		List<StaffMember> others = accounts.list()
			.stream()
			.filter(member -> member.role() == StaffRole.ADMIN && member.active() && !member.id().equals(self.id()))
			.toList();
		others.forEach(other -> accounts.update(other.id(), other.name(), StaffRole.ADMIN, false));
		try {
			mvc.perform(put(STAFF + "/" + self.id()).header("Authorization", admin.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + self.name() + "\",\"role\":\"NURSE\",\"active\":true}"))
				.andExpect(status().isConflict())
				.andExpect(problemJson())
				.andExpect(jsonPath("$.type", endsWith("/last-administrator")));

			assertThat(accounts.list().stream().filter(member -> member.id().equals(self.id()))).singleElement()
				.extracting(StaffMember::role)
				.isEqualTo(StaffRole.ADMIN);
		}
		finally {
			others.forEach(other -> accounts.update(other.id(), other.name(), StaffRole.ADMIN, true));
		}
	}

	ResultActions create(String email) throws Exception {
		return mvc.perform(post(STAFF).header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Nina Nurse\",\"email\":\"" + email + "\",\"role\":\"NURSE\",\"password\":\""
					+ Logins.PASSWORD + "\"}"));
	}

}
