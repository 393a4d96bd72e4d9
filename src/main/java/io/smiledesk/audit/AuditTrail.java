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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.smiledesk.audit.AuditEntry.Outcome;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit trail in two steps. {@link #record} adds the entry to a queue in the
 * caller's transaction, so it exists exactly when the change it describes commits,
 * without any lock. {@link #seal} then chains queued entries, in the order they happened,
 * into the append-only, hash-chained trail; it runs every fraction of a second and before
 * every read of the trail, and the chain's head is locked only while sealing.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final int MAX_DETAIL = 500;

	private static final int SEAL_BATCH = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	/**
	 * Starts from the wall clock's microseconds, so it keeps rising across restarts too.
	 */
	private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

	AuditTrail(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** What happened, by whom; the actor and request come from {@link Actor}. */
	public record Event(Actor actor, String action, String resourceType, String resourceId, Outcome outcome,
			String detail) {
	}

	public void record(Event event) {
		Object[] row = row(event, clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			enqueue(List.<Object[]>of(row));
		}
		else if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// a read (a staff member opening a record) is recorded even though it writes
			// nothing itself
			newTransaction.executeWithoutResult(status -> enqueue(List.<Object[]>of(row)));
		}
		else {
			pendingInThisTransaction().add(row);
		}
	}

	/**
	 * Entries of the current transaction, written in one batch just before it commits.
	 */
	@SuppressWarnings("unchecked")
	private List<Object[]> pendingInThisTransaction() {
		List<Object[]> rows = (List<Object[]>) TransactionSynchronizationManager.getResource(this);
		if (rows == null) {
			List<Object[]> fresh = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					enqueue(fresh);
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
			rows = fresh;
		}
		return rows;
	}

	private Object[] row(Event event, Instant at) {
		Actor actor = event.actor();
		return new Object[] { UUID.randomUUID(), at.atOffset(ZoneOffset.UTC), sequence.incrementAndGet(), actor.id(),
				actor.role(), event.action(), event.resourceType(), event.resourceId(), actor.ip(),
				truncate(actor.userAgent(), 300), event.outcome().name(), truncate(event.detail(), MAX_DETAIL) };
	}

	private void enqueue(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			template.batchUpdate("""
					insert into audit_pending (id, occurred_at, seq, actor_id, actor_role, action, resource_type,
					    resource_id, ip, user_agent, outcome, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					rows);
		}
	}

	/**
	 * Chains every queued entry; several instances may seal at once, the head's lock
	 * keeps them in line.
	 */
	@Scheduled(fixedDelayString = "${smiledesk.audit.seal-interval:PT0.2S}")
	public void seal() {
		while (Boolean.TRUE.equals(newTransaction.execute(status -> sealBatch()))) {
			// keep going while full batches come back
		}
	}

	private boolean sealBatch() {
		Head head = jdbc.sql("select last_id, last_hash from audit_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		List<Queued> queued = jdbc
			.sql("select * from audit_pending order by occurred_at, seq fetch first " + SEAL_BATCH + " rows only")
			.query((rs, row) -> new Queued(rs.getObject("id", UUID.class),
					new AuditEntry(0, rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
							rs.getString("actor_id"), rs.getString("actor_role"), rs.getString("action"),
							rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("ip"),
							rs.getString("user_agent"), Outcome.valueOf(rs.getString("outcome")),
							rs.getString("detail"), null, null)))
			.list();
		if (queued.isEmpty()) {
			return false;
		}
		long id = head.lastId();
		String previous = head.lastHash();
		List<Object[]> rows = new ArrayList<>(queued.size());
		List<Object[]> done = new ArrayList<>(queued.size());
		for (Queued item : queued) {
			AuditEntry entry = item.entry();
			id++;
			String hash = AuditEntry.hash(id, entry.occurredAt(), entry.actorId(), entry.actorRole(), entry.action(),
					entry.resourceType(), entry.resourceId(), entry.ip(), entry.userAgent(), entry.outcome(),
					entry.detail(), previous);
			rows.add(new Object[] { id, entry.occurredAt().atOffset(ZoneOffset.UTC), entry.actorId(), entry.actorRole(),
					entry.action(), entry.resourceType(), entry.resourceId(), entry.ip(), entry.userAgent(),
					entry.outcome().name(), entry.detail(), previous, hash });
			done.add(new Object[] { item.id() });
			previous = hash;
		}
		// one round trip each: sealing must keep up with bookings without taking their
		// CPU
		template.batchUpdate("""
				insert into audit_entry (id, occurred_at, actor_id, actor_role, action, resource_type, resource_id,
				    ip, user_agent, outcome, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
		template.batchUpdate("delete from audit_pending where id = ?", done);
		jdbc.sql("update audit_head set last_id = ?, last_hash = ? where id = 1").params(id, previous).update();
		return queued.size() == SEAL_BATCH;
	}

	/**
	 * Recomputes the chain from the first entry and reports the first entry that does not
	 * fit.
	 */
	public Verification verify() {
		seal();
		// the tip as it is now; entries sealed while we read are checked next time
		Head head = jdbc.sql("select last_id, last_hash from audit_head where id = 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long checked = 0;
		long expectedId = 1;
		String previous = GENESIS;
		long after = 0;
		while (true) {
			List<AuditEntry> page = jdbc
				.sql("select * from audit_entry where id > ? and id <= ? order by id fetch first 1000 rows only")
				.params(after, head.lastId())
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
		seal();
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
		seal();
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

	private record Head(long lastId, String lastHash) {
	}

	private record Queued(UUID id, AuditEntry entry) {
	}

}
