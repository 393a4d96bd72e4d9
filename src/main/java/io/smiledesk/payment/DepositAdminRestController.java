package io.smiledesk.payment;

import java.util.UUID;

import io.smiledesk.scheduling.DepositSummary;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff give up an appointment's deposit (front office and managers). */
@RestController
class DepositAdminRestController {

	private final DepositSettlement settlement;

	private final PaymentDeposits deposits;

	DepositAdminRestController(DepositSettlement settlement, PaymentDeposits deposits) {
		this.settlement = settlement;
		this.deposits = deposits;
	}

	record WaivedJson(UUID appointmentId, DepositSummary deposit) {
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping(path = "/api/v1/admin/appointments/{id}/deposit/waive", produces = MediaType.APPLICATION_JSON_VALUE)
	WaivedJson waive(@PathVariable UUID id) {
		DepositSettlement.Waiver waiver = settlement.waive(id);
		if (waiver instanceof DepositSettlement.Waiver.Waived waived) {
			return new WaivedJson(id, deposits.summary(waived.deposit()));
		}
		if (waiver instanceof DepositSettlement.Waiver.NotWaivable refused) {
			throw ApiProblem.conflict("deposit-not-waivable",
					"The deposit is " + refused.status().json() + " and cannot be waived.");
		}
		if (waiver instanceof DepositSettlement.Waiver.ProviderFailed failed) {
			throw new ApiProblem(HttpStatus.BAD_GATEWAY, "payment-provider-failed", "Payment provider error",
					failed.detail());
		}
		throw ApiProblem.notFound("deposit", "This appointment has no deposit.");
	}

}
