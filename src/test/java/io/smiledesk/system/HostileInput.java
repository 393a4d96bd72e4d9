package io.smiledesk.system;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

/**
 * Hostile parts of HTTP requests for {@link PublicApiFuzzIntegrationTests}: field values,
 * JSON bodies broken in the ways a client can break them, path segments and query values.
 * Values come from jqwik arbitraries, every draw from one seeded {@link Random}, so a
 * seed gives the same inputs on every run. A string the caller forbids (a real patient's
 * email or phone) is never produced.
 */
final class HostileInput {

	/** {@code smiledesk.api.max-request-bytes}. */
	static final int BODY_LIMIT = 65_536;

	/**
	 * Values that have broken other applications: injection, templates, traversal,
	 * encodings, lookalikes.
	 */
	static final List<String> NASTY = List.of("' OR 1=1 --", "' OR '1'='1", "'; drop table patient; --",
			"\"; drop table appointment; --", "1; delete from slot_claim",
			"' union select email, phone from patient --", "admin'--", "%' and 1=0 union select null --",
			"'||pg_sleep(5)||'", "1' waitfor delay '0:0:5'--", "<script>alert(1)</script>",
			"\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
			"${jndi:ldap://127.0.0.1/a}", "${env:SMILEDESK_DATABASE_PASSWORD}", "${7*7}", "#{7*7}", "{{7*7}}",
			"<%= 7*7 %>", "%s%s%s%n", "%x%x%x", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/dev/zero",
			"file:///etc/passwd", "\u0000", "a\u0000b", "\u0000' OR 1=1 --", "\r\nX-Injected: 1", "\n\n\n",
			"\u202Egnp.exe", "\u200B", "\uFEFF", "\u00AD", "\u2028\u2029", "e\u0301\u0301\u0301\u0301\u0301",
			"\uD83E\uDDB7\uD83E\uDDB7", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83E", "\uDDB7",
			"\uFFFF", "\uFFFE", "\u0130stanbul", "\u0131", "\uFDFA", "\uD835\uDD7F\uD835\uDD8A",
			"\u0627\u0644\u0633\u0644\u0627\u0645", "\u4F60\u597D", "null", "NULL", "undefined", "NaN", "-0", "1e309",
			"true", "[]", "{}", "\\", "\"", "'", "%00", "%2e%2e%2f", "%ZZ", "+", " ", "\t", "", "\u3000",
			"dr-maria-lopez\u0000", "DR-MARIA-LOPEZ", " filling ", "Filling\u0301", "teeth_whitening' --",
			"2025-08-20T14:00:00Z' --", "00000000-0000-0000-0000-000000000000");

	/**
	 * Byte sequences that are not UTF-8: bad starts, lone continuations, overlongs,
	 * surrogates, above U+10FFFF.
	 */
	static final List<byte[]> INVALID_UTF8 = List.of(bytes(0xC3, 0x28), bytes(0xA0, 0xA1), bytes(0xE2, 0x28, 0xA1),
			bytes(0xE2, 0x82, 0x28), bytes(0xF0, 0x28, 0x8C, 0xBC), bytes(0xF8, 0xA1, 0xA1, 0xA1, 0xA1),
			bytes(0xFC, 0xA1, 0xA1, 0xA1, 0xA1, 0xA1), bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF),
			bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xFF), bytes(0xFE),
			bytes(0x80), bytes(0xC3), bytes(0xE2, 0x82), bytes(0xC0, 0x80));

	/**
	 * Date-times a client could send: impossible, out of range, odd offsets and zones,
	 * other formats, prose.
	 */
	static final List<String> BAD_DATE_TIMES = List.of("2025-02-30T10:00:00Z", "2025-02-29T10:00", "2025-13-01T10:00",
			"2025-00-10T10:00", "2025-08-32T10:00", "2025-08-20T24:00", "2025-08-20T23:60", "2025-08-20T10:00:60Z",
			"2025-08-20T10:00:00+18:00", "2025-08-20T10:00:00-18:00", "2025-08-20T10:00:00+18:01",
			"2025-08-20T10:00:00+25:00", "2025-08-20T10:00:00+14:00", "2025-08-20T10:00:00-12:00",
			"2025-08-20T10:00:00+05:45", "2025-08-20T10:00:00+00:00:30", "2025-08-20T10:00:00 EST",
			"2025-08-20T10:00:00[America/New_York]", "2025-08-20T10:00:00-04:00[Europe/Paris]",
			"2025-08-20T10:00:00Z[Mars/Olympus_Mons]", "2025-08-20T10:00:00.000000001Z", "2025-08-20T10:00:00.5Z",
			"2025-08-20 10:00", "2025-08-20", "10:00", "20250820T1000Z", "2025-W34-3T10:00", "2025-232T10:00",
			"1755698400", "-1", "0", "next tuesday", "tomorrow at 10", "2025-08-20T10:00:00z", "2025-08-20t10:00:00Z",
			"+999999999-12-31T23:55:00Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:55",
			"-999999999-01-01T00:00", "+1000000000-01-01T00:00:00Z", "9999-12-31T23:55:00Z", "10000-01-01T10:00:00Z",
			"+10000-01-01T10:00:00Z", "0000-01-01T10:00:00Z", "-0001-01-01T10:00:00Z", "1970-01-01T00:00:00Z",
			"1900-01-01T10:00", "2038-01-19T03:15:00Z", "2100-01-01T10:00", "+294276-12-31T23:55:00Z",
			"-4713-11-24T00:00:00Z", "2025-03-09T02:30", "2025-11-02T01:30", "2025-08-04T11:55:00Z", "2025-08-04T07:55",
			"2025-08-01T14:00:00Z", "2025-12-03T15:00:00Z", "2025-08-24T14:00:00Z", "2025-08-20T10:00:00Z",
			"2025-08-20T14:02:00Z", "2025-08-20T14:00:30Z");

	/** Instants at the ends of what java.time and the databases can hold. */
	static final List<String> EXTREME_DATE_TIMES = List.of("+999999999-12-31T23:55:00Z", "-999999999-01-01T00:00:00Z",
			"+999999999-12-31T23:55", "-999999999-01-01T00:00", "+999999999-12-31T23:55:00-18:00",
			"-999999999-01-01T00:00:00+18:00", "+294276-12-31T23:55:00Z", "+294277-01-01T10:00:00Z",
			"-4713-11-24T00:00:00Z", "-4714-11-24T00:00:00Z", "9999-12-31T23:55:00Z", "0000-01-01T10:00:00Z",
			"-0001-12-31T10:00:00Z", "+10000-01-01T10:00:00Z", "+100000-01-01T10:00");

	/** Calendar dates (date_of_birth, from, to): impossible, far away, other formats. */
	static final List<String> BAD_DATES = List.of("2025-02-30", "2024-02-30", "2023-02-29", "2025-13-01", "2025-00-01",
			"2025-08-32", "2025-8-1", "20250801", "2025/08/01", "01/08/2025", "0000-01-01", "9999-12-31", "-999-01-01",
			"+9999-1-1", "1895-01-01", "1800-01-01", "2025-08-04", "2025-08-05", "2030-01-01", "1990-04-23",
			"1990-04-23T00:00", "yesterday", "2025-W32", "2025-08", "2025", "", " ", "2025-08-04\u0000",
			"\u0662\u0660\u0662\u0665-08-04");

	private final Random random;

	private final Predicate<String> forbidden;

	private final Map<Arbitrary<?>, RandomGenerator<?>> generators = new IdentityHashMap<>();

	private final Arbitrary<String> nasty = Arbitraries.of(NASTY);

	private final Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40);

	private final Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(60);

	private final Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(8);

	private final Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(6, nasty), Tuple.of(3, unicode),
			Tuple.of(2, ascii), Tuple.of(1, controls),
			Tuple.of(3, Combinators.combine(nasty, unicode, nasty).as((a, b, c) -> a + b + c)),
			Tuple.of(1, Combinators.combine(ascii, controls, nasty).as((a, b, c) -> a + b + c)));

	private final Arbitrary<String> number = Arbitraries.frequencyOf(
			Tuple.of(3, Arbitraries.integers().map(String::valueOf)),
			Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
			Tuple.of(2,
					Arbitraries.bigIntegers()
						.between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
						.map(BigInteger::toString)),
			Tuple.of(2, Arbitraries.doubles().map(String::valueOf)),
			Tuple.of(2, Arbitraries.of("0", "-0", "-1", "1e309", "-1e309", "1E+2", "1.0e-400", "0.1", "12.5",
					"9223372036854775808", "-9223372036854775809", "2147483648", "1e999999999", "0123", "+1", ".5",
					"0x10", "Infinity", "-Infinity", "NaN", "1_000", "5".repeat(2_000), "9".repeat(999))));

	private final Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_048);

	HostileInput(long seed, Predicate<String> forbidden) {
		this.random = new Random(seed);
		this.forbidden = forbidden;
	}

	// --- choices

	int nextInt(int bound) {
		return random.nextInt(bound);
	}

	boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

	<T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	@SafeVarargs
	final <T> T pick(T... values) {
		return values[random.nextInt(values.length)];
	}

	UUID uuid() {
		return new UUID(random.nextLong(), random.nextLong());
	}

	@SuppressWarnings("unchecked")
	private <T> T draw(Arbitrary<T> arbitrary) {
		RandomGenerator<T> generator = (RandomGenerator<T>) generators.computeIfAbsent(arbitrary,
				key -> key.generatorWithEmbeddedEdgeCases(1_000));
		return generator.next(random).value();
	}

	// --- strings

	/** A hostile string of any length up to a few hundred characters. */
	String text() {
		return draw(text);
	}

	/**
	 * A string about as long as a {@code @Size(max = limit)} field allows: just below,
	 * at, just above, or far above.
	 */
	String around(int limit) {
		int length = switch (random.nextInt(5)) {
			case 0 -> limit;
			case 1 -> limit + 1;
			case 2 -> Math.max(0, limit - 1);
			case 3 -> limit * 2 + random.nextInt(50);
			default -> limit + 1 + random.nextInt(10_000);
		};
		String unit = pick("x", "'", "\u00E9", "\uD83E\uDDB7", "e\u0301", "' OR 1=1 --", "\u0000", "<", "\\\"");
		StringBuilder out = new StringBuilder(length + 16);
		while (out.length() < length) {
			out.append(unit);
		}
		return out.substring(0, length);
	}

	String number() {
		return draw(number);
	}

	String badDateTime() {
		return switch (random.nextInt(4)) {
			case 0 -> pick(EXTREME_DATE_TIMES);
			case 1, 2 -> pick(BAD_DATE_TIMES);
			default -> impossibleDateTime();
		};
	}

	String badDate() {
		if (chance(0.6)) {
			return pick(BAD_DATES);
		}
		return "%04d-%02d-%02d".formatted(random.nextInt(10_000), random.nextInt(15), random.nextInt(34));
	}

	/**
	 * Fields each drawn from a range a little wider than the valid one, with an odd
	 * offset or zone now and then.
	 */
	private String impossibleDateTime() {
		String date = "%04d-%02d-%02dT%02d:%02d".formatted(1990 + random.nextInt(60), random.nextInt(14),
				random.nextInt(33), random.nextInt(26), random.nextInt(62));
		return date + pick("", "Z", ":00Z", ":59Z", "-04:00", ":00+14:00", ":00-18:00", "+19:00", "[UTC]", " ");
	}

	// --- JSON

	/**
	 * Raw JSON for a field: a hostile string, a string around the limit, a number, a
	 * boolean, null, array, object.
	 */
	String jsonValue(int limit) {
		return switch (random.nextInt(20)) {
			case 0, 1, 2, 3, 4, 5, 6, 7 -> jsonString(text());
			case 8, 9 -> jsonString(around(limit));
			case 10, 11 -> number();
			case 12 -> pick("true", "false");
			case 13 -> "null";
			case 14 -> "[" + jsonString(text()) + "," + number() + "]";
			case 15 -> pick("[]", "{}", "[null]", "[[]]");
			case 16 -> "{" + jsonString(text()) + ":" + jsonString(text()) + "}";
			case 17 -> nested(1 + random.nextInt(64));
			case 18 -> pick("NaN", "undefined", "'single'", "tru", "nul", "\"unterminated", "\"bad \\x41 escape\"",
					"\"bad \\u00 escape\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"raw \u0001 control\"");
			default -> jsonString(text() + text());
		};
	}

	/** Arrays or objects nested {@code depth} deep. */
	String nested(int depth) {
		boolean arrays = random.nextBoolean();
		return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
	}

	/**
	 * A JSON string literal for {@code value}: quotes, backslashes and control characters
	 * escaped, lone surrogates as {@code \\uXXXX}, other characters now raw and now
	 * escaped. A forbidden value is replaced by a stranger's email.
	 */
	String jsonString(String value) {
		String safe = guard(value);
		boolean escapeAll = random.nextInt(4) == 0;
		StringBuilder out = new StringBuilder(safe.length() + 2).append('"');
		for (int i = 0; i < safe.length(); i++) {
			char c = safe.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20
					|| Character.isSurrogate(c) && !wellFormedPairAt(safe, i) && !wellFormedPairAt(safe, i - 1)
					|| escapeAll && c > 0x7E) {
				out.append("\\u%04x".formatted((int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private static boolean wellFormedPairAt(String text, int index) {
		return index >= 0 && index + 1 < text.length() && Character.isHighSurrogate(text.charAt(index))
				&& Character.isLowSurrogate(text.charAt(index + 1));
	}

	/**
	 * The value, unless it would act as the protected patient: then a stranger's address.
	 */
	String guard(String value) {
		return forbidden.test(value) ? "mallory@example.com" : value;
	}

	// --- bodies

	/**
	 * A body to send instead of the JSON one: how a client can break JSON, bytes,
	 * encodings and sizes.
	 */
	Body brokenBody(String json) {
		byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
		return switch (random.nextInt(16)) {
			case 0 -> Body.json("truncated", json.substring(0, random.nextInt(Math.max(1, json.length()))));
			case 1 -> Body.json("invalid UTF-8", withInvalidUtf8(utf8));
			case 2 -> Body.json("random bytes", draw(randomBytes));
			case 3 -> Body.json("empty", new byte[0]);
			case 4 -> new Body("wrong content type", utf8, pick(WRONG_CONTENT_TYPES), true, null);
			case 5 -> new Body("no content type", utf8, null, true, null);
			case 6 -> Body.json("not an object", pick("[]", "[" + json + "]", "\"" + json.length() + "\"", "42", "null",
					"true", "\"\"", "{}", "{\"\":\"\"}", "[{}]"));
			case 7 -> Body.json("broken syntax",
					pick(json + "}", json + json, json + " trailing", json + ",", json.replaceFirst("\"", "'"),
							json.replace(":", "="), json.replace(",", ",,"), "/* comment */" + json, "\uFEFF" + json,
							json.replaceFirst("\\{", "{\"a\":1,,"), json.replaceFirst("\\{", "{a:1,"),
							json.replace("\"", "")));
			case 8 -> Body.json("nested 5000 deep", nested(5_000));
			case 9 -> Body.json("nested 5000 deep in a field", json.replaceFirst(":", ":" + nested(5_000) + ",\"x\":"));
			case 10 -> overLimit(json, true);
			case 11 -> overLimit(json, false);
			case 12 -> atLimit(json, random.nextBoolean());
			case 13 -> new Body("other charset", json.getBytes(StandardCharsets.UTF_16),
					pick("application/json;charset=UTF-16", "application/json;charset=UTF-8",
							"application/json;charset=ISO-8859-1"),
					true, null);
			case 14 -> Body.json("control bytes", withControlBytes(utf8));
			default -> Body.json("huge number", json.replaceFirst(":", ":" + "9".repeat(20_000) + ",\"x\":"));
		};
	}

	/**
	 * Content types a JSON endpoint must refuse or cope with. Not
	 * {@code "application/json; charset="}: Tomcat reads it without a charset, but
	 * MockMvc's filter decorator throws on it before the application sees the request.
	 */
	static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "text/plain;charset=UTF-8", "application/xml",
			"text/html", "application/x-www-form-urlencoded", "multipart/form-data; boundary=----fuzz",
			"application/octet-stream", "application/json; charset=UTF-16", "application/json; charset=UTF-32",
			"application/json; charset=nope", "application/json;;;", "application/jsonp", "json", "*/*",
			"application/*", "", "application/problem+json", "application/merge-patch+json", "application/vnd.api+json",
			"APPLICATION/JSON", "application/json; boundary=\"x\"", "application/x-ndjson", "application/json; q=0",
			"text/json", "/", "application/", "; charset=UTF-8", "application/json\tx");

	/**
	 * A request with a long unknown field that takes it just over the limit (declared, or
	 * read without a length).
	 */
	private Body overLimit(String json, boolean declared) {
		int size = BODY_LIMIT + 1 + random.nextInt(random.nextBoolean() ? 16 : 200_000);
		byte[] body = padded(json, size);
		return new Body((declared ? "declared" : "undeclared") + " body over the limit (" + size + " bytes)", body,
				"application/json", declared, Expectation.TOO_LARGE);
	}

	/** Exactly at the limit: must be read like any other body. */
	private Body atLimit(String json, boolean declared) {
		byte[] body = padded(json, BODY_LIMIT);
		return new Body((declared ? "declared" : "undeclared") + " body of " + body.length + " bytes", body,
				"application/json", declared, body.length == BODY_LIMIT ? Expectation.NOT_TOO_LARGE : null);
	}

	/**
	 * {@code {"padding":"xxx…",…}}: the padding inside a value, so that a parser has to
	 * read all of it.
	 */
	private static byte[] padded(String json, int size) {
		byte[] head = "{\"padding\":\"".getBytes(StandardCharsets.UTF_8);
		String rest = json.startsWith("{") ? json.substring(1) : json;
		byte[] tail = ("\"" + (rest.equals("}") || !json.startsWith("{") ? "}" : "," + rest))
			.getBytes(StandardCharsets.UTF_8);
		int padding = Math.max(0, size - head.length - tail.length);
		byte[] body = new byte[head.length + padding + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		java.util.Arrays.fill(body, head.length, head.length + padding, (byte) 'x');
		System.arraycopy(tail, 0, body, head.length + padding, tail.length);
		return body;
	}

	private byte[] withInvalidUtf8(byte[] json) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 8);
		// inside a string value when there is one, else anywhere
		int at = indexAfterValueQuote(json);
		if (at < 0 || random.nextInt(3) == 0) {
			at = random.nextInt(json.length + 1);
		}
		out.write(json, 0, at);
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			out.writeBytes(pick(INVALID_UTF8));
		}
		out.write(json, at, json.length - at);
		return out.toByteArray();
	}

	private int indexAfterValueQuote(byte[] json) {
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i + 1 < json.length; i++) {
			if (json[i] == ':' && json[i + 1] == '"') {
				candidates.add(i + 2);
			}
		}
		return candidates.isEmpty() ? -1 : pick(candidates);
	}

	private byte[] withControlBytes(byte[] json) {
		byte[] copy = json.clone();
		int count = 1 + random.nextInt(4);
		for (int i = 0; i < count && copy.length > 0; i++) {
			copy[random.nextInt(copy.length)] = (byte) random.nextInt(0x20);
		}
		return copy;
	}

	// --- URLs

	/**
	 * Percent-encodes every byte of the UTF-8 form except unreserved characters, as a
	 * browser would.
	 */
	String encode(String value) {
		byte[] utf8 = guard(value).getBytes(StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(utf8.length * 3);
		for (byte b : utf8) {
			int c = b & 0xFF;
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
					|| c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return out.toString();
	}

	/**
	 * An id for a path: not a UUID, a UUID in odd spellings, traversal, encoded
	 * separators and NULs.
	 */
	String pathId(String realId) {
		return switch (random.nextInt(12)) {
			case 0 -> encode(text());
			case 1 -> encode(around(36));
			case 2 -> pick("..", "%2e%2e", "..%2F..%2Fclinic", "%2E%2E%2F%2E%2E%2Fservices", ".", "%00", "%20", "null",
					"undefined", "0", "-1", "1e3", "true", "%7B%7D", "%5B%5D", "*", "%2A", "~", "a;b=c", "%25",
					realId + ";jsessionid=x", realId + "%00", realId + "%2F", realId + "%20");
			case 3 -> realId.toUpperCase(java.util.Locale.ROOT);
			case 4 -> realId.replace("-", "");
			case 5 -> realId.substring(0, 35);
			case 6 -> realId + "0";
			case 7 -> pick("1-1-1-1-1", "0-0-0-0-0", "00000000-0000-0000-0000-000000000000",
					"ffffffff-ffff-ffff-ffff-ffffffffffff", "%7B" + realId + "%7D", "urn:uuid:" + realId, "-1-1-1-1-1",
					"1-1-1-1-1-1", "123e4567-e89b-12d3-a456-4266141740000");
			case 8 -> encode(NASTY.get(random.nextInt(NASTY.size())));
			default -> uuid().toString();
		};
	}

	/**
	 * A query value: numbers out of range or not numbers, dates, injection, encodings.
	 */
	String queryValue() {
		return switch (random.nextInt(8)) {
			case 0, 1 -> text();
			case 2 -> number();
			case 3 -> badDate();
			case 4 -> around(pick(10, 64, 120));
			case 5 -> pick("-1", "0", "13", "999999999999", "2147483648", "-2147483649", " 8", "8 ", "0x8", "08",
					"\u0668", "\uFF18", "+8", "8.0", "1e1", "", "%", "&", "=", "#");
			default -> String.valueOf(random.nextInt(3_000) - 500);
		};
	}

	// --- raw request targets

	/**
	 * Escapes no browser sends: truncated, not hex, not UTF-8 once decoded (overlong,
	 * surrogate, stray bytes). MockMvc cannot carry them (it decodes the URI itself), so
	 * they go over a socket in {@link RawHttpErrorsIntegrationTests}.
	 */
	static final List<String> BROKEN_ESCAPES = List.of("%~d", "%zz", "%", "%2", "%G1", "%%", "%u0041", "%-1", "%+1",
			"%E0%A4%A", "%C3%28", "%FF", "%C0%AF", "%ED%A0%80", "%F8%A1%A1%A1%A1", "%C3");

	/**
	 * Characters Tomcat refuses unencoded in a request target (sent as one byte each).
	 */
	static final List<String> RAW_REFUSED = List.of("{", "}", "|", "\"", "<", ">", "\\", "^", "`", "\u00e9", "\u00ff",
			"\u007f", "\u0000");

	/**
	 * A request target for {@code path} that Tomcat or the application must refuse: a
	 * broken escape or a refused raw character, in the query (name or value) or in the
	 * path, around otherwise ordinary parameters.
	 */
	String brokenTarget(String path, List<String> names) {
		String bad = chance(0.7) ? pick(BROKEN_ESCAPES) : pick(RAW_REFUSED);
		String name = pick(names);
		String value = String.valueOf(nextInt(13));
		return switch (nextInt(5)) {
			case 0 -> path + "?" + name + "=" + bad;
			case 1 -> path + "?" + name + "=" + value + bad + "&year=2025";
			case 2 -> path + "?year=2025&" + name + bad + "=" + value;
			case 3 -> path + "/" + bad + "?" + name + "=" + value;
			default -> {
				int at = 1 + nextInt(path.length());
				yield path.substring(0, at) + bad + path.substring(at);
			}
		};
	}

	// --- types

	/**
	 * What a response to a body must be, besides not a 5xx: refused as too large, or not
	 * refused as too large.
	 */
	enum Expectation {

		TOO_LARGE("413 for a body over the limit") {
			@Override
			boolean test(int status) {
				return status == 413;
			}
		},
		/**
		 * A body over the limit that declares no length is only refused once that much is
		 * read; a JSON reader that fails on the content before then answers 400, writing
		 * nothing either way.
		 */
		TOO_LARGE_OR_INVALID("413 (or 400 when the content fails before the limit is read)") {
			@Override
			boolean test(int status) {
				return status == 413 || status == 400;
			}
		},
		NOT_TOO_LARGE("no 413 for a body of exactly the limit") {
			@Override
			boolean test(int status) {
				return status != 413;
			}
		};

		final String description;

		Expectation(String description) {
			this.description = description;
		}

		abstract boolean test(int status);

	}

	/**
	 * Bytes to send, their Content-Type (null for none), and whether Content-Length is
	 * declared.
	 */
	record Body(String kind, byte[] bytes, String contentType, boolean declaredLength, Expectation expectation) {

		static Body json(String kind, String json) {
			return json(kind, json.getBytes(StandardCharsets.UTF_8));
		}

		static Body json(String kind, byte[] bytes) {
			return new Body(kind, bytes, "application/json", true, null);
		}

	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
