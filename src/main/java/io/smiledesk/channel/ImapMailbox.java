package io.smiledesk.channel;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * How far the IMAP reader got in one mailbox: the last UID handed to the inbox. UIDs only
 * mean something under the UIDVALIDITY they were given with.
 */
@Entity
@Table(name = "imap_mailbox")
@IdClass(ImapMailbox.Key.class)
class ImapMailbox {

	record Key(int clinicId, String mailbox) implements Serializable {

		Key() {
			this(0, null);
		}

	}

	@Id
	private int clinicId;

	@Id
	private String mailbox;

	private long uidValidity;

	private long lastUid;

	private Instant updatedAt;

	protected ImapMailbox() {
	}

	ImapMailbox(String mailbox, long uidValidity, long lastUid, Instant now) {
		this.clinicId = Clinics.DEFAULT;
		this.mailbox = mailbox;
		this.uidValidity = uidValidity;
		this.lastUid = lastUid;
		this.updatedAt = now;
	}

	long uidValidity() {
		return uidValidity;
	}

	long lastUid() {
		return lastUid;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	/** Never backwards: two readers racing over the same mailbox both end at the top. */
	void advance(long uid, Instant now) {
		lastUid = Math.max(lastUid, uid);
		updatedAt = now;
	}

	void renumbered(long newUidValidity, long startAfter, Instant now) {
		uidValidity = newUidValidity;
		lastUid = startAfter;
		updatedAt = now;
	}

}
