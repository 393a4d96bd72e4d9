package io.smiledesk.payment;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Closes a pending deposit unpaid, and its payment page with it. */
@Component
class DepositClosing {

	private final DepositRepository deposits;

	private final StripeGateway gateway;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DepositClosing(DepositRepository deposits, StripeGateway gateway, PlatformTransactionManager transactions,
			Clock clock) {
		this.deposits = deposits;
		this.gateway = gateway;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** False when it was no longer pending (paid meanwhile). */
	boolean lapse(UUID depositId, String why) {
		Deposit closed = transaction.execute(status -> deposits.findById(depositId)
			.filter(deposit -> deposit.status() == DepositStatus.PENDING)
			.map(deposit -> {
				deposit.lapse(why, clock.instant());
				return deposits.save(deposit);
			})
			.orElse(null));
		if (closed == null) {
			return false;
		}
		if (closed.checkoutSessionId() != null && gateway.configured()) {
			gateway.expire(closed.checkoutSessionId());
		}
		return true;
	}

}
