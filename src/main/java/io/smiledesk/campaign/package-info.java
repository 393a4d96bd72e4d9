/**
 * Recall and recovery campaigns: a daily run writes first to patients due for a visit and
 * to leads who went quiet, follows up on a cadence, reads their replies through the
 * assistant, and stops when they book, decline or need a person. Messages go through the
 * channels' proactive path (consent, quiet hours, caps); bookings through scheduling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package io.smiledesk.campaign;
