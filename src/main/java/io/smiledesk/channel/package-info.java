/**
 * Patients' own channels: email, SMS, WhatsApp and voice. Webhooks verify and store what
 * providers deliver in a durable inbox and return at once; a worker hands each message to
 * the same {@link io.smiledesk.conversation.PatientMessages} the web chat uses, once.
 * Replies leave through an outbox written with the message they carry, sent by a
 * dispatcher with retries. Opt-outs, the clinic's HELP answer and the limits on proactive
 * messages live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package io.smiledesk.channel;
