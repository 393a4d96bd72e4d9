package io.smiledesk.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Managers hand out and revoke feed URLs: a feed shows patients' names and visits, so it
 * is a practice decision like other clinic set-up.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/calendar-feeds", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.MANAGERS)
class CalendarFeedAdminRestController {

	private final CalendarFeeds feeds;

	private final CalendarProperties properties;

	CalendarFeedAdminRestController(CalendarFeeds feeds, CalendarProperties properties) {
		this.feeds = feeds;
		this.properties = properties;
	}

	record CreateJson(@Size(max = 100) String providerId) {
	}

	record FeedJson(UUID feedId, String providerId, String createdBy, Instant createdAt, Instant revokedAt,
			boolean active) {

		static FeedJson of(CalendarFeeds.Feed feed) {
			return new FeedJson(feed.id(), feed.providerId(), feed.createdBy(), feed.createdAt(), feed.revokedAt(),
					feed.active());
		}

	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) @jakarta.validation.Valid CreateJson body,
			@AuthenticationPrincipal Jwt staff) {
		String providerId = body == null || body.providerId() == null || body.providerId().isBlank() ? null
				: body.providerId().strip();
		CalendarFeeds.Creation creation = feeds.create(providerId, staff == null ? null : staff.getSubject());
		if (creation instanceof CalendarFeeds.UnknownProvider unknown) {
			throw ApiProblem.invalidField("provider_id", "There is no provider '" + unknown.providerId() + "'.");
		}
		CalendarFeeds.Created created = ((CalendarFeeds.Made) creation).created();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("feed_id", created.feed().id(), "url", url(created.token()), "provider_id",
					providerId == null ? "" : providerId, "note",
					"The URL is shown once; keep it like a password. Revoke the feed if a phone is lost."));
	}

	@GetMapping
	Map<String, List<FeedJson>> list() {
		return Map.of("feeds", feeds.list().stream().map(FeedJson::of).toList());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID id) {
		if (!feeds.revoke(id)) {
			throw ApiProblem.notFound("calendar-feed", "There is no calendar feed " + id + ".");
		}
	}

	private String url(String token) {
		return feedUrl(properties, token);
	}

	/**
	 * The address phones subscribe to: under the public base URL, or the request's own
	 * when none is set. The console shows the same.
	 */
	static String feedUrl(CalendarProperties properties, String token) {
		String base = properties.publicBaseUrl();
		if (base == null || base.isBlank()) {
			base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		}
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/calendar/" + token + ".ics";
	}

}
