package io.smiledesk.channel;

/**
 * A file sent with an email (a visit's iCalendar).
 *
 * @param contentType the full type, parameters too
 * ({@code text/calendar; method=REQUEST})
 */
public record MailAttachment(String name, String contentType, String content) {
}
