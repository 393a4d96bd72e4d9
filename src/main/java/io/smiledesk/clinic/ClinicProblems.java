package io.smiledesk.clinic;

import java.util.EnumMap;
import java.util.Map;

import io.smiledesk.system.ApiProblem;

/**
 * The REST API's reading of {@link SetupRefused}: the domain's fields as the API's JSON
 * paths, in this one place.
 */
final class ClinicProblems {

	private static final Map<SetupRefused.Field, String> JSON = new EnumMap<>(SetupRefused.Field.class);

	static {
		JSON.put(SetupRefused.Field.SLOT_INTERVAL, "booking_rules.slot_interval_minutes");
		JSON.put(SetupRefused.Field.BOOKING_HORIZON, "booking_rules.max_booking_horizon_days");
		JSON.put(SetupRefused.Field.HOLD_TIME, "booking_rules.hold_minutes");
		JSON.put(SetupRefused.Field.CURRENCY, "currency");
		JSON.put(SetupRefused.Field.CLOSURE_END, "ends_on");
		JSON.put(SetupRefused.Field.TIME_OFF_END, "ends_at");
		JSON.put(SetupRefused.Field.NAME, "name");
		JSON.put(SetupRefused.Field.LANGUAGES, "languages");
		JSON.put(SetupRefused.Field.DURATION, "duration_minutes");
		JSON.put(SetupRefused.Field.BUFFER, "buffer_minutes");
		JSON.put(SetupRefused.Field.PROVIDER_ROLES, "provider_roles");
	}

	private ClinicProblems() {
	}

	static ApiProblem of(SetupRefused refused) {
		return switch (refused.kind()) {
			case INVALID -> ApiProblem.invalidField(jsonPath(refused.field().orElseThrow()), refused.getMessage());
			case NOT_FOUND -> ApiProblem.notFound(refused.subject(), refused.getMessage());
			case CONFLICT -> ApiProblem.conflict(refused.subject(), refused.getMessage());
		};
	}

	static String jsonPath(SetupRefused.Field field) {
		return JSON.get(field);
	}

}
