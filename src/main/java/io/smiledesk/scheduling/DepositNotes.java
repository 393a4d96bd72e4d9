package io.smiledesk.scheduling;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Adds an appointment's deposit, if any, to a booking answer. */
@Component
class DepositNotes {

	private final ObjectProvider<DepositTerms> terms;

	DepositNotes(ObjectProvider<DepositTerms> terms) {
		this.terms = terms;
	}

	SchedulingJson.AppointmentJson attach(SchedulingJson.AppointmentJson answer) {
		return terms.stream()
			.findFirst()
			.flatMap(deposits -> deposits.summary(answer.appointmentId()))
			.map(answer::withDeposit)
			.orElse(answer);
	}

}
