package io.smiledesk.test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Small helpers for writing request bodies and reading responses and rows in tests. */
public final class Json {

	private Json() {
	}

	/** {@code "key":"value"} or {@code "key":null}, quotes in the value escaped. */
	public static String pair(String key, String value) {
		return "\"" + key + "\":" + (value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"");
	}

	/** A public booking request body. */
	public static String booking(String name, String email, String phone, String date, String service) {
		return booking(name, email, phone, date, service, null);
	}

	public static String booking(String name, String email, String phone, String date, String service,
			String provider) {
		return "{" + pair("name", name) + "," + pair("email", email) + "," + pair("phone", phone) + ","
				+ pair("appointment_date", date) + "," + pair("service_name", service) + ","
				+ pair("provider_id", provider) + "}";
	}

	public static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	/** A top-level string field of a JSON object. */
	public static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
		assertThat(matcher.find()).as("field %s in %s", name, json).isTrue();
		return matcher.group(1);
	}

	/**
	 * A column of a row read with JdbcTemplate, as text, whatever case the database gave
	 * the column name.
	 */
	public static Object value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase(column))
			.map(Map.Entry::getValue)
			.map(String::valueOf)
			.findFirst()
			.orElseThrow();
	}

	public static ResultMatcher problemJson() {
		return content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
