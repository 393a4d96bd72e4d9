/**
 * Calendars for staff: read-only iCalendar feeds per provider or for the whole clinic at
 * secret, revocable URLs, and two-way Google Calendar sync for providers who opt in
 * (appointments pushed to their calendar, their own busy events imported as unavailable
 * time through scheduling's ExternalBusyTimes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendars")
package io.smiledesk.calendar;
