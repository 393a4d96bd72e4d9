package io.smiledesk.patient;

import io.smiledesk.system.ApiProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The REST API's reading of {@link PatientRefused}, in this one place. An advice rather
 * than a handler on {@link PatientAdminRestController}: other modules' endpoints reach
 * {@link Patients} too (completing an appointment records a treatment). Ordered after the
 * console's advice, so console pages still fail as pages.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PatientProblems {

	@ExceptionHandler(PatientRefused.class)
	ApiProblem refused(PatientRefused refused) {
		return of(refused);
	}

	static ApiProblem of(PatientRefused refused) {
		return switch (refused.kind()) {
			case NOT_FOUND -> ApiProblem.notFound(refused.subject(), refused.getMessage());
			case CONFLICT -> ApiProblem.conflict(refused.subject(), refused.getMessage());
		};
	}

}
