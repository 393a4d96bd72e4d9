package io.smiledesk.payment;

import java.math.BigDecimal;
import java.util.Optional;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which services ask for a deposit, and how much. */
@Service
public class DepositRules {

	private final RuleRepository rules;

	private final ClinicCatalog catalog;

	DepositRules(RuleRepository rules, ClinicCatalog catalog) {
		this.rules = rules;
		this.catalog = catalog;
	}

	/** The service asks for this fixed amount in the clinic's currency. */
	@Transactional
	public void requireAmount(String serviceId, BigDecimal amount) {
		rules.save(new DepositRule(Clinics.DEFAULT, serviceId, amount, null));
	}

	/** The service asks for this percentage of its price. */
	@Transactional
	public void requirePercent(String serviceId, BigDecimal percent) {
		rules.save(new DepositRule(Clinics.DEFAULT, serviceId, null, percent));
	}

	/** The deposit a booking of the service asks for now, if any. */
	Optional<Money> depositFor(String serviceId) {
		Optional<ServiceInfo> service = catalog.snapshot().serviceById(serviceId);
		if (service.isEmpty()) {
			return Optional.empty();
		}
		String currency = catalog.snapshot().profile().currency();
		return rules.findById(new DepositRule.Key(Clinics.DEFAULT, serviceId))
			.map(rule -> new Money(rule.amountFor(service.get().price()), currency));
	}

}
