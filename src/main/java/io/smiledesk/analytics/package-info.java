/**
 * Practice analytics: bookings by source, chat conversion, handoff reasons, busiest hours
 * and no-show rates.
 * <p>
 * A read model fed by the scheduling and conversation modules' events, rather than
 * queries over their tables: a handoff's reason is cleared from the conversation once
 * staff settle it, which conversation led to which booking is recorded nowhere else
 * (message metadata is encrypted), and the module reads no other module's tables. Each
 * row carries its clinic-local date (and weekday and hour), worked out once in the
 * clinic's time zone when the event is recorded, so a report is a handful of plain GROUP
 * BY queries by day that run the same on H2 and PostgreSQL and are summed into Monday
 * weeks in Java. Listeners run in the publisher's transaction: a row commits with the
 * change it records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package io.smiledesk.analytics;
