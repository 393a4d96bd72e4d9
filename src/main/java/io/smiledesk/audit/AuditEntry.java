package io.smiledesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One line of the audit trail, with its place in the hash chain. */
public record AuditEntry(long id, Instant occurredAt, String actorId, String actorRole, String action,
		String resourceType, String resourceId, String ip, String userAgent, Outcome outcome, String detail,
		String prevHash, String hash) {

	public enum Outcome {

		SUCCESS, FAILURE, DENIED

	}

	/**
	 * SHA-256 over every field, each length-prefixed so that no two different entries
	 * read the same.
	 */
	static String hash(long id, Instant occurredAt, String actorId, String actorRole, String action,
			String resourceType, String resourceId, String ip, String userAgent, Outcome outcome, String detail,
			String prevHash) {
		StringBuilder canonical = new StringBuilder();
		for (String field : new String[] { String.valueOf(id), String.valueOf(occurredAt), actorId, actorRole, action,
				resourceType, resourceId, ip, userAgent, outcome.name(), detail, prevHash }) {
			if (field == null) {
				canonical.append("-1:");
			}
			else {
				canonical.append(field.length()).append(':').append(field);
			}
			canonical.append('|');
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String expectedHash() {
		return hash(id, occurredAt, actorId, actorRole, action, resourceType, resourceId, ip, userAgent, outcome,
				detail, prevHash);
	}

}
