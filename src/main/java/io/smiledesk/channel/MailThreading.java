package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email threading by Message-ID, In-Reply-To and References (RFC 5322 3.6.4): every reply
 * names the thread's first message first, so that message's id is the thread.
 */
final class MailThreading {

	/** The inbox keeps provider ids in 200 characters; a longer id is kept as a hash. */
	static final int MAX_ID = 200;

	/** Well under the 998 characters a header line may have. */
	static final int MAX_SUBJECT = 200;

	private static final Pattern ID = Pattern.compile("<[^<>]+>");

	private MailThreading() {
	}

	/**
	 * The message ids in a header, in order; ids without angle brackets (some clients)
	 * are read as whitespace or comma separated words.
	 */
	static List<String> ids(String header) {
		List<String> ids = new ArrayList<>();
		if (header == null || header.isBlank()) {
			return ids;
		}
		Matcher matcher = ID.matcher(header);
		while (matcher.find()) {
			ids.add(matcher.group().replaceAll("\\s+", ""));
		}
		if (ids.isEmpty()) {
			for (String word : header.strip().split("[\\s,]+")) {
				ids.add("<" + word + ">");
			}
		}
		return ids;
	}

	/**
	 * The thread's root: the first id of References, else In-Reply-To, else the message
	 * itself.
	 */
	/**
	 * "Re: " and the subject, once (a "Re:" or "RE:" already there is kept, not doubled);
	 * folded onto one line and cut to a length mail servers accept.
	 */
	static String replySubject(String subject) {
		String line = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
		if (line.isEmpty()) {
			return null;
		}
		String reply = line.regionMatches(true, 0, "Re:", 0, 3) ? line : "Re: " + line;
		return cut(reply, MAX_SUBJECT);
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	static String root(List<String> references, String inReplyTo, String messageId) {
		if (!references.isEmpty()) {
			return references.get(0);
		}
		return inReplyTo != null ? inReplyTo : messageId;
	}

	static boolean isMessageId(String value) {
		return value != null && value.length() > 2 && value.startsWith("<") && value.endsWith(">");
	}

	/** An id as the inbox and the thread table can hold it. */
	static String compact(String id) {
		if (id.length() <= MAX_ID) {
			return id;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
