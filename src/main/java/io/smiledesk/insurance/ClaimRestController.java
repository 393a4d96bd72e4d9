package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Claims: everyone reads them (JSON, or the claim form as a PDF) and the aging report;
 * the front office creates them, moves them along and posts the insurer's payment.
 */
@RestController
class ClaimRestController {

	private final Claims claims;

	private final ClaimPayments payments;

	private final ClinicCatalog catalog;

	ClaimRestController(Claims claims, ClaimPayments payments, ClinicCatalog catalog) {
		this.claims = claims;
		this.payments = payments;
		this.catalog = catalog;
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/insurance/claims", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<InsuranceJson.ClaimJson>> list(@RequestParam(required = false) String status) {
		ClaimStatus wanted = status == null ? null : ClaimStatus.parse(status)
			.orElseThrow(() -> ApiProblem.invalidField("status", "must be unsent, sent, received, paid or denied"));
		LocalDate today = claims.today();
		return Map.of("claims",
				claims.all()
					.stream()
					.filter(view -> wanted == null || view.claim().status() == wanted)
					.map(view -> InsuranceJson.ClaimJson.of(view, today))
					.toList());
	}

	record ClaimRequest(@NotNull UUID appointmentId,
			@Pattern(regexp = "primary|secondary", message = "must be primary or secondary") String coverage) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/insurance/claims", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	InsuranceJson.ClaimJson create(@Valid @RequestBody ClaimRequest body) {
		Coverage.Priority priority = "secondary".equals(body.coverage()) ? Coverage.Priority.SECONDARY
				: Coverage.Priority.PRIMARY;
		return InsuranceJson.ClaimJson.of(InsuranceJson.unwrap(claims.create(body.appointmentId(), priority)),
				claims.today());
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/insurance/claims/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.ClaimJson read(@PathVariable UUID id) {
		return InsuranceJson.ClaimJson.of(find(id), claims.today());
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/insurance/claims/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return pdfResponse(find(id), claims, catalog);
	}

	static ResponseEntity<byte[]> pdfResponse(Claims.ClaimView view, Claims claims, ClinicCatalog catalog) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("claim-" + view.claim().id() + ".pdf").build().toString())
			.body(ClaimFormPdf.render(view, claims.patientName(view.claim().patientId()),
					catalog.snapshot().profile()));
	}

	/**
	 * @param status sent, received or denied; paid comes with the payment
	 * @param on the day it happened, today if left out
	 */
	record StatusRequest(@NotBlank String status, LocalDate on, @Size(max = 200) String reason) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/insurance/claims/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.ClaimJson status(@PathVariable UUID id, @Valid @RequestBody StatusRequest body) {
		ClaimStatus target = ClaimStatus.parse(body.status())
			.filter(status -> status == ClaimStatus.SENT || status == ClaimStatus.RECEIVED
					|| status == ClaimStatus.DENIED)
			.orElseThrow(() -> ApiProblem.invalidField("status",
					"must be sent, received or denied (post the payment to mark it paid)"));
		return InsuranceJson.ClaimJson.of(InsuranceJson.unwrap(claims.change(id, target, body.on(), body.reason())),
				claims.today());
	}

	record LineRequest(@NotNull UUID lineId, BigDecimal paid, BigDecimal writtenOff) {
	}

	record PaymentRequest(LocalDate paidOn, @Size(max = 100) String reference,
			@NotEmpty @Size(max = 50) List<@NotNull @Valid LineRequest> lines) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/insurance/claims/{id}/payments", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.ClaimJson pay(@PathVariable UUID id, @Valid @RequestBody PaymentRequest body) {
		List<ClaimPayments.LinePayment> lines = body.lines()
			.stream()
			.map(line -> new ClaimPayments.LinePayment(line.lineId(), line.paid(), line.writtenOff()))
			.toList();
		return InsuranceJson.ClaimJson
			.of(InsuranceJson.unwrap(payments.post(id, body.paidOn(), body.reference(), lines)), claims.today());
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/insurance/claims/aging", produces = MediaType.APPLICATION_JSON_VALUE)
	InsuranceJson.AgingJson aging() {
		String currency = catalog.snapshot().profile().currency();
		LocalDate today = claims.today();
		List<Claims.ClaimView> open = claims.open();
		Map<UUID, String> carriers = new java.util.HashMap<>();
		open.forEach(view -> carriers.put(view.claim().id(),
				view.coverage() == null ? null : view.coverage().carrier().name()));
		ClaimAging.Report report = ClaimAging.of(open.stream().map(Claims.ClaimView::claim).toList(), today, currency);
		return new InsuranceJson.AgingJson(today, currency, report.total().amount(), claims.unsent().size(),
				report.buckets()
					.stream()
					.map(bucket -> new InsuranceJson.AgingBucketJson(bucket.label(), bucket.claims().size(),
							bucket.total().amount(),
							bucket.claims()
								.stream()
								.map(claim -> new InsuranceJson.AgingClaimJson(claim.id(), claim.patientId(),
										carriers.get(claim.id()), claim.sentOn(), claim.daysSinceSent(today).orElse(0),
										claim.total().amount()))
								.toList()))
					.toList());
	}

	private Claims.ClaimView find(UUID id) {
		return claims.read(id).orElseThrow(() -> ApiProblem.notFound("claim", "No claim with id " + id + "."));
	}

}
