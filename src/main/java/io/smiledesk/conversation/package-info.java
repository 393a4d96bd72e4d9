/**
 * The conversational front desk. For now: understanding dates and times in patients' own
 * words, resolved in the clinic's time zone against the moment the message was written.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package io.smiledesk.conversation;
