package io.smiledesk.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The practice's money over a period, per provider, from the ledger: production (charges
 * posted), collections (payments and deposits applied), adjustments, write-offs, and what
 * patients still owed at the period's end. Days are the clinic's; the provider is the one
 * of the visit an entry belongs to ("unassigned" for entries of no visit).
 */
@Component
class FinancialReport {

	static final String UNASSIGNED = "";

	private final JdbcClient jdbc;

	private final ClinicCatalog catalog;

	FinancialReport(JdbcClient jdbc, ClinicCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** From the first day through the last, inclusive, in the clinic's days. */
	Report of(LocalDate first, LocalDate last) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = clinic.zone();
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
		Map<Key, Figures> lines = new TreeMap<>();
		Map<YearMonth, Figures> months = new TreeMap<>();
		for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month
			.plusMonths(1)) {
			months.put(month, new Figures());
		}
		jdbc.sql("""
				select e.kind, e.amount, e.currency, e.posted_at, i.provider_id
				from ledger_entry e left join invoice i on i.id = e.invoice_id
				where e.clinic_id = :clinic and e.posted_at >= :from and e.posted_at < :to""")
			.param("clinic", Clinics.DEFAULT)
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, row) -> {
				EntryKind kind = EntryKind.valueOf(rs.getString("kind"));
				BigDecimal amount = rs.getBigDecimal("amount");
				Key key = new Key(provider(rs.getString("provider_id")), rs.getString("currency"));
				lines.computeIfAbsent(key, k -> new Figures()).add(kind, amount);
				YearMonth month = YearMonth.from(instant(rs.getObject("posted_at")).atZone(zone));
				months.computeIfAbsent(month, m -> new Figures()).add(kind, amount);
				return null;
			})
			.list();
		jdbc.sql("""
				select i.provider_id, e.currency, sum(e.amount) as owed
				from ledger_entry e left join invoice i on i.id = e.invoice_id
				where e.clinic_id = :clinic and e.posted_at < :to
				group by i.provider_id, e.currency""")
			.param("clinic", Clinics.DEFAULT)
			.param("to", utc(to))
			.query((rs, row) -> {
				Key key = new Key(provider(rs.getString("provider_id")), rs.getString("currency"));
				BigDecimal owed = rs.getBigDecimal("owed");
				if (owed.signum() != 0 || lines.containsKey(key)) {
					lines.computeIfAbsent(key, k -> new Figures()).outstanding = owed;
				}
				return null;
			})
			.list();
		List<Line> rows = new ArrayList<>();
		lines.forEach((key, figures) -> rows.add(figures.line(key, name(clinic, key.provider()))));
		rows.sort(Comparator.comparing(Line::currency).thenComparing(Line::providerName));
		List<Month> monthly = new ArrayList<>();
		months.forEach((month, figures) -> monthly.add(new Month(month, figures.production, figures.collections)));
		return new Report(first, last, zone, rows, totals(rows), monthly);
	}

	private static List<Line> totals(List<Line> rows) {
		Map<String, List<Line>> byCurrency = new TreeMap<>();
		rows.forEach(line -> byCurrency.computeIfAbsent(line.currency(), c -> new ArrayList<>()).add(line));
		List<Line> totals = new ArrayList<>();
		byCurrency.forEach((currency,
				lines) -> totals.add(new Line(null, null, currency, sum(lines, Line::production),
						sum(lines, Line::collections), sum(lines, Line::adjustments), sum(lines, Line::writeOffs),
						sum(lines, Line::outstanding))));
		return totals;
	}

	private static BigDecimal sum(List<Line> lines, Function<Line, BigDecimal> figure) {
		return lines.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static String provider(String id) {
		return id == null ? UNASSIGNED : id;
	}

	private static String name(ClinicSnapshot clinic, String providerId) {
		return providerId.isEmpty() ? "" : clinic.provider(providerId).map(ProviderInfo::name).orElse(providerId);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(Object value) {
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		return ((Timestamp) value).toInstant();
	}

	private record Key(String provider, String currency) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			return Comparator.comparing(Key::currency).thenComparing(Key::provider).compare(this, other);
		}

	}

	/**
	 * Running sums; amounts as posted (a payment is negative), shown as positive figures.
	 */
	private static final class Figures {

		BigDecimal production = BigDecimal.ZERO;

		BigDecimal collections = BigDecimal.ZERO;

		BigDecimal adjustments = BigDecimal.ZERO;

		BigDecimal writeOffs = BigDecimal.ZERO;

		BigDecimal outstanding = BigDecimal.ZERO;

		void add(EntryKind kind, BigDecimal amount) {
			switch (kind) {
				case CHARGE -> production = production.add(amount);
				case PAYMENT, DEPOSIT_CREDIT -> collections = collections.subtract(amount);
				case ADJUSTMENT -> adjustments = adjustments.add(amount);
				case WRITE_OFF -> writeOffs = writeOffs.subtract(amount);
			}
		}

		Line line(Key key, String providerName) {
			return new Line(key.provider(), providerName, key.currency(), production, collections, adjustments,
					writeOffs, outstanding);
		}

	}

	/**
	 * @param providerId null in a total, empty for entries of no visit
	 * @param adjustments signed: positive raised what patients owe
	 * @param outstanding what patients owed at the period's end
	 */
	record Line(String providerId, String providerName, String currency, BigDecimal production, BigDecimal collections,
			BigDecimal adjustments, BigDecimal writeOffs, BigDecimal outstanding) {
	}

	record Month(YearMonth month, BigDecimal production, BigDecimal collections) {
	}

	record Report(LocalDate first, LocalDate last, ZoneId zone, List<Line> lines, List<Line> totals,
			List<Month> months) {
	}

}
