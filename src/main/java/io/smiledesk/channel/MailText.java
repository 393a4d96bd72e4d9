package io.smiledesk.channel;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The text of an email: its text/plain part where it has one, else its HTML with the
 * markup taken out. Attachments and forwarded messages are not the patient's words.
 */
final class MailText {

	private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>");

	private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

	private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");

	private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

	private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

	private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos",
			"'", "nbsp", " ");

	private MailText() {
	}

	static String of(Part message) throws MessagingException, IOException {
		String plain = find(message, "text/plain");
		if (plain != null) {
			return plain;
		}
		String html = find(message, "text/html");
		return html == null ? "" : fromHtml(html);
	}

	private static String find(Part part, String type) throws MessagingException, IOException {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return null;
		}
		if (part.isMimeType(type)) {
			return text(part);
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = find(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Decoded by its charset; one Java does not know is read as UTF-8, not refused. */
	private static String text(Part part) throws MessagingException, IOException {
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
		}
		catch (UnsupportedEncodingException ex) {
			// fall through to the bytes
		}
		try (var in = part.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Simple on purpose (no HTML parser is on the classpath): blocks and line breaks
	 * become new lines, quoted blocks go, tags go, entities are decoded.
	 */
	static String fromHtml(String html) {
		String text = COMMENT.matcher(html).replaceAll("");
		text = INVISIBLE.matcher(text).replaceAll("");
		text = withoutBlockquotes(text);
		text = BREAK.matcher(text).replaceAll("\n");
		text = TAG.matcher(text).replaceAll("");
		text = decodeEntities(text);
		return text.replace('\u00a0', ' ').replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
	}

	/** Quoted history in HTML mail sits in (nested) blockquotes. */
	private static String withoutBlockquotes(String html) {
		String lower = html.toLowerCase(Locale.ROOT);
		StringBuilder kept = new StringBuilder();
		int depth = 0;
		int i = 0;
		while (i < html.length()) {
			if (lower.startsWith("<blockquote", i) || (depth > 0 && lower.startsWith("</blockquote", i))) {
				depth += lower.startsWith("<blockquote", i) ? 1 : -1;
				int end = html.indexOf('>', i);
				i = end < 0 ? html.length() : end + 1;
				continue;
			}
			if (depth == 0) {
				kept.append(html.charAt(i));
			}
			i++;
		}
		return kept.toString();
	}

	private static String decodeEntities(String text) {
		Matcher matcher = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String replacement;
			if (name.startsWith("#")) {
				boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
				try {
					int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
					replacement = Character.isValidCodePoint(code) ? Character.toString(code) : matcher.group();
				}
				catch (NumberFormatException ex) {
					replacement = matcher.group();
				}
			}
			else {
				replacement = ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), matcher.group());
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
