package io.smiledesk.assistant;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.Reply;
import io.smiledesk.safety.SafetyAssessment;
import io.smiledesk.scheduling.AppointmentCalendar;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.DepositSummary;
import io.smiledesk.scheduling.DepositTerms;
import io.smiledesk.understanding.Intent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Turns a finished draft and the state into the channel-neutral {@link Reply}. */
@Component
class Replies {

	private final AppointmentCalendar calendar;

	private final Wording wording;

	private final ObjectProvider<DepositTerms> deposits;

	Replies(AppointmentCalendar calendar, Wording wording, ObjectProvider<DepositTerms> deposits) {
		this.calendar = calendar;
		this.wording = wording;
		this.deposits = deposits;
	}

	Reply reply(Draft draft, DialogueState state, Turn turn, SafetyAssessment assessment, String intent,
			Map<String, Object> metadata) {
		ClinicSnapshot clinic = turn.clinic();
		state.offerOptions(draft.options());
		metadata.put("safety", Map.of("level", assessment.level().name().toLowerCase(Locale.ROOT), "topic",
				assessment.topic().name().toLowerCase(Locale.ROOT)));
		Reply.Handoff handoff = null;
		if (draft.handoff() != null) {
			String reason = draft.handoff().reason().code() + ": " + draft.handoff().detail();
			handoff = new Reply.Handoff(draft.handoff().reason().urgency(), reason,
					summary(state, turn, draft.handoff().detail(), clinic));
			metadata.put("handoff", reason);
		}
		Reply.AppointmentCard card = null;
		String text = draft.text();
		if (draft.change() != null) {
			AppointmentView appointment = draft.change().appointment();
			DepositSummary deposit = deposits.stream()
				.findFirst()
				.flatMap(terms -> terms.summary(appointment.id()))
				.orElse(null);
			metadata.put("appointment", Map.of("id", appointment.id().toString(), "action", draft.change().action()));
			card = new Reply.AppointmentCard(appointment.id(),
					appointment.start().atZone(clinic.zone()).toOffsetDateTime(),
					wording.service(draft.locale(), appointment.serviceId(), clinic),
					clinic.provider(appointment.providerId()).map(ProviderInfo::name).orElse(null),
					appointment.status(), draft.change().action(),
					appointment.status() == AppointmentStatus.BOOKED
							|| appointment.status() == AppointmentStatus.CONFIRMED ? calendar.path(appointment.id())
									: null,
					deposit);
			if (deposit != null && deposit.paymentUrl() != null && text != null) {
				// the link in the words too: text channels show no button
				text = text + " "
						+ wording.text(draft.locale(), "deposit.pay",
								deposit.amount().toPlainString() + " " + deposit.currency(),
								deposit.dueBy().atZone(clinic.zone()).toLocalTime().toString(), deposit.paymentUrl(),
								deposit.policy());
			}
		}
		return new Reply(text, intent, state.language() == null ? "en" : state.language(),
				draft.options().stream().map(option -> new Reply.Option(option.label(), option.value())).toList(), card,
				handoff, draft.closes(), draft.patientId(), progress(state, clinic), States.write(state), metadata);
	}

	/**
	 * For staff, in the clinic's language: why, who, what they were doing, the last
	 * words.
	 */
	private String summary(DialogueState state, Turn turn, String detail, ClinicSnapshot clinic) {
		StringBuilder summary = new StringBuilder(detail).append(".");
		if (state.name() != null) {
			summary.append(" ").append(wording.forStaff("summary.patient", state.name()));
		}
		if (state.task() != null && state.task() != Intent.QUESTION) {
			String service = state.serviceId() == null ? ""
					: " " + clinic.serviceById(state.serviceId()).map(ServiceInfo::name).orElse("");
			summary.append(" ")
				.append(wording.forStaff("summary.task." + state.task().name().toLowerCase(Locale.ROOT), service));
		}
		String last = turn.text().length() > 300 ? turn.text().substring(0, 300) + "…" : turn.text();
		return summary.append(" ").append(wording.forStaff("summary.last", last)).toString();
	}

	static Reply.Progress progress(DialogueState state, ClinicSnapshot clinic) {
		ZoneId zone = clinic.zone();
		Reply.Named service = state.serviceId() == null ? null : new Reply.Named(state.serviceId(),
				clinic.serviceById(state.serviceId()).map(ServiceInfo::name).orElse(null));
		Reply.Named provider = state.providerId() == null ? null : new Reply.Named(state.providerId(),
				clinic.provider(state.providerId()).map(ProviderInfo::name).orElse(null));
		DialogueState.Wanted wanted = state.wanted();
		Reply.Window window = wanted.from() == null ? null
				: new Reply.Window(wanted.from().toString(), wanted.to() == null ? null : wanted.to().toString());
		Reply.Chosen chosen = state.chosen() == null ? null
				: new Reply.Chosen(state.chosen().start().atZone(zone).toOffsetDateTime(), state.chosen().providerId(),
						state.holdId() != null);
		return new Reply.Progress(state.task() == null ? null : state.task().name().toLowerCase(Locale.ROOT),
				state.stage() == null ? null : state.stage().awaiting(), service, provider, window, chosen,
				state.name(), state.email(), state.phone(), state.dateOfBirth(),
				state.stage() == Stage.CONFIRM ? true : null, state.verifiedPatientId() != null ? true : null);
	}

}
