package io.smiledesk.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.smiledesk.test.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the real Tomcat parses before (or while) the application sees them, sent as
 * raw bytes over a socket (MockMvc skips Tomcat's parsing, and HTTP clients refuse to
 * send most of these): whatever the layer that refuses one, the answer is a 4xx problem
 * document, never a 500, Tomcat's HTML page, a stack trace or the server's version. The
 * same context as the other real-port tests, so no new one is started.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "smiledesk.demo.fake-patients=0", "smiledesk.security.password-hash-cost=4" })
class RawHttpErrorsIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/**
	 * Query strings with broken percent-encoding: Tomcat decodes them only when a
	 * parameter is first read (through Spring Security's firewalled request, by a
	 * controller or a template), and throws there.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/availability?month=%~d", "/api/v1/availability?month=%~d&year=2025",
			"/api/v1/clinic?x=%zz", "/api/v1/availability?month=%", "/api/v1/availability?month=8%2",
			"/api/v1/availability/slots?service=filling&from=%G1", "/api/v1/services?%zz=1",
			"/api/v1/availability?month=%E0%A4%A", "/api/v1/availability?month=%C3%28", "/api/v1/clinic?x=%FF",
			"/?x=%zz", "/login?x=%zz", "/console?x=%~d" })
	void brokenPercentEncodingInTheQueryIsABadRequest(String target) throws IOException {
		assertProblem(send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
	}

	/** A form body is parsed like a query string, when a parameter is first read. */
	@Test
	void brokenPercentEncodingInAFormBodyIsABadRequest() throws IOException {
		String body = "%ZZ=1&a=%";
		assertProblem(send("POST /api/v1/appointments/book HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
				+ body), 400);
	}

	/**
	 * Request targets Tomcat refuses itself, before any servlet: characters not allowed
	 * raw in a URI, broken or forbidden escapes in the path.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/clinic?x={", "/api/v1/clinic?x=}", "/api/v1/clinic?x=|", "/api/v1/clinic?x=\"",
			"/api/v1/clinic?x=<", "/api/v1/clinic?x=>", "/api/v1/clinic?x=\\", "/api/v1/clinic?x=^",
			"/api/v1/clinic?x=`", "/api/v1/{id}", "/api/v1/clinic|x", "/api/v1/<script>", "/api/v1/%~d",
			"/api/v1/clinic%zz", "/api/v1/clinic%", "/api/v1/clinic%2F..%2Fservices", "/api/v1/clinic%00",
			"/api/v1/clinic\u00e9", "/api/v1/clinic?x=\u00e9", "api/v1/clinic" })
	void targetsTomcatRefusesAreBadRequests(String target) throws IOException {
		assertProblem(send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
	}

	/** Broken request lines and headers, also refused before any servlet. */
	@ParameterizedTest
	@ValueSource(strings = { "GET /api/v1/clinic x HTTP/1.1\r\nHost: localhost\r\n",
			"GET /api/v1/clinic HTTP/1.1 x\r\nHost: localhost\r\n",
			"G{T /api/v1/clinic HTTP/1.1\r\nHost: localhost\r\n",
			"GET /api/v1/clinic HTTP/1.1\r\nHost: localhost\r\nBad Header: 1\r\n",
			"GET /api/v1/clinic HTTP/1.1\r\nHost: localhost\r\nBad{Header}: 1\r\n",
			"GET /api/v1/clinic HTTP/1.1\r\nHost: localhost\r\n: no name\r\n",
			"GET /api/v1/clinic HTTP/1.1\r\nHost: local host\r\n", "GET /api/v1/clinic HTTP/1.1\r\n",
			"GET /api/v1/clinic HTTP/1.1\r\nHost: localhost\r\nHost: other\r\n",
			"POST /api/v1/appointments/book HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n" })
	void brokenRequestLinesAndHeadersAreBadRequests(String head) throws IOException {
		assertProblem(send(head + "Connection: close\r\n\r\n"), 400);
	}

	/** Other statuses Tomcat answers itself are problems too. */
	@Test
	void whatTomcatDoesNotSupportIsAProblemToo() throws IOException {
		assertProblem(send("GET /api/v1/clinic HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 505);
		assertProblem(send("POST /api/v1/appointments/book HTTP/1.1\r\nHost: localhost\r\n"
				+ "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n"), 501);
	}

	/**
	 * What Spring Security's firewall refuses on the real server (path parameters,
	 * encoded dots, double slashes) stays a problem.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/clinic;x=1", "/api/v1/%2e%2e/api/v1/clinic", "//api/v1/clinic" })
	void whatTheFirewallRefusesIsABadRequest(String target) throws IOException {
		assertProblem(send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
	}

	@Test
	void anOversizedRequestHeaderIsAProblemToo() throws IOException {
		Response response = send("GET /api/v1/clinic HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isBetween(400, 499);
		assertProblem(response, response.status());
	}

	/**
	 * Seeded hostile targets on every public endpoint, as the fuzz test sends through
	 * MockMvc: none is a 5xx, each refusal a problem document.
	 */
	@Test
	void hostileTargetsOnEveryPublicEndpointAreProblems() throws IOException {
		HostileInput input = new HostileInput(PublicApiFuzzIntegrationTests.SEED, value -> false);
		List<String> names = List.of("month", "year", "service_id", "service", "from", "to", "provider", "x");
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < 300; i++) {
			PublicApiFuzzIntegrationTests.Endpoint endpoint = input
				.pick(PublicApiFuzzIntegrationTests.Endpoint.values());
			String target = input.brokenTarget(endpoint.path.replace("{id}", input.uuid().toString()), names);
			Response response = send(endpoint.method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Length: 0\r\nConnection: close\r\n\r\n");
			statuses.merge(response.status(), 1, Integer::sum);
			assertThat(response.status()).as(target + " -> " + response.describe()).isBetween(400, 499);
			assertProblem(response, response.status());
		}
		System.out.println("Raw hostile targets by status: " + statuses);
		assertThat(statuses).containsKey(400);
	}

	/** The valve answers only errors: a good request is untouched. */
	@Test
	void aGoodRequestIsAnsweredAsUsual() throws IOException {
		Response response = send("GET /api/v1/clinic HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("content-type")).startsWith("application/json");
	}

	private static void assertProblem(Response response, int status) {
		String raw = response.describe();
		assertThat(response.status()).as(raw).isEqualTo(status);
		assertThat(response.header("content-type")).as(raw).startsWith("application/problem+json");
		assertThat(response.header("server")).as(raw).isNull();
		assertThat(response.body()).as(raw)
			.doesNotContainIgnoringCase("<html")
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).as(raw).isEqualTo(status);
		assertThat(problem.path("title").asString()).as(raw).isNotBlank();
		assertThat(problem.path("detail").asString()).as(raw).isNotBlank();
		assertThat(problem.path("type").asString()).as(raw).startsWith(ApiProblem.TYPE_BASE);
	}

	/** Sends the bytes (ISO-8859-1, so that é goes as one raw byte) and reads to EOF. */
	private Response send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return Response.parse(socket.getInputStream().readAllBytes());
		}
	}

	record Response(int status, Map<String, String> headers, String body) {

		static Response parse(byte[] bytes) throws IOException {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as("a complete response head in: " + text).isPositive();
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = unchunk(body.getBytes(StandardCharsets.UTF_8));
			}
			return new Response(status, headers, body);
		}

		private static String unchunk(byte[] chunked) throws IOException {
			InputStream in = new java.io.ByteArrayInputStream(chunked);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			while (true) {
				StringBuilder size = new StringBuilder();
				for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
					size.append((char) c);
				}
				int length = Integer.parseInt(size.toString().trim(), 16);
				if (length == 0) {
					return out.toString(StandardCharsets.UTF_8);
				}
				out.write(in.readNBytes(length));
				in.readNBytes(2);
			}
		}

		String header(String name) {
			return headers.get(name);
		}

		String describe() {
			return status + " " + headers + "\n" + body;
		}

	}

}
