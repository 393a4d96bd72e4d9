package io.smiledesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.smiledesk.audit.AuditEntry.Outcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit trail. Inside a transaction, entries are held until just before commit and then chained in one go,
 * so the chain's head is locked only for that moment (not for the whole business transaction) and a rolled-back
 * change leaves no entry. Outside a transaction an entry is written at once.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final int MAX_DETAIL = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** What happened, by whom; the actor and request come from {@link Actor}. */
	public record Event(Actor actor, String action, String resourceType, String resourceId, Outcome outcome,
			String detail) {
	}

	public void record(Event event) {
		Pending entry = new Pending(event, clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// bound to the transaction, so a nested REQUIRES_NEW transaction keeps its own list
			@SuppressWarnings("unchecked")
			List<Pending> queued = (List<Pending>) TransactionSynchronizationManager.getResource(this);
			if (queued == null) {
				List<Pending> fresh = new ArrayList<>();
				TransactionSynchronizationManager.bindResource(this, fresh);
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						append(fresh);
					}

					@Override
					public void suspend() {
						TransactionSynchronizationManager.unbindResource(AuditTrail.this);
					}

					@Override
					public void resume() {
						TransactionSynchronizationManager.bindResource(AuditTrail.this, fresh);
					}

					@Override
					public void afterCompletion(int status) {
						TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
					}
				});
				queued = fresh;
			}
			queued.add(entry);
			return;
		}
		newTransaction.executeWithoutResult(status -> append(List.of(entry)));
	}

	private void append(List<Pending> entries) {
		Head head = jdbc.sql("select last_id, last_hash from audit_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long id = head.lastId();
		String previous = head.lastHash();
		for (Pending entry : entries) {
			id++;
			Event event = entry.event();
			Actor actor = event.actor();
			String detail = truncate(event.detail(), MAX_DETAIL);
			String userAgent = truncate(actor.userAgent(), 300);
			String hash = AuditEntry.hash(id, entry.at(), actor.id(), actor.role(), event.action(),
					event.resourceType(), event.resourceId(), actor.ip(), userAgent, event.outcome(), detail, previous);
			jdbc.sql("""
					insert into audit_entry (id, occurred_at, actor_id, actor_role, action, resource_type, resource_id,
					    ip, user_agent, outcome, detail, prev_hash, hash)
					values (:id, :at, :actor, :role, :action, :type, :resource, :ip, :agent, :outcome, :detail, :prev, :hash)""")
				.param("id", id)
				.param("at", entry.at().atOffset(ZoneOffset.UTC))
				.param("actor", actor.id())
				.param("role", actor.role())
				.param("action", event.action())
				.param("type", event.resourceType())
				.param("resource", event.resourceId())
				.param("ip", actor.ip())
				.param("agent", userAgent)
				.param("outcome", event.outcome().name())
				.param("detail", detail)
				.param("prev", previous)
				.param("hash", hash)
				.update();
			previous = hash;
		}
		jdbc.sql("update audit_head set last_id = ?, last_hash = ? where id = 1").params(id, previous).update();
	}

	/** Recomputes the chain from the first entry and reports the first entry that does not fit. */
	public Verification verify() {
		long checked = 0;
		long expectedId = 1;
		String previous = GENESIS;
		long after = 0;
		while (true) {
			List<AuditEntry> page = jdbc.sql("select * from audit_entry where id > ? order by id fetch first 1000 rows only")
				.param(after)
				.query(AuditTrail::entry)
				.list();
			for (AuditEntry entry : page) {
				if (entry.id() != expectedId) {
					return Verification.broken(checked, expectedId, "entry " + expectedId + " is missing");
				}
				if (!entry.prevHash().equals(previous)) {
					return Verification.broken(checked, entry.id(), "does not follow on from the entry before it");
				}
				if (!entry.expectedHash().equals(entry.hash())) {
					return Verification.broken(checked, entry.id(), "its content does not match its hash");
				}
				previous = entry.hash();
				expectedId++;
				checked++;
			}
			if (page.size() < 1000) {
				break;
			}
			after = page.get(page.size() - 1).id();
		}
		Head head = jdbc.sql("select last_id, last_hash from audit_head where id = 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		if (head.lastId() != checked || !head.lastHash().equals(previous)) {
			return Verification.broken(checked, checked + 1, "entries after " + checked + " are missing");
		}
		return new Verification(true, checked, null, null);
	}

	public record Verification(boolean valid, long entriesChecked, Long firstBrokenId, String problem) {

		static Verification broken(long checked, long id, String problem) {
			return new Verification(false, checked, id, problem);
		}

	}

	/** Filtered, newest first. */
	public Page search(Filter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> params = new ArrayList<>();
		add(where, params, "actor_id", filter.actorId());
		add(where, params, "action", filter.action());
		add(where, params, "resource_type", filter.resourceType());
		add(where, params, "resource_id", filter.resourceId());
		add(where, params, "outcome", filter.outcome() == null ? null : filter.outcome().name());
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(filter.from().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < ?");
			params.add(filter.to().atOffset(ZoneOffset.UTC));
		}
		long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add((long) page * size);
		pageParams.add(size);
		List<AuditEntry> entries = jdbc
			.sql("select * from audit_entry" + where + " order by id desc offset ? rows fetch next ? rows only")
			.params(pageParams)
			.query(AuditTrail::entry)
			.list();
		return new Page(entries, page, size, total);
	}

	public record Filter(String actorId, String action, String resourceType, String resourceId, Outcome outcome,
			Instant from, Instant to) {
	}

	public record Page(List<AuditEntry> entries, int page, int size, long total) {
	}

	Optional<AuditEntry> latest() {
		return jdbc.sql("select * from audit_entry order by id desc fetch first 1 rows only")
			.query(AuditTrail::entry)
			.optional();
	}

	private static void add(StringBuilder where, List<Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor_id"), rs.getString("actor_role"), rs.getString("action"),
				rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("ip"),
				rs.getString("user_agent"), Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private record Pending(Event event, Instant at) {
	}

	private record Head(long lastId, String lastHash) {
	}

}
