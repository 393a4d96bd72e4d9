/**
 * The audit trail: who did what to which record, when, from where, with what outcome.
 * Append-only, hash-chained, and verifiable through the API and the {@code audit-verify}
 * command.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.smiledesk.audit;
