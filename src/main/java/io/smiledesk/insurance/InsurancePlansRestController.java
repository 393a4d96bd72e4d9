package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carriers and their plans: every member of staff reads, the front office adds and
 * corrects them.
 */
@RestController
class InsurancePlansRestController {

	private final InsurancePlans plans;

	InsurancePlansRestController(InsurancePlans plans) {
		this.plans = plans;
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/insurance/carriers", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<InsuranceJson.CarrierJson>> carriers() {
		return Map.of("carriers",
				plans.carriers()
					.stream()
					.map(carrier -> InsuranceJson.CarrierJson.of(carrier, plans.plansOf(carrier.id())))
					.toList());
	}

	record CarrierRequest(@NotBlank @Size(max = 120) String name, @Size(max = 40) String payerId) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/insurance/carriers", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	InsuranceJson.CarrierJson addCarrier(@Valid @RequestBody CarrierRequest body) {
		return InsuranceJson.CarrierJson.of(InsuranceJson.unwrap(plans.addCarrier(body.name(), body.payerId())),
				List.of());
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PutMapping(path = "/api/v1/admin/insurance/carriers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.CarrierJson changeCarrier(@PathVariable UUID id, @Valid @RequestBody CarrierRequest body) {
		Carrier carrier = InsuranceJson.unwrap(plans.changeCarrier(id, body.name(), body.payerId()));
		return InsuranceJson.CarrierJson.of(carrier, plans.plansOf(carrier.id()));
	}

	record PercentRequest(@NotNull @Min(0) @Max(100) Integer preventive, @NotNull @Min(0) @Max(100) Integer basic,
			@NotNull @Min(0) @Max(100) Integer major, @NotNull @Min(0) @Max(100) Integer orthodontic) {
	}

	/**
	 * The benefit year's month as a decimal, so that 7.5 is refused rather than read as
	 * 7.
	 */
	record PlanRequest(@NotBlank @Size(max = 120) String name, @Size(max = 40) String groupNumber,
			@NotNull BigDecimal annualMaximum, @NotNull BigDecimal deductible,
			@NotNull @Valid PercentRequest coveragePercent,
			@Digits(integer = 2, fraction = 0) @Min(1) @Max(12) BigDecimal benefitYearStartMonth) {

		InsurancePlans.Terms terms() {
			return new InsurancePlans.Terms(annualMaximum, deductible, coveragePercent.preventive(),
					coveragePercent.basic(), coveragePercent.major(), coveragePercent.orthodontic(),
					benefitYearStartMonth == null ? null : benefitYearStartMonth.intValueExact());
		}

	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/insurance/carriers/{id}/plans", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	InsuranceJson.PlanJson addPlan(@PathVariable UUID id, @Valid @RequestBody PlanRequest body) {
		return InsuranceJson.PlanJson
			.of(InsuranceJson.unwrap(plans.addPlan(id, body.name(), body.groupNumber(), body.terms())));
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PutMapping(path = "/api/v1/admin/insurance/plans/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.PlanJson changePlan(@PathVariable UUID id, @Valid @RequestBody PlanRequest body) {
		return InsuranceJson.PlanJson
			.of(InsuranceJson.unwrap(plans.changePlan(id, body.name(), body.groupNumber(), body.terms())));
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/insurance/plans/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.PlanJson plan(@PathVariable UUID id) {
		return plans.plan(id)
			.map(InsuranceJson.PlanJson::of)
			.orElseThrow(() -> ApiProblem.notFound("plan", "No plan with id " + id + "."));
	}

}
