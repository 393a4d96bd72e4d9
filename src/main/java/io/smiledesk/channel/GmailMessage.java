package io.smiledesk.channel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A Gmail message resource as SmileDesk reads it: who wrote, in which thread, and what
 * they wrote in plain text. The text is the first text/plain part that is not an
 * attachment (an HTML-only message is reduced to its text), with quoted reply history
 * removed.
 *
 * @param messageIdHeader the RFC 2822 Message-ID, which a reply names in In-Reply-To
 * @param historyId the mailbox history id of the message's last change, or 0
 */
record GmailMessage(String id, String threadId, List<String> labelIds, long historyId, Map<String, String> headers,
		String text) {

	private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

	/** Labels of messages nobody should answer: the clinic's own, drafts, spam. */
	private static final List<String> NOT_FOR_US = List.of("SENT", "DRAFT", "SPAM", "TRASH");

	private static final List<String> AUTOMATIC_PRECEDENCE = List.of("bulk", "list", "junk", "auto_reply");

	static GmailMessage of(JsonNode json) {
		List<String> labels = new ArrayList<>();
		json.path("labelIds").forEach(label -> labels.add(label.asString()));
		JsonNode payload = json.path("payload");
		Map<String, String> headers = headers(payload);
		String text = plainText(payload);
		if (text == null) {
			String html = part(payload, "text/html");
			text = html != null ? MailText.fromHtml(html) : json.path("snippet").asString("");
		}
		return new GmailMessage(json.path("id").asString(), json.path("threadId").asString(null), List.copyOf(labels),
				number(json.path("historyId")), headers, newText(text));
	}

	/** Whether the message is one SmileDesk must not answer, by its labels. */
	static boolean notForUs(List<String> labelIds) {
		return labelIds.stream().anyMatch(NOT_FOR_US::contains);
	}

	boolean notForUs() {
		return notForUs(labelIds);
	}

	/**
	 * Out-of-office answers and mailing lists: answering them could start a loop of
	 * automatic replies.
	 */
	boolean automatic() {
		String submitted = header("Auto-Submitted");
		String precedence = header("Precedence");
		return (submitted != null && !submitted.strip().equalsIgnoreCase("no"))
				|| (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT)));
	}

	/** A header's first value; names are case-insensitive. */
	String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}

	String messageIdHeader() {
		return header("Message-ID");
	}

	/** The first text/plain part's text, or null when there is none. */
	static String plainText(JsonNode payload) {
		return part(payload, "text/plain");
	}

	/** Depth first, as mail clients read multipart/mixed and multipart/alternative. */
	private static String part(JsonNode part, String mimeType) {
		String type = part.path("mimeType").asString("").toLowerCase(Locale.ROOT);
		if (type.equals(mimeType) && !attachment(part) && part.path("body").path("data").isString()) {
			return decode(part.path("body").path("data").asString(), charset(part));
		}
		for (JsonNode child : part.path("parts")) {
			String found = part(child, mimeType);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static boolean attachment(JsonNode part) {
		if (!part.path("filename").asString("").isEmpty()) {
			return true;
		}
		String disposition = headers(part).get("content-disposition");
		return disposition != null && disposition.toLowerCase(Locale.ROOT).startsWith("attachment");
	}

	private static Map<String, String> headers(JsonNode part) {
		Map<String, String> headers = new LinkedHashMap<>();
		part.path("headers")
			.forEach(header -> headers.putIfAbsent(header.path("name").asString("").toLowerCase(Locale.ROOT),
					header.path("value").asString("")));
		return headers;
	}

	private static Charset charset(JsonNode part) {
		String contentType = headers(part).get("content-type");
		Matcher matcher = CHARSET.matcher(contentType == null ? "" : contentType);
		if (matcher.find()) {
			try {
				return Charset.forName(matcher.group(1));
			}
			catch (IllegalArgumentException ex) {
				// an unknown charset: read it as UTF-8 rather than drop the message
			}
		}
		return StandardCharsets.UTF_8;
	}

	/** Gmail's body data is base64url, with or without padding. */
	static String decode(String data, Charset charset) {
		return new String(Base64.getUrlDecoder().decode(data.strip()), charset);
	}

	/**
	 * What the patient wrote now, without the quoted history (the same rules as the IMAP
	 * mailbox); a message that is nothing but a quote is kept whole rather than read as
	 * empty.
	 */
	static String newText(String text) {
		String stripped = MailQuotes.strip(text);
		return stripped.isEmpty() && text != null ? text.strip() : stripped;
	}

	/** Gmail writes ids and history ids as strings; accept numbers too. */
	static long number(JsonNode node) {
		if (node.isNumber()) {
			return node.asLong();
		}
		try {
			return node.isString() ? Long.parseLong(node.asString().strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
