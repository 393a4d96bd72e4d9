package io.smiledesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.OperatoryInfo;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Slot;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario B: public bookings over HTTP from {@value #CLIENTS} clients on a clean
 * schedule. Most requests target distinct free slots that cannot conflict with each
 * other; a share races in groups of {@value #GROUP} for one slot, of which exactly one
 * may win. Afterwards SQL must show no overlapping appointments.
 */
final class BookingLoad {

	private static final int CLIENTS = 32;

	/**
	 * Enough for the JIT to settle: with 400 the throughput still rose by a third during
	 * the measured run.
	 */
	private static final int WARM_UP_REQUESTS = 3000;

	private static final int REQUESTS = Integer.getInteger("benchmark.requests", 6_000);

	private static final double CONTESTED_SHARE = 0.10;

	private static final int GROUP = 4;

	/**
	 * Short dentist services, so the 90-day horizon holds enough distinct slots for the
	 * run.
	 */
	private static final List<String> SERVICES = List.of("crown_consultation", "emergency_exam", "filling");

	private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([^\"]+)\"");

	private final Availability availability;

	private final ClinicSnapshot clinic;

	private final JdbcTemplate jdbc;

	private final HttpClient http;

	private final URI bookUri;

	BookingLoad(Availability availability, ClinicSnapshot clinic, JdbcTemplate jdbc, HttpClient http, String baseUrl) {
		this.availability = availability;
		this.clinic = clinic;
		this.jdbc = jdbc;
		this.http = http;
		this.bookUri = URI.create(baseUrl + "/api/v1/appointments/book");
	}

	/**
	 * One provider at one time for one service; {@code occupiedUntil} includes the
	 * buffer.
	 */
	record Target(Instant start, Instant occupiedUntil, String providerId, String serviceId) {
	}

	record Request(Target target, boolean contested, String name, String email) {
	}

	/** {@code finished} is a {@link System#nanoTime()} reading. */
	record Result(int status, long nanos, long finished, String reason, String body) {
	}

	record Run(List<Result> results, long began, long elapsed) {
	}

	void run(List<String> summary) throws Exception {
		clearSchedule();
		List<Target> pool = freeTargets();
		System.out.printf("B: %d distinct non-overlapping free slots over the booking horizon, %d rooms%n", pool.size(),
				clinic.activeOperatories().size());

		List<Result> warmUp = send(plan(pool, WARM_UP_REQUESTS, new Random(1), "warm")).results();
		System.out.printf("B: warm-up %d requests, %d booked%n", warmUp.size(),
				warmUp.stream().filter(result -> result.status() == 201).count());
		clearSchedule();

		List<Request> plan = plan(pool, REQUESTS, new Random(2), "load");
		report(plan, send(plan), summary);
	}

	private void clearSchedule() {
		for (String table : List.of("slot_claim", "slot_hold", "idempotency_record", "appointment", "patient_treatment",
				"patient", "event_publication")) {
			jdbc.update("delete from " + table);
		}
	}

	/**
	 * Per dentist, free starts packed back to back from the empty schedule, rotating
	 * through the services.
	 */
	private List<Target> freeTargets() {
		LocalDate first = SchedulingBenchmark.NOW.atZone(clinic.zone()).toLocalDate();
		LocalDate last = SchedulingBenchmark.NOW.plus(clinic.rules().horizon()).atZone(clinic.zone()).toLocalDate();
		List<ServiceInfo> services = SERVICES.stream().map(id -> clinic.service(id).orElseThrow()).toList();
		List<Target> targets = new ArrayList<>();
		for (ProviderInfo dentist : SchedulingBenchmark.dentists(clinic)) {
			TreeMap<Instant, List<ServiceInfo>> fitting = new TreeMap<>();
			for (ServiceInfo service : services) {
				for (Slot slot : availability.slots(service, first, last, Optional.of(dentist.id()))) {
					fitting.computeIfAbsent(slot.start(), start -> new ArrayList<>()).add(service);
				}
			}
			Instant free = Instant.MIN;
			int turn = 0;
			for (Map.Entry<Instant, List<ServiceInfo>> candidate : fitting.entrySet()) {
				if (candidate.getKey().isBefore(free)) {
					continue;
				}
				ServiceInfo preferred = services.get(turn++ % services.size());
				ServiceInfo service = candidate.getValue().contains(preferred) ? preferred
						: candidate.getValue().get(0);
				free = candidate.getKey().plus(service.duration()).plus(service.buffer());
				targets.add(new Target(candidate.getKey(), free, dentist.id(), service.id()));
			}
		}
		return targets;
	}

	/**
	 * Shuffled, so that requests in flight together are spread over days and dentists;
	 * each contested slot is asked for by {@value #GROUP} consecutive requests, so they
	 * race.
	 */
	private static List<Request> plan(List<Target> pool, int requests, Random random, String prefix) {
		int groups = (int) Math.round(requests * CONTESTED_SHARE / GROUP);
		int unique = requests - groups * GROUP;
		if (pool.size() < unique + groups) {
			throw new IllegalStateException(
					"Only " + pool.size() + " free slots for " + (unique + groups) + " targets");
		}
		List<Target> shuffled = new ArrayList<>(pool);
		Collections.shuffle(shuffled, random);
		List<List<Target>> blocks = new ArrayList<>();
		for (int i = 0; i < unique; i++) {
			blocks.add(List.of(shuffled.get(i)));
		}
		for (int i = unique; i < unique + groups; i++) {
			blocks.add(Collections.nCopies(GROUP, shuffled.get(i)));
		}
		Collections.shuffle(blocks, random);
		List<Request> plan = new ArrayList<>(requests);
		for (List<Target> block : blocks) {
			for (Target target : block) {
				int number = plan.size();
				plan.add(new Request(target, block.size() > 1, "Load Patient " + number,
						prefix + "-" + number + "@bench.example"));
			}
		}
		return plan;
	}

	private Run send(List<Request> plan) throws Exception {
		Result[] results = new Result[plan.size()];
		AtomicInteger next = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		long began = System.nanoTime();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				running.add(clients.submit(() -> {
					for (int index = next.getAndIncrement(); index < plan.size(); index = next.getAndIncrement()) {
						results[index] = book(plan.get(index));
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			clients.shutdownNow();
		}
		return new Run(List.of(results), began, System.nanoTime() - began);
	}

	private Result book(Request request) {
		Target target = request.target();
		String body = "{\"name\":\"" + request.name() + "\",\"email\":\"" + request.email()
				+ "\",\"appointment_date\":\"" + target.start() + "\",\"service_name\":\"" + target.serviceId()
				+ "\",\"provider_id\":\"" + target.providerId() + "\"}";
		HttpRequest post = HttpRequest.newBuilder(bookUri)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long began = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
			long finished = System.nanoTime();
			Matcher reason = REASON.matcher(response.body());
			return new Result(response.statusCode(), finished - began, finished, reason.find() ? reason.group(1) : null,
					response.body());
		}
		catch (IOException ex) {
			return new Result(-1, System.nanoTime() - began, System.nanoTime(), ex.toString(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, System.nanoTime() - began, System.nanoTime(), ex.toString(), null);
		}
	}

	private void report(List<Request> plan, Run run, List<String> summary) {
		List<Result> results = run.results();
		double seconds = run.elapsed() / 1e9;
		List<Booked> booked = booked();
		List<String> rooms = clinic.activeOperatories().stream().map(OperatoryInfo::id).toList();
		Map<Integer, Integer> statuses = new TreeMap<>();
		Map<String, Integer> reasons = new TreeMap<>();
		Map<String, Integer> uncontestedReasons = new TreeMap<>();
		Map<Target, Integer> winners = new HashMap<>();
		List<String> oddities = new ArrayList<>();
		List<String> needlessExamples = new ArrayList<>();
		List<Long> all = new ArrayList<>();
		List<Long> created = new ArrayList<>();
		List<Long> refused = new ArrayList<>();
		int uncontestedRefusals = 0;
		int needless = 0;
		for (int i = 0; i < results.size(); i++) {
			Request request = plan.get(i);
			Result result = results.get(i);
			statuses.merge(result.status(), 1, Integer::sum);
			all.add(result.nanos());
			if (request.contested()) {
				winners.merge(request.target(), result.status() == 201 ? 1 : 0, Integer::sum);
			}
			if (result.status() == 201) {
				created.add(result.nanos());
			}
			else if (result.status() == 409) {
				refused.add(result.nanos());
				reasons.merge(String.valueOf(result.reason()), 1, Integer::sum);
				if (!request.contested()) {
					uncontestedRefusals++;
					uncontestedReasons.merge(String.valueOf(result.reason()), 1, Integer::sum);
					if (needless(request.target(), booked, rooms)) {
						needless++;
						if (needlessExamples.isEmpty()) {
							needlessExamples.add(request.target() + " -> " + result.body());
						}
					}
				}
			}
			else if (oddities.size() < 5) {
				oddities.add(result.status() + " " + request + " -> " + result.body() + " " + result.reason());
			}
		}
		int ok = statuses.getOrDefault(201, 0);
		int conflicts = statuses.getOrDefault(409, 0);
		int other = results.size() - ok - conflicts;
		long oneWinner = winners.values().stream().filter(count -> count == 1).count();
		long severalWinners = winners.values().stream().filter(count -> count > 1).count();
		List<Target> unwon = winners.entrySet()
			.stream()
			.filter(entry -> entry.getValue() == 0)
			.map(Map.Entry::getKey)
			.toList();
		long unwonNeedless = unwon.stream().filter(target -> needless(target, booked, rooms)).count();
		Integer appointments = jdbc.queryForObject("select count(*) from appointment", Integer.class);
		Integer patients = jdbc.queryForObject("select count(*) from patient", Integer.class);
		int overlaps = SchedulingBenchmark.doubleBookings(jdbc);

		Latencies latency = new Latencies(toArray(all));
		String byThirds = thirds(run);
		System.out.printf(Locale.ROOT, "B: %d requests from %d clients in %.2f s; statuses %s%n", results.size(),
				CLIENTS, seconds, statuses);
		System.out.printf("B: all latency %s%n", latency);
		System.out.printf(Locale.ROOT, "B: requests/s by thirds of the run %s (a falling rate means bookings slow "
				+ "down as the schedule fills)%n", byThirds);
		System.out.printf("B: 201 latency %s%n", new Latencies(toArray(created)));
		System.out.printf("B: 409 latency %s%n", new Latencies(toArray(refused)));
		System.out.printf("B: 409 reasons %s%n", reasons);
		System.out.printf("B: 409 on uncontested slots %d %s, of which %d needless (dentist and a room still free "
				+ "for the whole time after the run)%n", uncontestedRefusals, uncontestedReasons, needless);
		needlessExamples.forEach(example -> System.out.println("B:   e.g. " + example));
		System.out.printf(
				"B: contested slots %d: exactly one winner %d, several winners %d, no winner %d (%d of them "
						+ "still free after the run)%n",
				winners.size(), oneWinner, severalWinners, unwon.size(), unwonNeedless);
		oddities.forEach(line -> System.out.println("B: unexpected status " + line));
		System.out.printf("B: appointments in DB = %d (201s = %d), patients = %d, double bookings = %d%n", appointments,
				ok, patients, overlaps);

		summary.add(String.format(Locale.ROOT,
				"B  booking load       %d clients, %d requests (%d%% in contested groups "
						+ "of %d), %d dentists, %d rooms, in %.2f s",
				CLIENTS, results.size(), Math.round(CONTESTED_SHARE * 100), GROUP,
				SchedulingBenchmark.dentists(clinic).size(), rooms.size(), seconds));
		summary.add(String.format(Locale.ROOT,
				"B  throughput         %.1f bookings/s (201), %.1f requests/s " + "(by thirds of the run: %s)",
				ok / seconds, results.size() / seconds, byThirds));
		summary.add(
				String.format(Locale.ROOT, "B  latency            p50 %.2f ms, p99 %.2f ms, max %.2f ms (all requests)",
						latency.median(), latency.p99(), latency.max()));
		summary.add(String.format(Locale.ROOT, "B  statuses           201 = %d, 409 = %d, other = %d", ok, conflicts,
				other));
		summary.add(String.format(Locale.ROOT, "B  409 uncontested    %d %s, needless %d", uncontestedRefusals,
				uncontestedReasons, needless));
		summary.add(String.format(Locale.ROOT,
				"B  contested slots    %d: one winner %d, several %d, none %d (still free " + "%d)", winners.size(),
				oneWinner, severalWinners, unwon.size(), unwonNeedless));
		summary.add(String.format(Locale.ROOT,
				"B  database check     appointments = %d, patients = %d, double bookings = %d", appointments, patients,
				overlaps));
	}

	/** A live appointment as it stands after the run. */
	private record Booked(String providerId, String operatoryId, Instant start, Instant occupiedUntil) {

		boolean overlaps(Target target) {
			return start.isBefore(target.occupiedUntil()) && target.start().isBefore(occupiedUntil);
		}

	}

	private List<Booked> booked() {
		return jdbc.query("""
				select provider_id, operatory_id, starts_at, duration_minutes + buffer_minutes from appointment
				where status <> 'CANCELLED'""", (rs, row) -> {
			Instant start = rs.getObject(3, OffsetDateTime.class).toInstant();
			return new Booked(rs.getString(1), rs.getString(2), start, start.plusSeconds(60L * rs.getInt(4)));
		});
	}

	/**
	 * A refusal was needless when, even after the run, the dentist and some room are free
	 * for the whole time: appointments are only added during the run, so both were free
	 * when the request was refused.
	 */
	private static boolean needless(Target target, List<Booked> booked, List<String> rooms) {
		List<Booked> overlapping = booked.stream().filter(appointment -> appointment.overlaps(target)).toList();
		return overlapping.stream().noneMatch(appointment -> appointment.providerId().equals(target.providerId()))
				&& rooms.stream()
					.anyMatch(room -> overlapping.stream()
						.noneMatch(appointment -> appointment.operatoryId().equals(room)));
	}

	private static String thirds(Run run) {
		long[] finished = run.results().stream().mapToLong(Result::finished).sorted().toArray();
		List<String> rates = new ArrayList<>();
		long from = run.began();
		for (int third = 1; third <= 3; third++) {
			int first = (third - 1) * finished.length / 3;
			int last = third * finished.length / 3 - 1;
			rates.add(String.format(Locale.ROOT, "%.1f", (last - first + 1) / ((finished[last] - from) / 1e9)));
			from = finished[last];
		}
		return String.join(" / ", rates);
	}

	private static long[] toArray(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).toArray();
	}

}
