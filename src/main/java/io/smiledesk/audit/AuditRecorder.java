package io.smiledesk.audit;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import io.smiledesk.audit.AuditEntry.Outcome;
import io.smiledesk.audit.AuditTrail.Event;
import io.smiledesk.billing.BillingEvents;
import io.smiledesk.knowledge.KnowledgeDocumentChanged;
import io.smiledesk.campaign.CampaignEvents;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.Sender;
import io.smiledesk.patient.PatientEvents;
import io.smiledesk.payment.PaymentEvents;
import io.smiledesk.scheduling.AppointmentEvents;
import io.smiledesk.staff.StaffEvents;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns what the modules report into audit entries. Listeners run in the publisher's
 * transaction, so an entry is written exactly when the change it describes commits. This
 * is chosen, unlike the analytics' and the live screens' listeners, which run after the
 * commit: a change the audit trail missed, or an entry for a change that rolled back,
 * would make the hash-chained trail lie.
 */
@Component
class AuditRecorder {

	private final AuditTrail trail;

	AuditRecorder(AuditTrail trail) {
		this.trail = trail;
	}

	// --- appointments

	@EventListener
	void on(AppointmentEvents.AppointmentBooked event) {
		appointment(event.appointmentId(), "appointment.booked",
				"start " + event.start() + ", via " + event.createdFrom() + ", provider " + event.providerId());
	}

	@EventListener
	void on(AppointmentEvents.AppointmentRescheduled event) {
		appointment(event.appointmentId(), "appointment.rescheduled",
				"from " + event.previousStart() + " to " + event.start());
	}

	@EventListener
	void on(AppointmentEvents.AppointmentCancelled event) {
		appointment(event.appointmentId(), "appointment.cancelled", event.byStaff() ? "by staff" : "by the patient");
	}

	@EventListener
	void on(AppointmentEvents.AppointmentConfirmed event) {
		appointment(event.appointmentId(), "appointment.confirmed", null);
	}

	@EventListener
	void on(AppointmentEvents.AppointmentCompleted event) {
		appointment(event.appointmentId(), "appointment.completed", null);
	}

	@EventListener
	void on(AppointmentEvents.AppointmentMissed event) {
		appointment(event.appointmentId(), "appointment.no-show", null);
	}

	@EventListener
	void on(AppointmentEvents.AppointmentDeleted event) {
		appointment(event.appointmentId(), "appointment.deleted", "was at " + event.start());
	}

	// --- deposits

	@EventListener
	void on(PaymentEvents.DepositChanged event) {
		appointment(event.appointmentId(), "deposit." + event.action(), event.amount().toPlainString() + " "
				+ event.currency() + ", " + event.status() + (event.note() == null ? "" : ", " + event.note()));
	}

	// --- billing

	@EventListener
	void on(BillingEvents.LedgerEntryPosted event) {
		trail.record(new Event(Actor.current(), "billing." + event.kind().replace('_', '-') + "-posted", "patient",
				event.patientId().toString(), Outcome.SUCCESS,
				event.amount().toPlainString() + " " + event.currency()
						+ (event.method() == null ? "" : ", " + event.method())
						+ (event.procedureCode() == null ? "" : ", " + event.procedureCode())
						+ (event.invoiceId() == null ? "" : ", invoice " + event.invoiceId()) + ", entry "
						+ event.entryId()));
	}

	@EventListener
	void on(BillingEvents.FeeChanged event) {
		trail.record(new Event(Actor.current(), "billing.fee-changed", "procedure-fee", event.code(), Outcome.SUCCESS,
				event.amount().toPlainString() + " " + event.currency()));
	}

	@EventListener
	void on(BillingEvents.BillingRecordViewed event) {
		trail.record(new Event(Actor.current(), "billing." + event.what() + "-viewed", "patient",
				event.patientId().toString(), Outcome.SUCCESS,
				"ledger".equals(event.what()) ? null : event.what() + " " + event.id()));
	}

	// --- patients

	@EventListener
	void on(PatientEvents.PatientRegistered event) {
		patient(event.patientId(), "patient.created");
	}

	@EventListener
	void on(PatientEvents.PatientUpdated event) {
		patient(event.patientId(), "patient.updated");
	}

	@EventListener
	void on(PatientEvents.PatientDeleted event) {
		patient(event.patientId(), "patient.deleted");
	}

	@EventListener
	void on(PatientEvents.PatientRecordViewed event) {
		patient(event.patientId(), "patient.viewed");
	}

	@EventListener
	void on(PatientEvents.PatientsSearched event) {
		trail.record(new Event(Actor.current(), "patient.searched", "patient", null, Outcome.SUCCESS,
				event.results() + " results"));
	}

	@EventListener
	void on(PatientEvents.TreatmentRecorded event) {
		trail.record(new Event(Actor.current(), "treatment.recorded", "patient", event.patientId().toString(),
				Outcome.SUCCESS, "treatment " + event.treatmentId()));
	}

	// --- conversations

	@EventListener
	void on(ConversationEvents.HandoffRequested event) {
		conversation(event.conversationId(), "conversation.handoff-requested", event.urgency() + ": " + event.reason());
	}

	@EventListener
	void on(ConversationEvents.HandoffAssigned event) {
		conversation(event.conversationId(), "conversation.handoff-assigned", event.method()
				+ (event.staffUserId() == null ? ": nobody suitable on duty" : " to " + event.staffUserId()));
	}

	@EventListener
	void on(ConversationEvents.ConversationTakenOver event) {
		conversation(event.conversationId(), "conversation.taken-over", null);
	}

	@EventListener
	void on(ConversationEvents.ConversationHandedBack event) {
		conversation(event.conversationId(), "conversation.handed-back", null);
	}

	@EventListener
	void on(ConversationEvents.ConversationClosed event) {
		conversation(event.conversationId(), "conversation.closed", null);
	}

	@EventListener
	void on(ConversationEvents.TranscriptViewed event) {
		conversation(event.conversationId(), "conversation.viewed", null);
	}

	@EventListener
	void on(ConversationEvents.MessageAdded event) {
		if (event.sender() == Sender.STAFF) {
			conversation(event.conversationId(), "conversation.staff-replied", "message " + event.messageId());
		}
	}

	private void conversation(UUID id, String action, String detail) {
		trail.record(new Event(Actor.current(), action, "conversation", id.toString(), Outcome.SUCCESS, detail));
	}

	// --- campaigns

	@EventListener
	void on(CampaignEvents.CampaignStarted event) {
		campaign(event.campaignId(), "campaign.started", event.type() + " for patient " + event.patientId());
	}

	@EventListener
	void on(CampaignEvents.CampaignStatusChanged event) {
		campaign(event.campaignId(), "campaign.status-changed",
				event.from() + " -> " + event.to() + " (" + event.by() + ")");
	}

	@EventListener
	void on(CampaignEvents.FollowUpQueued event) {
		campaign(event.campaignId(), "campaign.follow-up-queued",
				"attempt " + event.attempt() + ", message " + event.messageId());
	}

	@EventListener
	void on(CampaignEvents.CampaignResponded event) {
		campaign(event.campaignId(), "campaign.responded", "message " + event.messageId());
	}

	@EventListener
	void on(CampaignEvents.InteractionRecorded event) {
		if (event.byStaff()) {
			// those the conversation brings are its messages, audited there
			campaign(event.campaignId(), "campaign.interaction-recorded", "interaction " + event.interactionId());
		}
	}

	@EventListener
	void on(CampaignEvents.CampaignViewed event) {
		campaign(event.campaignId(), "campaign.viewed", null);
	}

	@EventListener
	void on(CampaignEvents.RecallTypeChanged event) {
		trail.record(new Event(Actor.current(), "campaign.recall-type-changed", "recall_type", event.code(),
				Outcome.SUCCESS, "interval " + event.interval()));
	}

	private void campaign(UUID id, String action, String detail) {
		trail.record(new Event(Actor.current(), action, "campaign", id.toString(), Outcome.SUCCESS, detail));
	}

	// --- knowledge base

	@EventListener
	void on(KnowledgeDocumentChanged event) {
		trail.record(new Event(Actor.current(), "knowledge." + event.change().name().toLowerCase(java.util.Locale.ROOT),
				"knowledge-document", event.documentId().toString(), Outcome.SUCCESS,
				"\"" + event.title() + "\", version " + event.version()));
	}

	// --- staff

	@EventListener
	void on(StaffEvents.LoginSucceeded event) {
		trail.record(new Event(Actor.account(event.userId().toString(), event.role().name()), "staff.login", "staff",
				event.userId().toString(), Outcome.SUCCESS, "via " + event.channel()));
	}

	@EventListener
	void on(StaffEvents.LoginFailed event) {
		String user = event.userId() == null ? null : event.userId().toString();
		trail.record(new Event(Actor.account(user, null), "staff.login", "staff", user, Outcome.FAILURE,
				event.reason() + " via " + event.channel()));
	}

	@EventListener
	void on(StaffEvents.PasswordChanged event) {
		staff(event.userId(), "staff.password-changed", null);
	}

	@EventListener
	void on(StaffEvents.SecondFactorEnabled event) {
		staff(event.userId(), "staff.second-factor-enabled", null);
	}

	@EventListener
	void on(StaffEvents.StaffAccountChanged event) {
		staff(event.userId(), "staff.account-changed", event.change());
	}

	@EventListener
	void on(StaffEvents.DutyHoursChanged event) {
		staff(event.userId(), "staff.duty-hours-changed", event.hours());
	}

	// --- refusals

	@EventListener
	void on(AuthorizationDeniedEvent<?> event) {
		if (Actor.current().role() == null) {
			// anonymous callers get a 401 and are rate-limited; recording each would let
			// them fill the trail
			return;
		}
		HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest() : null;
		String endpoint = request == null ? String.valueOf(event.getSource())
				: request.getMethod() + " " + request.getRequestURI();
		trail.record(
				new Event(Actor.current(), "access.denied", "endpoint", truncate(endpoint, 64), Outcome.DENIED, null));
	}

	private void appointment(UUID id, String action, String detail) {
		trail.record(new Event(Actor.current(), action, "appointment", id.toString(), Outcome.SUCCESS, detail));
	}

	private void patient(UUID id, String action) {
		trail.record(new Event(Actor.current(), action, "patient", id.toString(), Outcome.SUCCESS, null));
	}

	private void staff(UUID id, String action, String detail) {
		trail.record(new Event(Actor.current(), action, "staff", id.toString(), Outcome.SUCCESS, detail));
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
