package io.smiledesk.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.payment.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fee per procedure code: what staff set, else the configured default, else the
 * service's catalogue price, in the clinic's currency.
 */
@Service
@Transactional(readOnly = true)
class FeeSchedule {

	private final BillingProperties properties;

	private final ProcedureFeeRepository overrides;

	private final ClinicCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FeeSchedule(BillingProperties properties, ProcedureFeeRepository overrides, ClinicCatalog catalog,
			ApplicationEventPublisher events, Clock clock) {
		this.properties = properties;
		this.overrides = overrides;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** Every configured procedure of a service in the catalogue. */
	List<Fee> all() {
		ClinicSnapshot clinic = catalog.snapshot();
		Map<String, ProcedureFee> set = overrides();
		List<Fee> fees = new ArrayList<>();
		for (BillingProperties.Procedure procedure : properties.procedures()) {
			clinic.services()
				.stream()
				.filter(service -> service.id().equals(procedure.service()))
				.findFirst()
				.ifPresent(service -> fees.add(fee(procedure, service, set, clinic)));
		}
		return fees;
	}

	/** The procedures a visit of this service posts. */
	List<Fee> forService(ServiceInfo service) {
		ClinicSnapshot clinic = catalog.snapshot();
		Map<String, ProcedureFee> set = overrides();
		List<Fee> fees = properties.procedures()
			.stream()
			.filter(procedure -> procedure.service().equals(service.id()))
			.map(procedure -> fee(procedure, service, set, clinic))
			.toList();
		if (!fees.isEmpty()) {
			return fees;
		}
		return List.of(fee(new BillingProperties.Procedure(service.id(), service.id(), service.name(), null), service,
				set, clinic));
	}

	Optional<Fee> find(String code) {
		return all().stream().filter(fee -> fee.code().equals(code)).findFirst();
	}

	sealed interface Change {

		record Changed(Fee fee) implements Change {
		}

		record UnknownCode() implements Change {
		}

		record Invalid(String field, String reason) implements Change {
		}

	}

	/** Staff set the fee of a configured procedure code. */
	@Transactional
	Change change(String code, BigDecimal amount) {
		if (find(code).isEmpty()) {
			return new Change.UnknownCode();
		}
		String currency = catalog.snapshot().profile().currency();
		Money fee;
		try {
			fee = Money.exact(amount, currency);
		}
		catch (IllegalArgumentException ex) {
			return new Change.Invalid("amount", ex.getMessage());
		}
		if (fee.signum() < 0) {
			return new Change.Invalid("amount", "must not be negative");
		}
		ProcedureFee row = overrides.findById(new ProcedureFee.Key(Clinics.DEFAULT, code)).orElse(null);
		if (row == null) {
			overrides.save(new ProcedureFee(code, fee, clock.instant(), StaffName.current()));
		}
		else {
			row.change(fee, clock.instant(), StaffName.current());
		}
		events.publishEvent(new BillingEvents.FeeChanged(code, fee.amount(), fee.currency()));
		return new Change.Changed(find(code).orElseThrow());
	}

	private Map<String, ProcedureFee> overrides() {
		return overrides.findAll()
			.stream()
			.collect(Collectors.toMap(ProcedureFee::code, Function.identity(), (a, b) -> a));
	}

	private static Fee fee(BillingProperties.Procedure procedure, ServiceInfo service, Map<String, ProcedureFee> set,
			ClinicSnapshot clinic) {
		String currency = clinic.profile().currency();
		String name = procedure.name() == null ? service.name() : procedure.name();
		ProcedureFee override = set.get(procedure.code());
		if (override != null && override.fee().currency().equals(currency)) {
			return new Fee(procedure.code(), name, override.fee(), true);
		}
		BigDecimal amount = procedure.fee() != null ? procedure.fee()
				: service.price() == null ? BigDecimal.ZERO : service.price();
		return new Fee(procedure.code(), name, Money.exact(amount, currency), false);
	}

}
