package io.smiledesk.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.smiledesk.SmileDeskApplication;
import io.smiledesk.campaign.CampaignRunProbe;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.test.MutableClock;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Campaign run throughput: how long the daily run takes to start the campaigns that are
 * due and queue their first messages, for {@code campaign.leads} quiet leads (default
 * 5,000) and {@code campaign.recalls} patients due for a recall (default 5,000), on the
 * real application (demo clinic) with a fixed morning clock: first the starting half of
 * the run alone, then the run (which now only sends), the same run again that day (finds
 * nothing) and three days later (every campaign's second follow-up). Messages go through
 * the channels' real proactive path (consent, quiet hours, caps, outbox) but the outbox
 * workers are off, so nothing is delivered. Run with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.class=CampaignBenchmark}
 * (add {@code -Dbenchmark.db=postgres} for PostgreSQL on 127.0.0.1:5432).
 */
public final class CampaignBenchmark {

	/** Monday 4 August 2025, 09:30 in New York: inside the sending hours. */
	static final Instant MORNING = Instant.parse("2025-08-04T13:30:00Z");

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	private CampaignBenchmark() {
	}

	public static void main(String[] args) {
		int exitCode = 0;
		try {
			run(System.getProperty("benchmark.db", "h2"), Integer.getInteger("campaign.leads", 5000),
					Integer.getInteger("campaign.recalls", 5000));
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			exitCode = 1;
		}
		System.exit(exitCode);
	}

	private static void run(String db, int leads, int recalls) throws Exception {
		ZonedDateTime startedAt = ZonedDateTime.now();
		double load = SchedulingBenchmark.systemLoad();
		boolean postgres = db.toLowerCase(Locale.ROOT).startsWith("postgres");
		if (postgres) {
			SchedulingBenchmark.Database.POSTGRES.recreate();
		}
		MutableClock clock = new MutableClock(MORNING.minus(Duration.ofDays(20)));
		List<String> lines = new ArrayList<>();
		try (ConfigurableApplicationContext context = start(clock, postgres)) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Patients patients = context.getBean(Patients.class);
			long seeding = System.nanoTime();
			register(patients, leads, recalls);
			lines.add(String.format(Locale.ROOT, "set-up               %d quiet leads (registered 20 days before), "
					+ "%d patients due for recall, in %.0f s", leads, recalls, seconds(seeding)));
			clock.set(MORNING);
			long starting = System.nanoTime();
			int started = CampaignRunProbe.startDue(context);
			double startSeconds = seconds(starting);
			WaitlistBenchmark.awaitEvents(jdbc);
			lines.add(String.format(Locale.ROOT,
					"day 0, starting only %6d created in %6.1f s: %5.0f campaigns/s (listeners done after %.1f s)",
					started, startSeconds, started / startSeconds, seconds(starting)));
			lines.add(timed("day 0, sending", context, jdbc));
			lines.add(timed("same day again", context, jdbc));
			clock.set(MORNING.plus(Duration.ofDays(3)));
			lines.add(timed("day 3 (2nd follow-ups)", context, jdbc));
			lines.add(
					String.format(Locale.ROOT, "totals               %d campaigns, %d proactive messages in the outbox",
							jdbc.queryForObject("select count(*) from campaign", Integer.class), jdbc.queryForObject(
									"select count(*) from channel_outbound where kind = 'PROACTIVE'", Integer.class)));
			lines.add(0,
					"database             " + (postgres
							? "PostgreSQL " + jdbc.queryForObject("show server_version", String.class)
							: "H2 " + jdbc.queryForObject("select h2version()", String.class) + " (in memory)"));
		}
		String rule = "=".repeat(100);
		System.out.println(rule);
		System.out.println("SmileDesk campaign run benchmark");
		System.out.println(rule);
		System.out.println("run at               " + startedAt + " (took "
				+ Duration.between(startedAt, ZonedDateTime.now()).toSeconds() + " s)");
		System.out.printf(Locale.ROOT, "load average         %.2f before the run; %d cores%n", load,
				Runtime.getRuntime().availableProcessors());
		lines.forEach(System.out::println);
		System.out.println(rule);
	}

	/** Registers the leads and the due patients on four threads. */
	private static void register(Patients patients, int leads, int recalls) throws Exception {
		LocalDate today = MORNING.atZone(ZONE).toLocalDate();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < leads + recalls; i++) {
				int n = i;
				done.add(pool.submit(() -> {
					boolean lead = n < leads;
					// up to 10,000 of each
					String phone = String.format(Locale.ROOT, "+1%s555%04d", lead ? "201" : "973",
							lead ? n : n - leads);
					PatientId id = patients
						.register(new Patients.NewPatient((lead ? "Lead " : "Due ") + n, patients.contact(null, phone),
								null, lead ? PatientType.COLD_LEAD : PatientType.EXISTING, Channel.SMS))
						.id();
					if (!lead) {
						patients.scheduleFollowUp(id, today.minusDays(n % 60));
					}
				}));
			}
			for (Future<?> each : done) {
				each.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static String timed(String label, ConfigurableApplicationContext context, JdbcTemplate jdbc)
			throws InterruptedException {
		long running = System.nanoTime();
		int[] result = CampaignRunProbe.runNow(context);
		double run = seconds(running);
		WaitlistBenchmark.awaitEvents(jdbc);
		double settled = seconds(running);
		return String.format(Locale.ROOT,
				"%-20s %6d created, %6d queued, %d failed in %6.1f s: %5.0f campaigns/s, %5.0f messages/s "
						+ "(listeners done after %.1f s)",
				label, result[0], result[1], result[2], run, result[0] / run, result[1] / run, settled);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	static ConfigurableApplicationContext start(Clock clock, boolean postgres) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--smiledesk.demo.enabled=true", "--smiledesk.demo.fake-patients=0",
				"--smiledesk.rate-limits.enabled=false", "--smiledesk.channels.workers=false",
				"--smiledesk.campaigns.scheduler=false", "--smiledesk.reminders.scheduler=false",
				"--smiledesk.waitlist.scheduler=false", "--smiledesk.handoffs.watch=false"));
		if (postgres) {
			arguments.addAll(List.of(
					"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/smiledesk_bench?reWriteBatchedInserts=true",
					"--spring.datasource.username=postgres", "--spring.datasource.password="));
		}
		else {
			arguments.addAll(List.of("--spring.datasource.url=jdbc:h2:mem:campaignbench;DB_CLOSE_DELAY=-1",
					"--spring.datasource.username=sa", "--spring.datasource.password="));
		}
		return new SpringApplicationBuilder(SmileDeskApplication.class)
			.initializers(context -> ((GenericApplicationContext) context).registerBean("benchmarkClock", Clock.class,
					() -> clock, definition -> definition.setPrimary(true)))
			.run(arguments.toArray(String[]::new));
	}

}
