/**
 * Payments: deposits some services ask for before a booking counts. A booking of such a
 * service waits for its deposit (a Stripe Checkout Session) until a deadline; Stripe's
 * signed webhook events mark it paid, each processed once; an unpaid deposit releases the
 * time; one cancellation policy decides whether a paid deposit is refunded or kept.
 * Without a Stripe API key deposits are recorded as not collected and bookings count at
 * once. Scheduling sees deposits only through its DepositTerms interface.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package io.smiledesk.payment;
