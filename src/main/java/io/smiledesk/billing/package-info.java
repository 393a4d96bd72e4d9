/**
 * Billing: the fee schedule (a fee per CDT procedure code, from the services catalogue
 * unless staff set one), the patient ledger (charges, payments, deposits applied,
 * adjustments, write-offs, running balance) and a statement per visit. Completing an
 * appointment posts its procedures once; money is exact ({@code Money}, shared with the
 * deposits of the payment module). Statements show the insurers' expected share through
 * {@code InsuranceEstimates}, which the insurance module implements; other modules read
 * billed visits and post insurers' payments through {@code BilledVisits}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package io.smiledesk.billing;
