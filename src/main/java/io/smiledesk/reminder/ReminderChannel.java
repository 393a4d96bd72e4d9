package io.smiledesk.reminder;

/** A channel in a clinic's reminder order; {@code PREFERRED} is the patient's own. */
enum ReminderChannel {

	PREFERRED, SMS, WHATSAPP, EMAIL

}
