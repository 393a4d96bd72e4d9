package io.smiledesk.channel;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The clinic's Gmail mailbox: how far SmileDesk has read it (Gmail's history id) and
 * until when Gmail pushes its changes.
 */
@Entity
@Table(name = "gmail_mailbox")
class GmailMailbox {

	@Id
	private int clinicId;

	private String emailAddress;

	private Long historyId;

	private Instant watchExpiresAt;

	private Instant updatedAt;

	protected GmailMailbox() {
	}

	GmailMailbox(int clinicId, Instant now) {
		this.clinicId = clinicId;
		this.updatedAt = now;
	}

	String emailAddress() {
		return emailAddress;
	}

	/** Where the next incremental sync starts; null until a first sync. */
	Long historyId() {
		return historyId;
	}

	Instant watchExpiresAt() {
		return watchExpiresAt;
	}

	void address(String address, Instant now) {
		if (address != null && !address.equalsIgnoreCase(emailAddress)) {
			emailAddress = address;
			updatedAt = now;
		}
	}

	/**
	 * Moves the cursor forward only: two syncs finishing out of order must not make the
	 * next one read old history again (harmless, the inbox dedupes, but wasted).
	 */
	void readUpTo(long historyId, Instant now) {
		if (this.historyId == null || historyId > this.historyId) {
			this.historyId = historyId;
			updatedAt = now;
		}
	}

	void watched(Instant expiresAt, Instant now) {
		watchExpiresAt = expiresAt;
		updatedAt = now;
	}

}
