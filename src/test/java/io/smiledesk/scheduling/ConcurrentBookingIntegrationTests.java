package io.smiledesk.scheduling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.Json;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many clients over real HTTP at once: whatever the interleaving, overlapping
 * appointments never both commit.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "smiledesk.demo.fake-patients=0", "smiledesk.security.password-hash-cost=4" })
class ConcurrentBookingIntegrationTests {

	static final int CLIENTS = 100;

	static ExecutorService pool;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	SlotClaims claims;

	@Autowired
	PlatformTransactionManager transactions;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(32);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@BeforeEach
	void reset() {
		data.reset();
	}

	@Test
	void exactlyOneOfAHundredBookingsOfTheSameSlotWins() throws Exception {
		List<Integer> statuses = race(CLIENTS, i -> Json.booking("Patient " + i, "p" + i + "@example.com", null,
				"2025-08-20T14:00:00Z", "teeth_whitening", "dr-maria-lopez"), null);

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(CLIENTS - 1);
		assertThat(data.count("appointment")).isEqualTo(1);
		assertThat(data.count("patient")).as("losers leave no patient behind").isEqualTo(1);
		assertNoOverlaps();
	}

	@Test
	void overlappingStartsForOneProviderYieldOneAppointment() throws Exception {
		// 10:00, 10:15, 10:30, 10:45 for 60 minutes plus buffer: every pair overlaps
		String[] starts = { "2025-08-20T14:00:00Z", "2025-08-20T14:15:00Z", "2025-08-20T14:30:00Z",
				"2025-08-20T14:45:00Z" };
		List<Integer> statuses = race(CLIENTS, i -> Json.booking("Patient " + i, "p" + i + "@example.com", null,
				starts[i % starts.length], "teeth_whitening", "dr-maria-lopez"), null);

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(statuses).allMatch(status -> status == 201 || status == 409);
		assertThat(data.count("appointment")).isEqualTo(1);
		assertNoOverlaps();
	}

	@Test
	void bookingsWithoutAProviderFillEachFreeDentistAndChairOnce() throws Exception {
		// Wednesday 10:00: three dentists work (Lopez, Patel; Chen starts at 11:00) and
		// three chairs exist
		List<Integer> statuses = race(60, i -> Json.booking("Patient " + i, "p" + i + "@example.com", null,
				"2025-08-20T14:00:00Z", "teeth_whitening", null), null);

		long booked = statuses.stream().filter(status -> status == 201).count();
		assertThat(booked).isEqualTo(2);
		assertThat(statuses).allMatch(status -> status == 201 || status == 409);
		assertThat(data.count("appointment")).isEqualTo(2);
		assertNoOverlaps();
	}

	@Test
	void twoDentistsBookedAtOnceBothGetARoom() throws Exception {
		// In each round one patient per dentist books the same time: both evaluations see
		// the same free room, and
		// the loser of that room must take another one rather than give up. 18 rounds,
		// all fired at once.
		String[] days = { "2025-08-19", "2025-08-20", "2025-08-21", "2025-08-26", "2025-08-27", "2025-08-28" };
		String[] times = { "12:00", "13:15", "14:30" };
		String[] dentists = { "dr-maria-lopez", "dr-aisha-patel" };
		int rounds = days.length * times.length;
		List<Integer> statuses = race(rounds * 2, i -> {
			int round = i / 2;
			String start = days[round / times.length] + "T" + times[round % times.length] + ":00Z";
			return Json.booking("Patient " + i, "p" + i + "@example.com", null, start, "teeth_whitening",
					dentists[i % 2]);
		}, null);

		assertThat(statuses).as("every booking had a dentist and a room free").containsOnly(201);
		assertThat(data.count("appointment")).isEqualTo(rounds * 2);
		assertNoOverlaps();
	}

	@Test
	void concurrentRetriesWithOneIdempotencyKeyCreateOneAppointment() throws Exception {
		String request = Json.booking("Ana", "ana@example.com", null, "2025-08-21T14:00:00Z", "filling", null);
		List<HttpResponse<String>> responses = raceResponses(20, i -> request, "same-key");

		assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(201));
		assertThat(responses.stream()
			.map(response -> Json.field(response.body(), "appointment_id"))
			.collect(Collectors.toSet())).hasSize(1);
		assertThat(data.count("appointment")).isEqualTo(1);
	}

	@Test
	void theDatabaseItselfRefusesOverlappingClaims() {
		// Bypass every application check: two overlapping placements written straight
		// through the claim table.
		UUID first = insertAppointmentRow("2025-08-20T14:00:00Z");
		UUID second = insertAppointmentRow("2025-08-20T14:30:00Z");
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		Instant now = Instant.parse("2025-08-04T12:00:00Z");

		transaction.executeWithoutResult(status -> claims.claimForAppointment(first,
				placement("dr-maria-lopez", "op-1", "2025-08-20T14:00:00Z"), now));

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> claims.claimForAppointment(second,
				placement("dr-maria-lopez", "op-2", "2025-08-20T14:30:00Z"), now)))
			.isInstanceOf(SlotClaims.SlotTakenException.class);
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> claims.claimForAppointment(second,
				placement("dr-james-chen", "op-1", "2025-08-20T14:30:00Z"), now)))
			.isInstanceOf(SlotClaims.SlotTakenException.class);
		transaction.executeWithoutResult(status -> claims.claimForAppointment(second,
				placement("dr-james-chen", "op-2", "2025-08-20T14:30:00Z"), now));
	}

	// --- helpers

	interface Body {

		String of(int client);

	}

	List<Integer> race(int clients, Body body, String idempotencyKey) throws Exception {
		return raceResponses(clients, body, idempotencyKey).stream().map(HttpResponse::statusCode).toList();
	}

	List<HttpResponse<String>> raceResponses(int clients, Body body, String idempotencyKey) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> futures = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			int client = i;
			Callable<HttpResponse<String>> call = () -> {
				HttpRequest.Builder request = HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/appointments/book"))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body.of(client)));
				if (idempotencyKey != null) {
					request.header("Idempotency-Key", idempotencyKey);
				}
				start.await();
				return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			};
			futures.add(pool.submit(call));
		}
		start.countDown();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (Future<HttpResponse<String>> future : futures) {
			responses.add(future.get());
		}
		return responses;
	}

	/** No two live appointments share a provider or an operatory at any moment. */
	void assertNoOverlaps() {
		List<Map<String, Object>> rows = data.jdbc()
			.queryForList("select provider_id, operatory_id, starts_at, duration_minutes, buffer_minutes "
					+ "from appointment where status <> 'CANCELLED'");
		for (int i = 0; i < rows.size(); i++) {
			for (int j = i + 1; j < rows.size(); j++) {
				Map<String, Object> a = rows.get(i);
				Map<String, Object> b = rows.get(j);
				boolean shared = get(a, "provider_id").equals(get(b, "provider_id"))
						|| get(a, "operatory_id").equals(get(b, "operatory_id"));
				if (shared) {
					assertThat(start(a).isBefore(end(b)) && start(b).isBefore(end(a))).as("%s overlaps %s", a, b)
						.isFalse();
				}
			}
		}
	}

	UUID insertAppointmentRow(String start) {
		UUID patient = UUID.randomUUID();
		data.jdbc()
			.update("insert into patient (id, name, email, patient_type, preferred_channel, created_at, updated_at) "
					+ "values (?, 'X', ?, 'NEW', 'EMAIL', current_timestamp, current_timestamp)", patient,
					patient + "@example.com");
		UUID id = UUID.randomUUID();
		data.jdbc()
			.update("insert into appointment (id, patient_id, provider_id, operatory_id, service_id, starts_at, "
					+ "duration_minutes, buffer_minutes, status, created_from, created_at, updated_at) values "
					+ "(?, ?, 'dr-maria-lopez', 'op-1', 'teeth_whitening', ?, 60, 15, 'BOOKED', 'MANUAL_ADMIN', "
					+ "current_timestamp, current_timestamp)", id, patient, BusyTimesLoader.utc(Instant.parse(start)));
		return id;
	}

	static Placement placement(String provider, String operatory, String start) {
		return new Placement(provider, operatory, Instant.parse(start), Duration.ofMinutes(60), Duration.ofMinutes(15));
	}

	static Object get(Map<String, Object> row, String column) {
		return Json.value(row, column);
	}

	static Instant start(Map<String, Object> row) {
		Object value = row.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase("starts_at"))
			.findFirst()
			.orElseThrow()
			.getValue();
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		return ((java.sql.Timestamp) value).toInstant();
	}

	static Instant end(Map<String, Object> row) {
		int minutes = Integer.parseInt(String.valueOf(get(row, "duration_minutes")))
				+ Integer.parseInt(String.valueOf(get(row, "buffer_minutes")));
		return start(row).plus(Duration.ofMinutes(minutes));
	}

}
