package io.smiledesk.calendar;

import io.smiledesk.system.ApiProblem;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feed staff phones subscribe to. No login: the unguessable token in the path is the
 * proof, and a revoked or unknown one is answered like a missing page.
 */
@RestController
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final CalendarFeeds feeds;

	private final FeedWriter writer;

	CalendarFeedController(CalendarFeeds feeds, FeedWriter writer) {
		this.feeds = feeds;
		this.writer = writer;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		CalendarFeeds.Feed feed = feeds.opened(token)
			.orElseThrow(() -> ApiProblem.notFound("calendar-feed", "There is no calendar feed at this address."));
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex")
			.body(writer.write(feed));
	}

}
