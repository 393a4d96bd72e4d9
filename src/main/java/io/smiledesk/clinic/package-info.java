/**
 * The clinic: profile and booking rules, opening hours and closures, providers with their
 * working hours, breaks and time off, the services catalogue and the operatories
 * (chairs).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinic")
package io.smiledesk.clinic;
