package io.smiledesk.insurance;

import java.util.List;

import io.smiledesk.knowledge.InsuranceCarriers;

import org.springframework.stereotype.Component;

/**
 * The clinic's carriers list as the assistant sees it: names only, never a patient's
 * coverage. Also how another module (the demo) adds a carrier.
 */
@Component
public class CarrierList implements InsuranceCarriers {

	private final InsurancePlans plans;

	CarrierList(InsurancePlans plans) {
		this.plans = plans;
	}

	@Override
	public List<String> names() {
		return plans.carriers().stream().map(Carrier::name).toList();
	}

	/** Adds a carrier unless one of that name is listed; whether it was added. */
	public boolean add(String name, String payerId) {
		return plans.addCarrier(name, payerId) instanceof Result.Done<Carrier>;
	}

}
