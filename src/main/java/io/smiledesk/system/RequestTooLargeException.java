package io.smiledesk.system;

import java.io.IOException;

/**
 * Thrown while reading a request body that exceeds
 * {@code smiledesk.api.max-request-bytes}.
 */
class RequestTooLargeException extends IOException {

	RequestTooLargeException(long limit) {
		super("The request body exceeds the limit of " + limit + " bytes.");
	}

}
