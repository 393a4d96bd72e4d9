package io.smiledesk.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.smiledesk.SmileDeskApplication;
import io.smiledesk.clinic.ClinicAdministration;
import io.smiledesk.clinic.ClinicAdministration.ProviderDraft;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ProviderRole;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.clinic.WeeklyHours;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.Slot;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduling benchmark against the real application, database and HTTP stack. Not a test:
 * run it with {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.db=h2} (or
 * {@code postgres}).
 * <p>
 * Scenario A times a month of availability over a busy schedule (10 dentists, 2,000
 * appointments), in-process and over HTTP. Scenario B ({@link BookingLoad}) books over
 * HTTP from 32 clients, some of them racing for the same slot, and then checks in SQL
 * that no two appointments overlap.
 */
public final class SchedulingBenchmark {

	/**
	 * Monday 4 August 2025, 08:00 in New York: the application's clock stands still here.
	 */
	static final Instant NOW = Instant.parse("2025-08-04T12:00:00Z");

	static final LocalDate MONTH_START = LocalDate.of(2025, 8, 1);

	static final LocalDate MONTH_END = LocalDate.of(2025, 8, 31);

	private static final int DENTISTS = 10;

	private static final int OPERATORIES = 10;

	/**
	 * As many rooms as dentists: every refusal of an uncontested slot is then a defect
	 * worth reporting.
	 */
	private static final int LOAD_OPERATORIES = 10;

	private static final int EXISTING_APPOINTMENTS = 2_000;

	private static final int WARM_UP_CALLS = 200;

	private static final int TIMED_CALLS = 1_000;

	private static final int HTTP_WARM_UP_CALLS = 100;

	private static final int HTTP_TIMED_CALLS = 500;

	private SchedulingBenchmark() {
	}

	public static void main(String[] args) {
		int exitCode = 0;
		try {
			run(Database.of(System.getProperty("benchmark.db", "h2")));
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			exitCode = 1;
		}
		// Clients, pools and schedulers may leave non-daemon threads behind.
		System.exit(exitCode);
	}

	private static void run(Database database) throws Exception {
		ZonedDateTime startedAt = ZonedDateTime.now();
		List<String> summary = new ArrayList<>();
		// Another build on the machine skews every timing below; the load average before
		// we start shows it.
		summary.add(String.format(Locale.ROOT, "load average         %.2f before the run", systemLoad()));
		database.recreate();
		long booting = System.nanoTime();
		try (ConfigurableApplicationContext context = start(database)) {
			String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			System.out.printf(Locale.ROOT, "%s: application started on %s in %.1f s%n", database.label, baseUrl,
					(System.nanoTime() - booting) / 1e9);
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			scenarioA(context, jdbc, http, baseUrl, summary);
			addOperatories(context.getBean(ClinicAdministration.class), context.getBean(ClinicCatalog.class),
					LOAD_OPERATORIES);
			new BookingLoad(context.getBean(Availability.class), context.getBean(ClinicCatalog.class).snapshot(), jdbc,
					http, baseUrl)
				.run(summary);
			summary.add(1, "database server      " + database.serverVersion(jdbc));
		}
		printSummary(database, startedAt, summary);
	}

	static ConfigurableApplicationContext start(Database database, String... extraArguments) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--smiledesk.demo.enabled=true", "--smiledesk.demo.fake-patients=0",
				// 32 clients booking from one address would be rate limited after
				// five bookings.
				"--smiledesk.rate-limits.enabled=false", "--spring.datasource.url=" + database.url,
				"--spring.datasource.username=" + database.username, "--spring.datasource.password="));
		arguments.addAll(List.of(extraArguments));
		// Command-line arguments outrank application.yml; logging must be set before the
		// context exists.
		return new SpringApplicationBuilder(SmileDeskApplication.class)
			.initializers(context -> ((GenericApplicationContext) context).registerBean("benchmarkClock", Clock.class,
					() -> clock, definition -> definition.setPrimary(true)))
			.run(arguments.toArray(String[]::new));
	}

	// --- Scenario A: month availability over a busy schedule

	private static void scenarioA(ConfigurableApplicationContext context, JdbcTemplate jdbc, HttpClient http,
			String baseUrl, List<String> summary) throws Exception {
		ClinicCatalog catalog = context.getBean(ClinicCatalog.class);
		Availability availability = context.getBean(Availability.class);
		addDentistsAndRooms(context.getBean(ClinicAdministration.class), catalog);
		ClinicSnapshot clinic = catalog.snapshot();
		long dentists = dentists(clinic).size();
		System.out.printf("A: %d active dentists, %d active operatories%n", dentists,
				clinic.activeOperatories().size());

		long seeding = System.nanoTime();
		int created = bookExisting(context.getBean(Booking.class), availability, clinic);
		Integer inMonth = jdbc.queryForObject("select count(*) from appointment where starts_at >= ? and starts_at < ?",
				Integer.class, MONTH_START.atStartOfDay(clinic.zone()).toOffsetDateTime(),
				MONTH_END.plusDays(1).atStartOfDay(clinic.zone()).toOffsetDateTime());
		Integer providers = jdbc.queryForObject("select count(distinct provider_id) from appointment", Integer.class);
		Integer days = jdbc.queryForObject("select count(distinct cast(starts_at as date)) from appointment",
				Integer.class);
		int overlaps = doubleBookings(jdbc);
		System.out.printf(Locale.ROOT,
				"A: created %d existing appointments in %.1f s (%d in August, %d later; %d providers, %d days), "
						+ "double bookings = %d%n",
				created, (System.nanoTime() - seeding) / 1e9, inMonth, created - inMonth, providers, days, overlaps);
		if (created != EXISTING_APPOINTMENTS) {
			throw new IllegalStateException("Expected " + EXISTING_APPOINTMENTS + " appointments, created " + created);
		}

		ServiceInfo whitening = clinic.service("teeth_whitening").orElseThrow();
		int offered = 0;
		for (int i = 0; i < WARM_UP_CALLS; i++) {
			offered = availability.slots(whitening, MONTH_START, MONTH_END, Optional.empty()).size();
		}
		long[] nanos = new long[TIMED_CALLS];
		for (int i = 0; i < TIMED_CALLS; i++) {
			long began = System.nanoTime();
			offered = availability.slots(whitening, MONTH_START, MONTH_END, Optional.empty()).size();
			nanos[i] = System.nanoTime() - began;
		}
		Latencies inProcess = new Latencies(nanos);
		System.out.printf("A: Availability.slots(teeth_whitening, August) -> %d slots; %s%n", offered, inProcess);

		HttpRequest month = HttpRequest
			.newBuilder(URI.create(baseUrl + "/api/v1/availability?month=8&year=2025&service_id=teeth_whitening"))
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		int failed = 0;
		int bytes = 0;
		for (int i = 0; i < HTTP_WARM_UP_CALLS; i++) {
			failed += http.send(month, HttpResponse.BodyHandlers.ofString()).statusCode() == 200 ? 0 : 1;
		}
		long[] httpNanos = new long[HTTP_TIMED_CALLS];
		for (int i = 0; i < HTTP_TIMED_CALLS; i++) {
			long began = System.nanoTime();
			HttpResponse<String> response = http.send(month, HttpResponse.BodyHandlers.ofString());
			httpNanos[i] = System.nanoTime() - began;
			failed += response.statusCode() == 200 ? 0 : 1;
			bytes = response.body().length();
		}
		Latencies overHttp = new Latencies(httpNanos);
		System.out.printf("A: GET /api/v1/availability (August, teeth_whitening) -> %d bytes, %d non-200; %s%n", bytes,
				failed, overHttp);

		summary.add(String.format(Locale.ROOT,
				"A  schedule          %d dentists, %d operatories, %d appointments "
						+ "(%d in August), double bookings = %d",
				dentists, clinic.activeOperatories().size(), created, inMonth, overlaps));
		summary.add(String.format(Locale.ROOT, "A  slots() August    %s; %d slots offered", inProcess, offered));
		summary.add(String.format(Locale.ROOT, "A  GET availability  %s; non-200 = %d", overHttp, failed));
	}

	private static void addDentistsAndRooms(ClinicAdministration administration, ClinicCatalog catalog) {
		ClinicSnapshot clinic = catalog.snapshot();
		for (int i = dentists(clinic).size() + 1; i <= DENTISTS; i++) {
			administration.createProvider(new ProviderDraft("bench-dentist-" + i, "Dr. Bench " + i,
					ProviderRole.DENTIST, "DDS", "Benchmark dentist.", true, benchHours(i), benchBreaks(i)));
		}
		addOperatories(administration, catalog, OPERATORIES);
	}

	private static void addOperatories(ClinicAdministration administration, ClinicCatalog catalog, int total) {
		for (int i = catalog.snapshot().activeOperatories().size() + 1; i <= total; i++) {
			administration.createOperatory("op-" + i, "Operatory " + i, true);
		}
	}

	/**
	 * Even-numbered dentists also work Saturday mornings; odd-numbered ones take the late
	 * Wednesday shift.
	 */
	private static WeeklyHours benchHours(int number) {
		Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			days.put(day, List.of(TimeRange.of("08:00", "17:00")));
		}
		if (number % 2 == 0) {
			days.put(DayOfWeek.SATURDAY, List.of(TimeRange.of("09:00", "13:00")));
		}
		else {
			days.put(DayOfWeek.WEDNESDAY, List.of(TimeRange.of("10:00", "19:00")));
		}
		return new WeeklyHours(days);
	}

	private static WeeklyHours benchBreaks(int number) {
		TimeRange lunch = number % 2 == 0 ? TimeRange.of("12:00", "13:00") : TimeRange.of("12:30", "13:30");
		Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			days.put(day, List.of(lunch));
		}
		return new WeeklyHours(days);
	}

	/**
	 * Books {@link #EXISTING_APPOINTMENTS} as staff, in rounds of one appointment per
	 * dentist and day at a random free time with a rotating service, so the schedule
	 * fills evenly and fragments like a real one. August first; later days only take what
	 * August cannot.
	 */
	private static int bookExisting(Booking booking, Availability availability, ClinicSnapshot clinic) {
		List<ProviderInfo> dentists = dentists(clinic);
		List<ServiceInfo> services = clinic.services()
			.stream()
			.filter(service -> service.active() && service.canBeDoneBy(ProviderRole.DENTIST))
			.toList();
		List<LocalDate> august = MONTH_START.plusDays(4).datesUntil(MONTH_END.plusDays(1)).toList();
		List<LocalDate> september = MONTH_END.plusDays(1).datesUntil(MONTH_END.plusDays(31)).toList();
		Random random = new Random(42);
		Set<String> full = new HashSet<>();
		int created = 0;
		int refused = 0;
		for (List<LocalDate> days : List.of(august, september)) {
			boolean progress = true;
			while (progress && created < EXISTING_APPOINTMENTS) {
				progress = false;
				for (LocalDate day : days) {
					for (ProviderInfo dentist : dentists) {
						if (created == EXISTING_APPOINTMENTS || full.contains(day + dentist.id())) {
							continue;
						}
						Optional<Slot> slot = Optional.empty();
						ServiceInfo service = null;
						for (int turn = 0; turn < services.size() && slot.isEmpty(); turn++) {
							service = services.get((created + turn) % services.size());
							List<Slot> free = availability.slots(service, day, day, Optional.of(dentist.id()));
							slot = free.isEmpty() ? Optional.empty()
									: Optional.of(free.get(random.nextInt(free.size())));
						}
						if (slot.isEmpty()) {
							full.add(day + dentist.id());
							continue;
						}
						Booking.Outcome outcome = booking.book(new Booking.BookRequest("Existing Patient " + created,
								"existing-" + created + "@bench.example", null, null, null, service.id(),
								slot.get().start(), Optional.of(dentist.id()), Optional.empty(), null,
								CreatedFrom.MANUAL_ADMIN, null, null, null, null));
						if (outcome instanceof Booking.Done) {
							created++;
							progress = true;
						}
						else {
							refused++;
							System.out.println("A: staff booking refused: " + outcome);
						}
					}
				}
			}
		}
		if (refused > 0) {
			System.out.println("A: " + refused + " staff bookings of free slots were refused");
		}
		return created;
	}

	static double systemLoad() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	static List<ProviderInfo> dentists(ClinicSnapshot clinic) {
		return clinic.activeProviders().stream().filter(provider -> provider.role() == ProviderRole.DENTIST).toList();
	}

	/**
	 * Pairs of live appointments that share a provider or an operatory and whose occupied
	 * times (start to end plus buffer) overlap. Two intervals overlap exactly when the
	 * later one starts before the earlier one ends; counting each pair from its earlier
	 * start (ties broken by id) keeps the join a range scan on starts_at.
	 */
	static int doubleBookings(JdbcTemplate jdbc) {
		String pairs = """
				select a.id as first_id, b.id as second_id from appointment a
				join appointment b on b.%1$s = a.%1$s and b.status <> 'CANCELLED'
				 and b.starts_at >= a.starts_at
				 and b.starts_at < a.starts_at + (a.duration_minutes + a.buffer_minutes) * interval '1' minute
				 and (b.starts_at > a.starts_at or a.id < b.id)
				where a.status <> 'CANCELLED'""";
		Integer count = jdbc.queryForObject("select count(*) from (" + pairs.formatted("provider_id") + " union "
				+ pairs.formatted("operatory_id") + ") overlapping", Integer.class);
		return count == null ? 0 : count;
	}

	private static void printSummary(Database database, ZonedDateTime startedAt, List<String> lines) {
		String rule = "=".repeat(100);
		System.out.println();
		System.out.println(rule);
		System.out.println("SmileDesk scheduling benchmark  |  database: " + database.label);
		System.out.println(rule);
		System.out.println("run at               " + startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				+ "  (took " + Duration.between(startedAt, ZonedDateTime.now()).toSeconds() + " s)");
		System.out.println("JDK                  " + System.getProperty("java.vm.vendor") + " "
				+ System.getProperty("java.vm.name") + " " + Runtime.version());
		System.out.println("cores                " + Runtime.getRuntime().availableProcessors() + " ("
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
		System.out.println("application clock    " + NOW + " (fixed)");
		lines.forEach(System.out::println);
		System.out.println(rule);
	}

	enum Database {

		H2("H2", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa"), POSTGRES("PostgreSQL",
				"jdbc:postgresql://127.0.0.1:5432/smiledesk_bench?reWriteBatchedInserts=true", "postgres");

		final String label;

		private final String url;

		private final String username;

		Database(String label, String url, String username) {
			this.label = label;
			this.url = url;
			this.username = username;
		}

		static Database of(String name) {
			return switch (name.toLowerCase(Locale.ROOT)) {
				case "h2" -> H2;
				case "postgres", "postgresql" -> POSTGRES;
				default -> throw new IllegalArgumentException("benchmark.db must be h2 or postgres, not " + name);
			};
		}

		void recreate() throws Exception {
			if (this != POSTGRES) {
				return;
			}
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
					username, ""); Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists smiledesk_bench with (force)");
				statement.execute("create database smiledesk_bench");
			}
		}

		String serverVersion(JdbcTemplate jdbc) {
			return label + " " + jdbc.queryForObject(this == POSTGRES ? "show server_version" : "select h2version()",
					String.class);
		}

	}

}
