package io.smiledesk.payment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What billing needs of deposits: the money a patient paid ahead for a visit. */
@Service
@Transactional(readOnly = true)
public class PaidDeposits {

	private final DepositRepository deposits;

	PaidDeposits(DepositRepository deposits) {
		this.deposits = deposits;
	}

	/** A paid deposit the clinic holds for the visit (not refunded, waived or kept). */
	public Optional<PaidDeposit> heldFor(UUID appointmentId) {
		return deposits.findByAppointmentId(appointmentId)
			.filter(deposit -> deposit.status() == DepositStatus.PAID)
			.map(deposit -> new PaidDeposit(deposit.id(), deposit.money()));
	}

	public record PaidDeposit(UUID depositId, Money money) {
	}

}
