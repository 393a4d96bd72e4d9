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
