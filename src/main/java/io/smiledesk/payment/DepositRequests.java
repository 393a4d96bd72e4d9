package io.smiledesk.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.smiledesk.channel.ProactiveMessages;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.scheduling.Appointments;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Sends the patient the payment page of a deposit once it exists: by email about their
 * own booking, else by text message, so a visit booked by phone or by staff can be paid
 * for too. The chat shows the same link in its answer.
 */
@Component
class DepositRequests {

	private static final Logger log = LoggerFactory.getLogger(DepositRequests.class);

	private final ProactiveMessages messages;

	private final Appointments appointments;

	private final DepositWording wording;

	private final ClinicCatalog catalog;

	DepositRequests(ProactiveMessages messages, Appointments appointments, DepositWording wording,
			ClinicCatalog catalog) {
		this.messages = messages;
		this.appointments = appointments;
		this.wording = wording;
		this.catalog = catalog;
	}

	void ask(Deposit deposit) {
		var clinic = catalog.snapshot();
		var appointment = appointments.find(deposit.appointmentId()).orElse(null);
		if (appointment == null || deposit.paymentUrl() == null || deposit.dueBy() == null) {
			return;
		}
		String service = clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse("visit");
		String text = wording.requested(deposit.money(), service, appointment.start(), deposit.dueBy(),
				deposit.paymentUrl(), clinic.zone(), clinic.rules().cancellationNotice());
		PatientId patient = new PatientId(deposit.patientId());
		ProactiveMessages.Outcome sent;
		try {
			sent = messages.notice(patient, wording.requestedSubject(), text, null);
		}
		catch (DataIntegrityViolationException ex) {
			// another message started the patient's thread at the same moment: it is
			// there now
			sent = messages.notice(patient, wording.requestedSubject(), text, null);
		}
		if (sent instanceof ProactiveMessages.Outcome.Refused) {
			sent = messages.send(patient, ConversationChannel.SMS, text);
		}
		log.info("Deposit {} payment page sent to the patient: {}", deposit.id(), sent.getClass().getSimpleName());
	}

}
