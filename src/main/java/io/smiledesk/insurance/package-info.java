/**
 * Insurance: carriers and their plans, subscribers and a patient's coverages, estimates
 * of what the insurer pays for a procedure (deductible, annual maximum, coordination of
 * benefits), and claims from billed visits, whose insurer payments and write-offs go on
 * the billing ledger through billing's public API. Billing sees insurance only through
 * its {@code InsuranceEstimates} interface.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insurance")
package io.smiledesk.insurance;
