package io.smiledesk.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.TestData;
import io.smiledesk.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.smiledesk.test.Json.body;
import static io.smiledesk.test.Json.booking;
import static io.smiledesk.test.Json.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditVerifyCommand command;

	@Autowired
	DataSource dataSource;

	long before;

	@BeforeEach
	void reset() {
		data.reset();
		before = trail.latest().map(AuditEntry::id).orElse(0L);
	}

	@Test
	void recordsAPublicBookingWithWhereItCameFrom() throws Exception {
		String id = field(body(mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.header("User-Agent", "Clinic website")
			.with(request -> {
				request.setRemoteAddr("203.0.113.7");
				return request;
			})
			.content(booking("Ana", "ana@example.com", null, "2025-08-20T14:00:00Z", "filling")))
			.andExpect(status().isCreated())), "appointment_id");

		AuditEntry booked = only("appointment.booked");
		assertThat(booked.resourceType()).isEqualTo("appointment");
		assertThat(booked.resourceId()).isEqualTo(id);
		assertThat(booked.actorId()).isEqualTo("public");
		assertThat(booked.ip()).isEqualTo("203.0.113.7");
		assertThat(booked.userAgent()).isEqualTo("Clinic website");
		assertThat(booked.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
		assertThat(entries()).extracting(AuditEntry::action).contains("patient.created");
	}

	@Test
	void aChangeThatRollsBackLeavesNoEntry() throws Exception {
		book("a@example.com").andExpect(status().isCreated());
		long afterFirst = trail.latest().orElseThrow().id();

		book("b@example.com").andExpect(status().isConflict());

		assertThat(trail.latest().orElseThrow().id()).isEqualTo(afterFirst);
	}

	@Test
	@WithMockUser(username = "11111111-1111-1111-1111-111111111111", roles = "FRONT_DESK")
	void recordsStaffReadsOfPatientRecordsWithWhoReadThem() throws Exception {
		String patient = field(body(mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/patients")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Ana Silva\",\"email\":\"ana@example.com\"}"))), "patient_id");

		mvc.perform(get("/api/v1/admin/patients/" + patient)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/admin/patients").param("q", "ana")).andExpect(status().isOk());

		AuditEntry viewed = only("patient.viewed");
		assertThat(viewed.actorId()).isEqualTo("11111111-1111-1111-1111-111111111111");
		assertThat(viewed.actorRole()).isEqualTo("FRONT_DESK");
		assertThat(viewed.resourceId()).isEqualTo(patient);
		assertThat(only("patient.searched").detail()).isEqualTo("1 results").doesNotContain("ana");
		assertThat(only("patient.created").actorRole()).isEqualTo("FRONT_DESK");
	}

	@Test
	@WithMockUser(username = "33333333-3333-3333-3333-333333333333", roles = "OFFICE_MANAGER")
	void recordsWhoChangedTheKnowledgeBase() throws Exception {
		String id = field(body(mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/admin/knowledge/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Bicycle parking\",\"body\":\"Racks by the door.\",\"tags\":[]}"))
			.andExpect(status().isCreated())), "id");
		mvc.perform(MockMvcRequestBuilders.put("/api/v1/admin/knowledge/documents/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Bicycle parking\",\"body\":\"Racks by the back door.\",\"tags\":[]}"))
			.andExpect(status().isOk());
		mvc.perform(MockMvcRequestBuilders.delete("/api/v1/admin/knowledge/documents/" + id))
			.andExpect(status().isNoContent());

		assertThat(entries()).filteredOn(entry -> entry.action().startsWith("knowledge."))
			.extracting(AuditEntry::action, AuditEntry::resourceId, AuditEntry::actorId)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("knowledge.created", id,
							"33333333-3333-3333-3333-333333333333"),
					org.assertj.core.groups.Tuple.tuple("knowledge.updated", id,
							"33333333-3333-3333-3333-333333333333"),
					org.assertj.core.groups.Tuple.tuple("knowledge.deleted", id,
							"33333333-3333-3333-3333-333333333333"));
		assertThat(only("knowledge.updated").detail()).isEqualTo("\"Bicycle parking\", version 1");
	}

	@Test
	void recordsSignInsAndRefusals() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"frontdesk@brightside-dental.example\",\"password\":\"Brightside-Demo-2025!\"}"))
			.andExpect(status().isOk());
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"nobody@example.com\",\"password\":\"whatever-it-is\"}"))
			.andExpect(status().isUnauthorized());

		List<AuditEntry> logins = entries().stream().filter(entry -> entry.action().equals("staff.login")).toList();
		assertThat(logins).extracting(AuditEntry::outcome)
			.containsExactly(AuditEntry.Outcome.SUCCESS, AuditEntry.Outcome.FAILURE);
		assertThat(logins.get(0).actorRole()).isEqualTo("FRONT_DESK");
		assertThat(logins.get(1).detail()).isEqualTo("unknown-account via api");
		assertThat(logins.get(1).toString()).doesNotContain("nobody@example.com");
	}

	@Test
	@WithMockUser(username = "22222222-2222-2222-2222-222222222222", roles = "NURSE")
	void recordsPermissionDenials() throws Exception {
		mvc.perform(MockMvcRequestBuilders.delete("/api/v1/admin/patients/" + UUID.randomUUID()))
			.andExpect(status().isForbidden());

		AuditEntry denied = only("access.denied");
		assertThat(denied.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
		assertThat(denied.actorRole()).isEqualTo("NURSE");
		assertThat(denied.resourceId()).startsWith("DELETE /api/v1/admin/patients/");
	}

	@Test
	void anonymousRefusalsAreNotWrittenToTheTrail() throws Exception {
		mvc.perform(get("/api/v1/admin/staff")).andExpect(status().isUnauthorized());

		assertThat(entries()).extracting(AuditEntry::action).doesNotContain("access.denied");
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveEntries() throws Exception {
		book("a@example.com").andExpect(status().isCreated());
		long id = trail.latest().orElseThrow().id();

		assertThatThrownBy(() -> data.jdbc().update("update audit_entry set actor_id = 'someone' where id = ?", id))
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> data.jdbc().update("delete from audit_entry where id = ?", id))
			.hasStackTraceContaining("append-only");
		if (TestDatabase.postgres()) {
			assertThatThrownBy(() -> data.jdbc().update("truncate audit_entry")).hasStackTraceContaining("append-only");
		}
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void verificationFindsTheFirstTamperedEntry() throws Exception {
		book("a@example.com").andExpect(status().isCreated());
		book("b@example.com", "2025-08-21T14:00:00Z").andExpect(status().isCreated());
		mvc.perform(get("/api/v1/admin/audit/verify"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true));
		AuditEntry victim = entries().get(1);

		tamper("update audit_entry set detail = 'nothing to see' where id = " + victim.id());
		try {
			mvc.perform(get("/api/v1/admin/audit/verify"))
				.andExpect(jsonPath("$.valid").value(false))
				.andExpect(jsonPath("$.first_broken_id").value(victim.id()))
				.andExpect(jsonPath("$.problem").value("its content does not match its hash"));
			command.run(new DefaultApplicationArguments("audit-verify"));
			assertThat(command.getExitCode()).isEqualTo(1);
		}
		finally {
			tamper("update audit_entry set detail = " + (victim.detail() == null ? "null" : "'" + victim.detail() + "'")
					+ " where id = " + victim.id());
		}
		command.run(new DefaultApplicationArguments("audit-verify"));
		assertThat(command.getExitCode()).isZero();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void verificationNoticesARemovedEntry() throws Exception {
		book("a@example.com").andExpect(status().isCreated());
		AuditEntry last = trail.latest().orElseThrow();
		Map<String, Object> row = data.jdbc().queryForMap("select * from audit_entry where id = ?", last.id());

		tamper("delete from audit_entry where id = " + last.id());
		try {
			assertThat(trail.verify().valid()).isFalse();
			assertThat(trail.verify().problem()).contains("missing");
		}
		finally {
			data.jdbc()
				.update("insert into audit_entry (id, occurred_at, actor_id, actor_role, action, resource_type, resource_id, "
						+ "ip, user_agent, outcome, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
						last.id(), row.get(key(row, "occurred_at")), last.actorId(), last.actorRole(), last.action(),
						last.resourceType(), last.resourceId(), last.ip(), last.userAgent(), last.outcome().name(),
						last.detail(), last.prevHash(), last.hash());
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void searchesTheTrailByResourceAndAction() throws Exception {
		String id = field(body(book("a@example.com")), "appointment_id");

		mvc.perform(get("/api/v1/admin/audit").param("resource_type", "appointment").param("resource_id", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.entries[0].action").value("appointment.booked"))
			.andExpect(jsonPath("$.entries[0].hash").isNotEmpty());
		mvc.perform(get("/api/v1/admin/audit").param("action", "appointment.booked").param("size", "1"))
			.andExpect(jsonPath("$.entries.length()").value(1));
		mvc.perform(get("/api/v1/admin/audit").param("outcome", "maybe")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/admin/audit").param("from", "yesterday")).andExpect(status().isBadRequest());
	}

	// --- helpers

	ResultActions book(String email) throws Exception {
		return book(email, "2025-08-20T14:00:00Z");
	}

	ResultActions book(String email, String start) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/api/v1/appointments/book")
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking("Patient", email, null, start, "filling", "dr-maria-lopez")));
	}

	List<AuditEntry> entries() {
		return trail.search(new AuditTrail.Filter(null, null, null, null, null, null, null), 0, 500)
			.entries()
			.stream()
			.filter(entry -> entry.id() > before)
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.toList();
	}

	AuditEntry only(String action) {
		List<AuditEntry> found = entries().stream().filter(entry -> entry.action().equals(action)).toList();
		assertThat(found).as(action).hasSize(1);
		return found.get(0);
	}

	/**
	 * What a database administrator could do by switching the guard off: the chain must
	 * still notice.
	 */
	void tamper(String sql) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (TestDatabase.postgres()) {
				statement.execute("set session_replication_role = replica");
				statement.execute(sql);
				statement.execute("set session_replication_role = origin");
			}
			else {
				statement.execute("drop trigger audit_entry_no_update_delete");
				statement.execute(sql);
				statement.execute("create trigger audit_entry_no_update_delete before update, delete on audit_entry "
						+ "for each row call 'io.smiledesk.audit.AppendOnlyTrigger'");
			}
		}
	}

	static String key(Map<String, Object> row, String column) {
		return row.keySet().stream().filter(key -> key.equalsIgnoreCase(column)).findFirst().orElseThrow();
	}

}
