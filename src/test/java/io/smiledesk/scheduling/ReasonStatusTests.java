package io.smiledesk.scheduling;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal keeps the HTTP status it had when the reasons carried one: clients switch
 * on these.
 */
class ReasonStatusTests {

	static final Map<String, HttpStatus> STATUSES = Map.ofEntries(Map.entry("not-on-grid", HttpStatus.BAD_REQUEST),
			Map.entry("in-past", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("too-soon", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("too-far-ahead", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("clinic-closed", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("outside-opening-hours", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("no-qualified-provider", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("provider-not-qualified", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("provider-not-working", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("provider-on-break", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("provider-away", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("provider-busy", HttpStatus.CONFLICT), Map.entry("no-operatory-free", HttpStatus.CONFLICT),
			Map.entry("slot-taken", HttpStatus.CONFLICT), Map.entry("service-unknown", HttpStatus.NOT_FOUND),
			Map.entry("provider-unknown", HttpStatus.NOT_FOUND), Map.entry("patient-unknown", HttpStatus.NOT_FOUND),
			Map.entry("appointment-not-found", HttpStatus.NOT_FOUND),
			Map.entry("change-too-late", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("invalid-transition", HttpStatus.CONFLICT),
			Map.entry("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT),
			Map.entry("concurrent-change", HttpStatus.CONFLICT), Map.entry("patient-not-found", HttpStatus.NOT_FOUND),
			Map.entry("series-not-found", HttpStatus.NOT_FOUND), Map.entry("nothing-booked", HttpStatus.CONFLICT));

	@Test
	void everyReasonKeepsItsHttpStatus() {
		Stream.<Reason>concat(Stream.of(Unavailability.values()), Stream.of(Refusal.values()))
			.forEach(reason -> assertThat(ReasonStatus.of(reason)).as(reason.code())
				.isEqualTo(STATUSES.get(reason.code())));
		assertThat(Unavailability.values().length + Refusal.values().length).isEqualTo(STATUSES.size());
	}

}
