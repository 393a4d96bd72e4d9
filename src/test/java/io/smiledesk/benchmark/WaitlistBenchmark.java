package io.smiledesk.benchmark;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.SmileDeskApplication;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.Slot;
import io.smiledesk.test.MutableClock;
import io.smiledesk.waitlist.PartOfDay;
import io.smiledesk.waitlist.Waitlist;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waitlist refill benchmark on a simulated clock against the real application (demo
 * clinic, H2 in memory): 500 waitlist entries, 200 cancellations spread over a week's
 * clinic days, the waitlist round every simulated minute at the default batch settings (3
 * offers every 5 minutes, 30 minutes to accept), and the channels' real proactive rules
 * (quiet hours, at most one proactive message per patient a day, three a week). Run with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.class=WaitlistBenchmark}.
 * <p>
 * Patients (seeded): an offered patient accepts with probability {@code waitlist.accept}
 * (default 0.4) after an exponentially distributed delay (mean 10 minutes; an accept
 * after the 30 minutes is a late yes and books nothing), declines with probability 0.2
 * (mean 10 minutes), and otherwise never answers. Answers go through the waitlist's
 * public accept/decline, the same path an SMS yes takes after the assistant.
 */
public final class WaitlistBenchmark {

	/** Monday 4 August 2025, 08:00 in New York. */
	static final Instant START = Instant.parse("2025-08-04T12:00:00Z");

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	static final int ENTRIES = 500;

	static final int CANCELLATIONS = 200;

	static final String[] SERVICES = { "Annual Cleaning", "Annual Cleaning", "Annual Cleaning", "Filling", "Filling",
			"Crown Consultation", "Emergency Exam", "Teeth Whitening", "New Patient Exam" };

	private WaitlistBenchmark() {
	}

	public static void main(String[] args) {
		int exitCode = 0;
		try {
			run(Double.parseDouble(System.getProperty("waitlist.accept", "0.4")),
					Long.parseLong(System.getProperty("waitlist.seed", "42")));
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			exitCode = 1;
		}
		System.exit(exitCode);
	}

	/** A simulated patient's answer, due at a simulated instant. */
	record Answer(Instant at, UUID offerId, boolean accepts) {
	}

	private static void run(double acceptProbability, long seed) throws Exception {
		ZonedDateTime startedAt = ZonedDateTime.now();
		MutableClock clock = new MutableClock(START.minus(Duration.ofDays(30)));
		Random random = new Random(seed);
		try (ConfigurableApplicationContext context = start(clock)) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Patients patients = context.getBean(Patients.class);
			Booking booking = context.getBean(Booking.class);
			Availability availability = context.getBean(Availability.class);
			Waitlist waitlist = context.getBean(Waitlist.class);
			ClinicSnapshot clinic = context.getBean(ClinicCatalog.class).snapshot();

			// entries joined over the past 30 days, so that waiting longest means
			// something
			for (int i = 0; i < ENTRIES; i++) {
				clock.set(START.minus(Duration.ofMinutes(30L * 24 * 60 * (ENTRIES - i) / ENTRIES)));
				PatientId patient = patients
					.register(new Patients.NewPatient("Wait Listed " + i,
							patients.contact(null, String.format(Locale.ROOT, "+1201555%04d", i)), null,
							PatientType.EXISTING, Channel.SMS))
					.id();
				LocalDate earliest = LocalDate.of(2025, 8, 4).plusDays(random.nextInt(14));
				Set<PartOfDay> parts = EnumSet.noneOf(PartOfDay.class);
				for (PartOfDay part : PartOfDay.values()) {
					if (random.nextDouble() < 0.6) {
						parts.add(part);
					}
				}
				if (parts.isEmpty()) {
					parts.add(PartOfDay.MORNING);
				}
				Waitlist.Outcome joined = waitlist.join(patient,
						new Waitlist.Wish(SERVICES[random.nextInt(SERVICES.length)], earliest,
								earliest.plusDays(2 + random.nextInt(8)), parts, null, null),
						false);
				if (!(joined instanceof Waitlist.Outcome.Joined)) {
					throw new IllegalStateException("Could not join: " + joined);
				}
			}

			// 200 appointments of other patients, Tuesday 5 to Tuesday 19 August
			clock.set(START);
			List<UUID> appointments = new ArrayList<>();
			List<Instant> starts = new ArrayList<>();
			List<Object[]> free = new ArrayList<>();
			for (LocalDate day = LocalDate.of(2025, 8, 5); !day.isAfter(LocalDate.of(2025, 8, 19)); day = day
				.plusDays(1)) {
				if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
					for (String service : new String[] { "Annual Cleaning", "Filling" }) {
						for (Slot slot : availability.slots(clinic.service(service).orElseThrow(), day, day,
								Optional.empty())) {
							free.add(new Object[] { service, slot });
						}
					}
				}
			}
			Collections.shuffle(free, random);
			for (int i = 0; appointments.size() < CANCELLATIONS && i < free.size(); i++) {
				String service = (String) free.get(i)[0];
				Slot slot = (Slot) free.get(i)[1];
				Booking.Outcome outcome = booking
					.book(new Booking.BookRequest("Holder " + i, null, String.format(Locale.ROOT, "+1973555%04d", i),
							null, Channel.SMS, service, slot.start(), Optional.of(slot.providerId()), Optional.empty(),
							null, CreatedFrom.MANUAL_ADMIN, null, null, null, null));
				if (outcome instanceof Booking.Done done) {
					appointments.add(done.appointment().id());
					starts.add(slot.start());
				}
			}
			if (appointments.size() < CANCELLATIONS) {
				throw new IllegalStateException("Only " + appointments.size() + " appointments could be booked");
			}

			// each is cancelled between 3 days and 4 hours before it starts, at a
			// clinic-day time (08:00-20:00), from Monday 4 August on
			List<Instant[]> cancellations = new ArrayList<>();
			for (int i = 0; i < CANCELLATIONS; i++) {
				Instant latest = starts.get(i).minus(Duration.ofHours(4));
				Instant earliest = latest.minus(Duration.ofDays(3)).isBefore(START) ? START
						: latest.minus(Duration.ofDays(3));
				Instant at;
				do {
					at = earliest.plusSeconds(
							(long) (random.nextDouble() * Duration.between(earliest, latest).getSeconds()) / 60 * 60);
				}
				while (at.atZone(ZONE).toLocalTime().isBefore(LocalTime.of(8, 0))
						|| at.atZone(ZONE).toLocalTime().isAfter(LocalTime.of(20, 0)));
				cancellations.add(new Instant[] { at, Instant.ofEpochSecond(i) });
			}
			cancellations.sort((a, b) -> a[0].compareTo(b[0]));

			PriorityQueue<Answer> answers = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
			Set<UUID> seen = new HashSet<>();
			int next = 0;
			int late = 0;
			int taken = 0;
			long simulating = System.nanoTime();
			Instant end = cancellations.get(CANCELLATIONS - 1)[0].plus(Duration.ofHours(24));
			for (Instant now = START; now.isBefore(
					end); now = step(now, jdbc, answers, next < CANCELLATIONS ? cancellations.get(next)[0] : end)) {
				clock.set(now);
				if (now.atZone(ZONE).getHour() == 8 && now.atZone(ZONE).getMinute() == 0) {
					System.out.printf(Locale.ROOT, "%s: %d cancellations so far, %.0f s%n",
							now.atZone(ZONE).toLocalDate(), next, (System.nanoTime() - simulating) / 1e9);
				}
				while (next < CANCELLATIONS && !cancellations.get(next)[0].isAfter(now)) {
					UUID appointment = appointments.get((int) cancellations.get(next)[1].getEpochSecond());
					booking.cancel(appointment, "Cannot make it", Booking.Actor.staff());
					awaitEvents(jdbc);
					next++;
				}
				while (!answers.isEmpty() && !answers.peek().at().isAfter(now)) {
					Answer answer = answers.poll();
					Object response = answer.accepts() ? waitlist.accept(answer.offerId())
							: waitlist.decline(answer.offerId());
					late += response instanceof io.smiledesk.waitlist.Response.Expired ? 1 : 0;
					taken += response instanceof io.smiledesk.waitlist.Response.Taken ? 1 : 0;
				}
				waitlist.runNow();
				awaitEvents(jdbc);
				for (UUID offer : jdbc.queryForList("select id from waitlist_offer where status = 'PENDING'",
						UUID.class)) {
					if (seen.add(offer)) {
						double draw = random.nextDouble();
						if (draw < acceptProbability) {
							answers.add(new Answer(now.plusSeconds((long) exponential(random, 600)), offer, true));
						}
						else if (draw < acceptProbability + 0.2) {
							answers.add(new Answer(now.plusSeconds((long) exponential(random, 600)), offer, false));
						}
					}
				}
			}

			List<Long> minutes = jdbc.queryForList("""
					select filled_at, freed_at from waitlist_slot
					where cause = 'CANCELLED' and status = 'FILLED'""")
				.stream()
				.map(row -> Duration.between(instant(row.get("freed_at")), instant(row.get("filled_at"))).getSeconds())
				.sorted()
				.toList();
			Integer freedSlots = jdbc.queryForObject("select count(*) from waitlist_slot where cause = 'CANCELLED'",
					Integer.class);
			Integer moves = jdbc.queryForObject("select count(*) from waitlist_slot where cause = 'MOVED'",
					Integer.class);
			Integer offers = jdbc.queryForObject("select count(*) from waitlist_offer", Integer.class);
			List<java.util.Map<String, Object>> byStatus = jdbc
				.queryForList("select status, count(*) as n from waitlist_offer group by status order by status");
			int doubles = SchedulingBenchmark.doubleBookings(jdbc);
			double median = minutes.isEmpty() ? Double.NaN : median(minutes) / 60.0;
			double p90 = minutes.isEmpty() ? Double.NaN : minutes.get((int) Math.ceil(0.9 * minutes.size()) - 1) / 60.0;
			String rule = "=".repeat(100);
			System.out.println(rule);
			System.out.println("SmileDesk waitlist benchmark  |  H2 in memory, simulated clock");
			System.out.println(rule);
			System.out.println("run at               " + startedAt + " (took "
					+ Duration.ofNanos(System.nanoTime() - simulating).toSeconds() + " s to simulate)");
			System.out.printf(Locale.ROOT,
					"setup                %d entries, %d cancellations (%d freed times recorded), "
							+ "batch 3 every 5 min, offers open 30 min%n",
					ENTRIES, CANCELLATIONS, freedSlots);
			System.out.printf(Locale.ROOT, "patients             accept p=%.2f, decline p=0.20, silent otherwise; "
					+ "answer delay exponential, mean 10 min; seed %d%n", acceptProbability, seed);
			System.out.printf(Locale.ROOT, "refilled             %d of %d cancellations (%.1f%%)%n", minutes.size(),
					CANCELLATIONS, 100.0 * minutes.size() / CANCELLATIONS);
			System.out.printf(Locale.ROOT, "minutes to refill    median %.1f, p90 %.1f (simulated, refilled ones)%n",
					median, p90);
			System.out.printf(Locale.ROOT, "offers               %d sent: %s; late yeses %d, told taken %d%n", offers,
					byStatus.stream().map(row -> row.get("status") + " " + row.get("n")).toList(), late, taken);
			System.out.printf(Locale.ROOT, "double bookings      %d%n", doubles);
			System.out.println(rule);
			if (moves > 0) {
				System.out.println("(moves: " + moves + ")");
			}
		}
	}

	/**
	 * The next minute, or straight to the next cancellation when nothing is in flight (no
	 * open freed time, no pending offer, no answer due): the round would do nothing
	 * meanwhile.
	 */
	static Instant step(Instant now, JdbcTemplate jdbc, PriorityQueue<Answer> answers, Instant nextCancellation) {
		Instant next = now.plus(Duration.ofMinutes(1));
		if (answers.isEmpty()
				&& jdbc.queryForObject(
						"select (select count(*) from waitlist_slot where status in ('OPEN', 'CLAIMED')) "
								+ "+ (select count(*) from waitlist_offer where status = 'PENDING')",
						Integer.class) == 0
				&& nextCancellation.isAfter(next)) {
			return nextCancellation;
		}
		return next;
	}

	static ConfigurableApplicationContext start(Clock clock) {
		List<String> arguments = List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--smiledesk.demo.enabled=true", "--smiledesk.demo.fake-patients=0",
				"--smiledesk.rate-limits.enabled=false", "--smiledesk.channels.workers=false",
				"--smiledesk.campaigns.scheduler=false", "--smiledesk.waitlist.scheduler=false",
				"--smiledesk.handoffs.watch=false",
				"--spring.datasource.url=jdbc:h2:mem:waitlistbench;DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa", "--spring.datasource.password=");
		return new SpringApplicationBuilder(SmileDeskApplication.class)
			.initializers(context -> ((GenericApplicationContext) context).registerBean("benchmarkClock", Clock.class,
					() -> clock, definition -> definition.setPrimary(true)))
			.run(arguments.toArray(String[]::new));
	}

	static void awaitEvents(JdbcTemplate jdbc) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and (status is null or status <> 'FAILED')",
				Integer.class) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Events still unprocessed after 30 s");
			}
			Thread.sleep(2);
		}
	}

	static double exponential(Random random, double mean) {
		return -mean * Math.log(1 - random.nextDouble());
	}

	static double median(List<Long> sorted) {
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

	static Instant instant(Object value) {
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant();
		}
		return Instant.parse(value.toString());
	}

}
