package io.smiledesk.assistant;

import io.smiledesk.safety.SafetyAssessment;
import io.smiledesk.understanding.Intent;

/**
 * A medical-risk topic: no advice, staff follow up. Moving or cancelling an appointment
 * goes on (staff are told as well), but the service the risk was about is not booked
 * until staff hand the conversation back.
 */
final class Risks {

	private Risks() {
	}

	static Draft handOver(DialogueState state, Turn turn, Draft said, SafetyAssessment assessment, SlotOffers slots,
			Dialogue dialogue) {
		Draft draft = said;
		Intent intent = turn.understanding().intent();
		boolean changing = intent == Intent.RESCHEDULE || intent == Intent.CANCEL
				|| (state.task() == Intent.RESCHEDULE || state.task() == Intent.CANCEL) && intent != Intent.BOOK
						&& intent != Intent.QUESTION;
		if (changing) {
			draft = dialogue.decide(state, turn, draft);
			draft.sayFirst("risk");
		}
		else {
			draft.say("risk");
			String service = turn.entities().serviceId() != null ? turn.entities().serviceId()
					: state.task() == Intent.BOOK ? state.serviceId() : null;
			if (service != null && turn.clinic().serviceById(service).isPresent()) {
				state.holdForStaff(service);
				if (state.task() == Intent.BOOK && service.equals(state.serviceId())) {
					slots.release(state);
					state.finishTask();
				}
				draft.say("risk.held-service", draft.wording().service(draft.locale(), service, turn.clinic()));
			}
		}
		if (draft.handoff() == null || draft.handoff().reason() != HandoffReason.EMERGENCY) {
			draft.handoff(HandoffReason.MEDICAL_RISK,
					draft.wording().forStaff("handoff.medical_risk", assessment.reason()));
		}
		return draft;
	}

}
