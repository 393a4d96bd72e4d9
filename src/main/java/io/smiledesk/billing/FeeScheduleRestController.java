package io.smiledesk.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The fee schedule: everyone reads it, managers set fees (as they set prices). */
@RestController
class FeeScheduleRestController {

	private final FeeSchedule fees;

	FeeScheduleRestController(FeeSchedule fees) {
		this.fees = fees;
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/fees", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<BillingJson.FeeJson>> list() {
		return Map.of("fees", fees.all().stream().map(BillingJson.FeeJson::of).toList());
	}

	record FeeChangeJson(@NotNull BigDecimal amount) {
	}

	@PreAuthorize(Access.MANAGERS)
	@PutMapping(path = "/api/v1/admin/fees/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	BillingJson.FeeJson change(@PathVariable String code, @Valid @RequestBody FeeChangeJson body) {
		FeeSchedule.Change change = fees.change(code, body.amount());
		if (change instanceof FeeSchedule.Change.Changed changed) {
			return BillingJson.FeeJson.of(changed.fee());
		}
		if (change instanceof FeeSchedule.Change.Invalid invalid) {
			throw ApiProblem.invalidField(invalid.field(), invalid.reason());
		}
		throw ApiProblem.notFound("procedure", "No procedure with code " + code + " in the fee schedule.");
	}

}
