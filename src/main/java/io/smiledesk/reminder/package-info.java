/**
 * Appointment reminders patients answer: each clinic's rules (how long before, which ask
 * for a confirmation, on which channels), a job that sends what is due once per visit and
 * rule through the channels' proactive path, replies and signed links that confirm,
 * cancel or move the visit, and a word after a missed visit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reminders")
package io.smiledesk.reminder;
