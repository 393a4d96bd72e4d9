/**
 * Understanding one patient message: its intent, the facts it states (service, provider,
 * name, contact, date of birth, times), its language; offline by default, with an
 * OpenAI-compatible model when one is configured. {@code POST /api/v1/nlu/parse} shows
 * the same reading to developers and integrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Understanding")
package io.smiledesk.understanding;
