package io.smiledesk.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.ADMIN)
class AuditRestController {

	private final AuditTrail trail;

	AuditRestController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	AuditTrail.Page search(@RequestParam(name = "actor_id", required = false) @Size(max = 64) String actorId,
			@RequestParam(required = false) @Size(max = 60) String action,
			@RequestParam(name = "resource_type", required = false) @Size(max = 40) String resourceType,
			@RequestParam(name = "resource_id", required = false) @Size(max = 64) String resourceId,
			@RequestParam(required = false) @Size(max = 10) String outcome,
			@RequestParam(required = false) @Size(max = 40) String from,
			@RequestParam(required = false) @Size(max = 40) String to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		AuditEntry.Outcome wanted;
		try {
			wanted = outcome == null ? null : AuditEntry.Outcome.valueOf(outcome.toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("outcome", "must be success, failure or denied");
		}
		return trail.search(new AuditTrail.Filter(actorId, action, resourceType, resourceId, wanted,
				instant("from", from), instant("to", to)), page, size);
	}

	@GetMapping("/verify")
	AuditTrail.Verification verify() {
		return trail.verify();
	}

	private static Instant instant(String field, String value) {
		try {
			return value == null ? null : Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "must be an instant such as 2025-08-20T00:00:00Z");
		}
	}

}
