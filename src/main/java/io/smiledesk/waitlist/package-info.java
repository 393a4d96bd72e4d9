/**
 * The waitlist (ASAP list): patients who want an earlier time join it; when time frees up
 * (a cancellation, a move) the best matching entries get offers in small batches on their
 * own channel, and the first to accept is booked through scheduling. Offers go out
 * through the channels' proactive path; replies are read through the conversation SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Waitlist")
package io.smiledesk.waitlist;
