/**
 * Wording the assistant's drafts (and the campaigns' messages) with a language model when
 * one is configured, held to the draft's facts.
 */
@org.springframework.modulith.NamedInterface("phrasing")
package io.smiledesk.assistant.phrasing;
