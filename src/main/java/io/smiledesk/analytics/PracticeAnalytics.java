package io.smiledesk.analytics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.smiledesk.analytics.PracticeReport.HourCount;
import io.smiledesk.analytics.PracticeReport.ReasonCount;
import io.smiledesk.analytics.PracticeReport.Week;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.system.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's figures over a range of clinic-local dates, from the analytics read
 * model: one GROUP BY query per figure, grouped by day (at most a few hundred rows) and
 * summed into Monday-to-Sunday weeks here.
 */
@Service
@Transactional(readOnly = true)
public class PracticeAnalytics {

	/** The default range: this week and the eleven before it. */
	public static final int DEFAULT_WEEKS = 12;

	/** The longest range a report covers. */
	public static final int MAX_DAYS = 731;

	private final JdbcClient jdbc;

	private final ClinicCatalog catalog;

	private final Clock clock;

	PracticeAnalytics(JdbcClient jdbc, ClinicCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The clinic's today. */
	public LocalDate today() {
		return clock.instant().atZone(catalog.snapshot().zone()).toLocalDate();
	}

	/**
	 * A report; a missing end is the clinic's today, a missing start the Monday eleven
	 * weeks before the end's week.
	 * @throws ApiProblem 400 for a start after the end or a range over two years
	 */
	public PracticeReport report(LocalDate from, LocalDate to) {
		LocalDate last = to != null ? to : today();
		LocalDate first = from != null ? from : monday(last).minusWeeks(DEFAULT_WEEKS - 1);
		if (first.isAfter(last)) {
			throw ApiProblem.invalidField("from", "must not be after to");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw ApiProblem.invalidField("to", "the range may cover at most " + MAX_DAYS + " days");
		}
		ZoneId zone = catalog.snapshot().zone();
		Map<LocalDate, WeekTally> weeks = new TreeMap<>();
		for (LocalDate week = monday(first); !week.isAfter(last); week = week.plusWeeks(1)) {
			weeks.put(week, new WeekTally());
		}
		jdbc.sql("""
				select booked_on, created_from, count(*) from analytics_appointment
				where booked_on between ? and ? group by booked_on, created_from""").params(first, last).query(rs -> {
			WeekTally week = weeks.get(monday(rs.getObject(1, LocalDate.class)));
			week.bookingsBySource.merge(source(rs.getString(2)), rs.getInt(3), Integer::sum);
		});
		jdbc.sql("""
				select started_on, booked, count(*) from analytics_conversation
				where started_on between ? and ? and patient_wrote group by started_on, booked""")
			.params(first, last)
			.query(rs -> {
				WeekTally week = weeks.get(monday(rs.getObject(1, LocalDate.class)));
				week.conversations += rs.getInt(3);
				if (rs.getBoolean(2)) {
					week.booked += rs.getInt(3);
				}
			});
		jdbc.sql("""
				select starts_on, status, count(*) from analytics_appointment
				where starts_on between ? and ? and status in (?, ?) group by starts_on, status""")
			.params(first, last, AppointmentStatus.COMPLETED.name(), AppointmentStatus.NO_SHOW.name())
			.query(rs -> {
				WeekTally week = weeks.get(monday(rs.getObject(1, LocalDate.class)));
				if (AppointmentStatus.NO_SHOW.name().equals(rs.getString(2))) {
					week.noShows += rs.getInt(3);
				}
				else {
					week.completed += rs.getInt(3);
				}
			});
		List<ReasonCount> reasons = jdbc.sql("""
				select reason, count(*) from analytics_handoff
				where requested_on between ? and ? group by reason""")
			.params(first, last)
			.query((rs, row) -> new ReasonCount(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.sorted(Comparator.comparingInt(ReasonCount::count).reversed().thenComparing(ReasonCount::reason))
			.toList();
		List<HourCount> hours = jdbc.sql("""
				select start_weekday, start_hour, count(*) from analytics_appointment
				where starts_on between ? and ? and status <> ? group by start_weekday, start_hour""")
			.params(first, last, AppointmentStatus.CANCELLED.name())
			.query((rs, row) -> new HourCount(DayOfWeek.of(rs.getInt(1)), rs.getInt(2), rs.getInt(3)))
			.list()
			.stream()
			.sorted(Comparator.comparing(HourCount::weekday).thenComparingInt(HourCount::hour))
			.toList();
		HourCount busiest = hours.stream()
			.reduce(null, (best, cell) -> best == null || cell.count() > best.count() ? cell : best);
		return new PracticeReport(first, last, zone.getId(),
				weeks.entrySet().stream().map(entry -> entry.getValue().week(entry.getKey())).toList(), reasons, hours,
				busiest);
	}

	static LocalDate monday(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The wire name of a booking source: chat, ai_agent_form, manual_admin, portal. */
	public static String source(String createdFrom) {
		return createdFrom.toLowerCase(Locale.ROOT);
	}

	private static final class WeekTally {

		final Map<String, Integer> bookingsBySource = new LinkedHashMap<>();

		int conversations;

		int booked;

		int completed;

		int noShows;

		WeekTally() {
			for (CreatedFrom source : CreatedFrom.values()) {
				bookingsBySource.put(source(source.name()), 0);
			}
		}

		Week week(LocalDate monday) {
			int bookings = bookingsBySource.values().stream().mapToInt(Integer::intValue).sum();
			return new Week(monday, bookingsBySource, bookings, conversations, booked,
					conversations == 0 ? null : (double) booked / conversations, completed, noShows,
					completed + noShows == 0 ? null : (double) noShows / (completed + noShows));
		}

	}

}
