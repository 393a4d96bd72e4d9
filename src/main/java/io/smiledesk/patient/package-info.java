/**
 * Patients: identity and contact details (email normalised, phone in E.164), type,
 * preferred channel and treatment history. A patient is found by email or phone, and no
 * two patients share either.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient")
package io.smiledesk.patient;
