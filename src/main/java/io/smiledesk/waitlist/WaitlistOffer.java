package io.smiledesk.waitlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.smiledesk.conversation.ConversationChannel;

/**
 * One freed time offered to one entry's patient. Only a pending offer moves; every other
 * status is final.
 */
@Entity
@Table(name = "waitlist_offer")
class WaitlistOffer {

	@Id
	private UUID id;

	private int clinicId;

	private UUID slotId;

	private UUID entryId;

	private UUID patientId;

	private Instant slotStart;

	@Enumerated(EnumType.STRING)
	private OfferStatus status;

	@Enumerated(EnumType.STRING)
	private ConversationChannel channel;

	private UUID conversationId;

	private String reason;

	private Instant sentAt;

	private Instant expiresAt;

	private Instant respondedAt;

	@Version
	private long version;

	protected WaitlistOffer() {
	}

	private WaitlistOffer(FreedSlot slot, WaitlistEntry entry, OfferStatus status, ConversationChannel channel,
			UUID conversationId, String reason, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.slotId = slot.id();
		this.entryId = entry.id();
		this.patientId = entry.patientId();
		this.slotStart = slot.startsAt();
		this.status = status;
		this.channel = channel;
		this.conversationId = conversationId;
		this.reason = reason;
		this.sentAt = now;
		this.expiresAt = expiresAt;
	}

	static WaitlistOffer sent(FreedSlot slot, WaitlistEntry entry, ConversationChannel channel, UUID conversationId,
			Instant now, Instant expiresAt) {
		return new WaitlistOffer(slot, entry, OfferStatus.PENDING, channel, conversationId, null, now, expiresAt);
	}

	static WaitlistOffer failed(FreedSlot slot, WaitlistEntry entry, String reason, Instant now) {
		return new WaitlistOffer(slot, entry, OfferStatus.FAILED, null, null,
				reason.length() > 300 ? reason.substring(0, 300) : reason, now, now);
	}

	boolean isLiveAt(Instant now) {
		return status == OfferStatus.PENDING && now.isBefore(expiresAt);
	}

	void accepted(Instant now) {
		settle(OfferStatus.ACCEPTED, now);
	}

	void declined(Instant now) {
		settle(OfferStatus.DECLINED, now);
	}

	void taken(Instant now) {
		settle(OfferStatus.TAKEN, now);
	}

	/** Someone else took the time first; the patient has not answered. */
	void superseded() {
		if (status == OfferStatus.PENDING) {
			status = OfferStatus.TAKEN;
		}
	}

	/** An answer to an offer that was no longer open. */
	void answeredLate(Instant now) {
		if (respondedAt == null) {
			respondedAt = now;
		}
	}

	void expire() {
		if (status == OfferStatus.PENDING) {
			status = OfferStatus.EXPIRED;
		}
	}

	private void settle(OfferStatus to, Instant now) {
		if (status != OfferStatus.PENDING) {
			throw new IllegalStateException("Offer " + id + " is " + status + ", not pending");
		}
		status = to;
		respondedAt = now;
	}

	UUID id() {
		return id;
	}

	UUID slotId() {
		return slotId;
	}

	UUID entryId() {
		return entryId;
	}

	UUID patientId() {
		return patientId;
	}

	Instant slotStart() {
		return slotStart;
	}

	OfferStatus status() {
		return status;
	}

	UUID conversationId() {
		return conversationId;
	}

	Instant sentAt() {
		return sentAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant respondedAt() {
		return respondedAt;
	}

	OfferView view() {
		return new OfferView(id, entryId, slotId, patientId, slotStart, status, channel == null ? null : channel.name(),
				reason, sentAt, expiresAt, respondedAt);
	}

}
