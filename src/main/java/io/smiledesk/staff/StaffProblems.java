package io.smiledesk.staff;

import io.smiledesk.system.ApiProblem;

/** The REST API's reading of {@link StaffRefused}, in this one place. */
final class StaffProblems {

	private StaffProblems() {
	}

	static ApiProblem of(StaffRefused refused) {
		return switch (refused.kind()) {
			case NOT_FOUND -> ApiProblem.notFound(refused.subject(), refused.getMessage());
			case CONFLICT -> ApiProblem.conflict(refused.subject(), refused.getMessage());
		};
	}

}
