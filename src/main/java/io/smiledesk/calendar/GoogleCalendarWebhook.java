package io.smiledesk.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.smiledesk.system.ApiProblem;

import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Google's push notifications: a header-only POST naming the channel. The channel's token
 * proves it is ours; the answer is immediate and the sync runs in the background, since
 * Google retries slow answers.
 */
@RestController
class GoogleCalendarWebhook {

	private final CalendarLinks links;

	private final CalendarImport imports;

	private final TaskExecutor executor;

	GoogleCalendarWebhook(CalendarLinks links, CalendarImport imports, TaskExecutor applicationTaskExecutor) {
		this.links = links;
		this.imports = imports;
		this.executor = applicationTaskExecutor;
	}

	@PostMapping("/api/v1/webhooks/google-calendar")
	ResponseEntity<Void> notified(@RequestHeader(name = "X-Goog-Channel-ID", required = false) String channelId,
			@RequestHeader(name = "X-Goog-Resource-State", required = false) String state,
			@RequestHeader(name = "X-Goog-Channel-Token", required = false) String token) {
		Optional<CalendarLinks.Link> link = channelId == null ? Optional.empty() : links.ofChannel(channelId);
		if (link.isEmpty()) {
			throw ApiProblem.notFound("calendar-channel", "No such notification channel.");
		}
		if (token == null || link.get().channelToken() == null
				|| !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
						link.get().channelToken().getBytes(StandardCharsets.UTF_8))) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "calendar-channel-token", "Forbidden",
					"The channel token does not match.");
		}
		// "sync" only announces the channel; "exists" and "not_exists" mean something
		// changed
		if (!"sync".equals(state)) {
			String providerId = link.get().providerId();
			executor.execute(() -> imports.sync(providerId));
		}
		return ResponseEntity.ok().build();
	}

}
