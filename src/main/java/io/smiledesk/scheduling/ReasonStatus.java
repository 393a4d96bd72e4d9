package io.smiledesk.scheduling;

import org.springframework.http.HttpStatus;

/**
 * The HTTP status of a refused scheduling request, for the REST API and the console pages
 * alike: the one place a {@link Reason.Kind} becomes a status.
 */
public final class ReasonStatus {

	private ReasonStatus() {
	}

	public static HttpStatus of(Reason reason) {
		return switch (reason.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_ALLOWED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
	}

}
