/**
 * Practice analytics: bookings by source, chat conversion, handoff reasons, busiest hours
 * and no-show rates. A read model fed by the scheduling and conversation modules' events
 * (three small tables with clinic-local dates and hours), queried with GROUP BY.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package io.smiledesk.analytics;
