package io.smiledesk.conversation;

import io.smiledesk.system.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How long a patient's chat message may be ({@code smiledesk.chat.max-message-length},
 * 10,000 characters by default): patients paste long messages, and the assistant reads
 * their beginning. Longer is too large (413), not malformed.
 */
@Component
class MessageLength {

	private final int max;

	MessageLength(@Value("${smiledesk.chat.max-message-length:10000}") int max) {
		if (max < 1) {
			throw new IllegalArgumentException("smiledesk.chat.max-message-length must be positive, not " + max);
		}
		this.max = max;
	}

	int max() {
		return max;
	}

	void check(String message) {
		if (message != null && message.length() > max) {
			throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "message-too-long", "Message too long",
					"A message may hold at most " + max + " characters; this one has " + message.length() + ".");
		}
	}

}
