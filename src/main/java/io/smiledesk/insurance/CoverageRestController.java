package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smiledesk.billing.BilledVisits;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.payment.Money;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's coverages (everyone reads, the front office records them) and estimates for
 * planned procedures or a billed visit.
 */
@RestController
class CoverageRestController {

	private final Coverages coverages;

	private final Estimates estimates;

	private final BilledVisits visits;

	private final ClinicCatalog catalog;

	private final java.time.Clock clock;

	CoverageRestController(Coverages coverages, Estimates estimates, BilledVisits visits, ClinicCatalog catalog,
			java.time.Clock clock) {
		this.coverages = coverages;
		this.estimates = estimates;
		this.visits = visits;
		this.catalog = catalog;
		this.clock = clock;
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/insurance/patients/{id}/coverages", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<InsuranceJson.CoverageJson>> list(@PathVariable UUID id) {
		return Map.of("coverages",
				coverages.ofPatient(id)
					.orElseThrow(() -> ApiProblem.notFound("patient", "No patient with id " + id + "."))
					.coverages()
					.stream()
					.map(InsuranceJson.CoverageJson::of)
					.toList());
	}

	record SubscriberRequest(@NotBlank @Size(max = 40) String memberId, @NotBlank @Size(max = 120) String name,
			@Past LocalDate dateOfBirth) {
	}

	record CoverageRequest(@NotNull UUID planId, @NotNull @Valid SubscriberRequest subscriber,
			@NotBlank @Pattern(regexp = "primary|secondary", message = "must be primary or secondary") String priority,
			@NotBlank @Pattern(regexp = "self|spouse|child|other",
					message = "must be self, spouse, child or other") String relationship,
			@NotNull LocalDate effectiveOn, LocalDate endsOn) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/insurance/patients/{id}/coverages", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	InsuranceJson.CoverageJson add(@PathVariable UUID id, @Valid @RequestBody CoverageRequest body) {
		SubscriberRequest subscriber = body.subscriber();
		return InsuranceJson.CoverageJson.of(InsuranceJson.unwrap(coverages.add(id,
				new Coverages.NewCoverage(body.planId(),
						new Coverages.NewSubscriber(subscriber.memberId(), subscriber.name(), subscriber.dateOfBirth()),
						Coverage.Priority.valueOf(body.priority().toUpperCase(java.util.Locale.ROOT)),
						Coverage.Relationship.valueOf(body.relationship().toUpperCase(java.util.Locale.ROOT)),
						body.effectiveOn(), body.endsOn()))));
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@DeleteMapping(path = "/api/v1/admin/insurance/patients/{id}/coverages/{coverage}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable UUID id, @PathVariable UUID coverage) {
		InsuranceJson.unwrap(coverages.remove(id, coverage));
	}

	record EndRequest(@NotNull LocalDate endsOn) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/insurance/patients/{id}/coverages/{coverage}/end",
			produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.CoverageJson end(@PathVariable UUID id, @PathVariable UUID coverage,
			@Valid @RequestBody EndRequest body) {
		return InsuranceJson.CoverageJson.of(InsuranceJson.unwrap(coverages.end(id, coverage, body.endsOn())));
	}

	record ProcedureRequest(@NotBlank @Size(max = 64) String code, @NotNull BigDecimal fee) {
	}

	/**
	 * @param invoiceId a billed visit, whose charges are estimated; else the planned
	 * procedures
	 */
	record EstimateRequest(@NotNull UUID patientId, LocalDate serviceDate, UUID invoiceId,
			@Size(max = 50) List<@NotNull @Valid ProcedureRequest> procedures) {
	}

	@PreAuthorize(Access.ANY_STAFF)
	@PostMapping(path = "/api/v1/admin/insurance/estimates", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.EstimateJson estimate(@Valid @RequestBody EstimateRequest body) {
		String currency = catalog.snapshot().profile().currency();
		List<BenefitEstimator.Procedure> procedures;
		LocalDate day = body.serviceDate();
		if (body.invoiceId() != null) {
			BilledVisits.BilledVisit visit = visits.ofInvoice(body.invoiceId())
				.filter(found -> found.patientId().equals(body.patientId()))
				.orElseThrow(() -> ApiProblem.notFound("invoice", "No invoice with this id for the patient."));
			procedures = visit.charges()
				.stream()
				.map(charge -> new BenefitEstimator.Procedure(charge.code(), charge.fee()))
				.toList();
			day = visit.visitAt().atZone(catalog.snapshot().zone()).toLocalDate();
		}
		else if (body.procedures() == null || body.procedures().isEmpty()) {
			throw ApiProblem.invalidField("procedures", "must name at least one procedure, or give invoice_id");
		}
		else {
			procedures = new java.util.ArrayList<>();
			for (int i = 0; i < body.procedures().size(); i++) {
				ProcedureRequest procedure = body.procedures().get(i);
				procedures.add(new BenefitEstimator.Procedure(procedure.code(), fee(procedure.fee(), currency, i)));
			}
		}
		if (day == null) {
			day = clock.instant().atZone(catalog.snapshot().zone()).toLocalDate();
		}
		if (!coverages.knows(body.patientId())) {
			throw ApiProblem.notFound("patient", "No patient with id " + body.patientId() + ".");
		}
		LocalDate on = day;
		Optional<Estimates.Estimated> estimated = estimates.estimate(body.patientId(), on, body.invoiceId(),
				procedures);
		return estimated.map(found -> InsuranceJson.EstimateJson.of(body.patientId(), on, found))
			.orElseThrow(() -> ApiProblem.conflict("no-coverage",
					"The patient has no coverage in " + currency + " on " + on + "."));
	}

	private static Money fee(BigDecimal amount, String currency, int index) {
		try {
			Money fee = Money.exact(amount, currency);
			if (fee.signum() < 0) {
				throw ApiProblem.invalidField("procedures[" + index + "].fee", "must not be negative");
			}
			return fee;
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("procedures[" + index + "].fee", ex.getMessage());
		}
	}

}
