package io.smiledesk.billing;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's ledger, and posting to it: payments taken by the front office, adjustments
 * and write-offs. Every member of staff reads; the front office and managers post.
 */
@RestController
class LedgerRestController {

	private final LedgerBook book;

	private final LedgerPosting posting;

	LedgerRestController(LedgerBook book, LedgerPosting posting) {
		this.book = book;
		this.posting = posting;
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping(path = "/api/v1/admin/patients/{id}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
	BillingJson.LedgerJson ledger(@PathVariable UUID id) {
		return book.ofPatient(id)
			.map(BillingJson.LedgerJson::of)
			.orElseThrow(() -> ApiProblem.notFound("patient", "No patient with id " + id + "."));
	}

	/**
	 * @param method cash, check or card_terminal (card payments online come through
	 * Stripe)
	 * @param reference a check number or the terminal's receipt
	 */
	record PaymentJson(@NotNull UUID patientId, UUID invoiceId, @NotNull BigDecimal amount,
			@Size(min = 3, max = 3) String currency, @NotBlank @Size(max = 20) String method,
			@Size(max = 255) String reference) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/payments", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BillingJson.EntryJson> pay(@Valid @RequestBody PaymentJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		PaymentMethod method = PaymentMethod.parse(body.method())
			.filter(PaymentMethod::recordedByStaff)
			.orElseThrow(() -> ApiProblem.invalidField("method", "must be cash, check or card_terminal"));
		return posted(posting.post(new LedgerPosting.Post(body.patientId(), body.invoiceId(), EntryKind.PAYMENT, method,
				body.amount(), body.currency(), body.reference(), BillingJson.idempotencyKey(idempotencyKey),
				BillingJson.fingerprint(body))));
	}

	/**
	 * @param kind adjustment (signed: positive raises what is owed) or write_off (the
	 * part given up, positive)
	 */
	record AdjustmentJson(@NotNull UUID patientId, UUID invoiceId, @NotBlank @Size(max = 20) String kind,
			@NotNull BigDecimal amount, @Size(max = 200) String reason) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/adjustments", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BillingJson.EntryJson> adjust(@Valid @RequestBody AdjustmentJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		EntryKind kind = switch (body.kind()) {
			case "adjustment" -> EntryKind.ADJUSTMENT;
			case "write_off" -> EntryKind.WRITE_OFF;
			default -> throw ApiProblem.invalidField("kind", "must be adjustment or write_off");
		};
		return posted(posting.post(new LedgerPosting.Post(body.patientId(), body.invoiceId(), kind, null, body.amount(),
				null, body.reason(), BillingJson.idempotencyKey(idempotencyKey), BillingJson.fingerprint(body))));
	}

	private static ResponseEntity<BillingJson.EntryJson> posted(LedgerPosting.Outcome outcome) {
		if (outcome instanceof LedgerPosting.Outcome.Posted posted) {
			// a retry answers as the first request did
			return ResponseEntity.status(HttpStatus.CREATED).body(BillingJson.EntryJson.of(posted.line(), null));
		}
		LedgerPosting.Outcome.Rejected rejected = (LedgerPosting.Outcome.Rejected) outcome;
		throw switch (rejected.refusal()) {
			case PATIENT_NOT_FOUND -> ApiProblem.notFound("patient", rejected.detail());
			case INVOICE_NOT_FOUND -> ApiProblem.notFound("invoice", rejected.detail());
			case INVOICE_OF_ANOTHER_PATIENT, INVALID -> ApiProblem.invalidField(rejected.field(), rejected.detail());
			case KEY_REUSED -> ApiProblem.conflict("idempotency-key-reused", rejected.detail());
		};
	}

}
