/**
 * The front desk's assistant, the same on every channel: safety first, then the
 * understanding of the message, then the dialogue (one flow per task: booking,
 * rescheduling, cancelling, questions), worded from message bundles in the patient's
 * language. It proposes; the scheduling services decide. It answers through the
 * {@link io.smiledesk.conversation.Assistant} interface of the conversation module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
package io.smiledesk.assistant;
