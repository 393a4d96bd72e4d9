package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.system.EncryptedText;

import org.springframework.data.domain.Persistable;

/**
 * One attempt to bring a patient back: the thread it writes on, how many follow-ups it
 * has sent, what the patient answered and where that led. Every status change goes
 * through {@link #moveTo}, which refuses what the current status does not allow.
 */
@Entity
@Table(name = "campaign")
class Campaign implements Persistable<UUID> {

	/** How the booking link fared. */
	enum Funnel {

		FORM_SENT, FORM_SUBMITTED

	}

	@Id
	private UUID id;

	private int clinicId;

	private UUID patientId;

	@Enumerated(EnumType.STRING)
	private CampaignType campaignType;

	@Enumerated(EnumType.STRING)
	private CampaignStatus status;

	@Enumerated(EnumType.STRING)
	private ConversationChannel channel;

	private String threadId;

	private UUID conversationId;

	private String dueService;

	@Convert(converter = EncryptedText.class)
	private String engagementSummary;

	private int attemptsMade;

	private int maxAttempts;

	private Instant nextAttemptAt;

	@Enumerated(EnumType.STRING)
	private Funnel funnelStatus;

	private String linkUrl;

	private Instant submittedAt;

	private String handoffReason;

	@Convert(converter = EncryptedText.class)
	private String handoffSummary;

	private Instant handoffAt;

	private BigDecimal estimatedValue;

	@Convert(converter = EncryptedText.class)
	private String initialInquiry;

	private UUID appointmentId;

	private LocalDate createdOn;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	/**
	 * Created here and not yet stored: saved by an insert, not a merge (which would first
	 * select the id, once per campaign a run starts).
	 */
	private transient boolean fresh;

	protected Campaign() {
	}

	Campaign(UUID patientId, CampaignType type, String dueService, String initialInquiry, BigDecimal estimatedValue,
			int maxAttempts, Instant firstAttemptAt, LocalDate clinicDay, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.patientId = patientId;
		this.campaignType = type;
		this.status = CampaignStatus.ATTEMPTING_RECOVERY;
		this.dueService = dueService;
		this.initialInquiry = initialInquiry;
		this.estimatedValue = estimatedValue;
		this.maxAttempts = maxAttempts;
		this.nextAttemptAt = firstAttemptAt;
		this.createdOn = clinicDay;
		this.createdAt = now;
		this.updatedAt = now;
		this.fresh = true;
	}

	@PostPersist
	@PostLoad
	void stored() {
		fresh = false;
	}

	@Override
	public UUID getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	/**
	 * @throws IllegalCampaignTransitionException when the current status does not allow
	 * it
	 */
	void moveTo(CampaignStatus next, Instant now) {
		if (next == status) {
			return;
		}
		if (!status.allows(next)) {
			throw new IllegalCampaignTransitionException(status, next);
		}
		status = next;
		if (!next.followsUp()) {
			nextAttemptAt = null;
		}
		updatedAt = now;
	}

	/** A follow-up went out on a thread; the next is due at {@code next} (or never). */
	void attempted(ConversationChannel channel, String threadId, UUID conversationId, Instant next, Instant now) {
		this.channel = channel;
		this.threadId = threadId;
		this.conversationId = conversationId;
		this.attemptsMade++;
		this.nextAttemptAt = next;
		this.updatedAt = now;
	}

	/** Not sent now (quiet hours, a cap): try again then. */
	void deferTo(Instant notBefore, Instant now) {
		this.nextAttemptAt = notBefore;
		this.updatedAt = now;
	}

	boolean exhausted() {
		return attemptsMade >= maxAttempts;
	}

	/** The patient answered: the next follow-up waits a full step again. */
	void heardFrom(String summary, Instant nextFollowUp, Instant now) {
		if (summary != null) {
			engagementSummary = summary;
		}
		if (status.followsUp()) {
			nextAttemptAt = exhausted() ? null : nextFollowUp;
		}
		updatedAt = now;
	}

	void handOff(String reason, String summary, Instant now) {
		moveTo(CampaignStatus.HANDOFF_REQUIRED, now);
		handoffReason = reason;
		handoffSummary = summary;
		handoffAt = now;
	}

	void linkSent(String url, Instant now) {
		if (funnelStatus == null) {
			funnelStatus = Funnel.FORM_SENT;
		}
		linkUrl = url;
		updatedAt = now;
	}

	/**
	 * An appointment came of it; through the link when {@code viaLink}. Its price is the
	 * campaign's value when nobody estimated one.
	 */
	void booked(UUID appointmentId, boolean viaLink, BigDecimal price, Instant now) {
		moveTo(CampaignStatus.BOOKING_INITIATED, now);
		this.appointmentId = appointmentId;
		if (estimatedValue == null) {
			estimatedValue = price;
		}
		if (viaLink) {
			funnelStatus = Funnel.FORM_SUBMITTED;
			submittedAt = now;
		}
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	CampaignType type() {
		return campaignType;
	}

	CampaignStatus status() {
		return status;
	}

	ConversationChannel channel() {
		return channel;
	}

	String threadId() {
		return threadId;
	}

	UUID conversationId() {
		return conversationId;
	}

	String dueService() {
		return dueService;
	}

	String engagementSummary() {
		return engagementSummary;
	}

	int attemptsMade() {
		return attemptsMade;
	}

	int maxAttempts() {
		return maxAttempts;
	}

	Instant nextAttemptAt() {
		return nextAttemptAt;
	}

	Funnel funnelStatus() {
		return funnelStatus;
	}

	String linkUrl() {
		return linkUrl;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	String handoffReason() {
		return handoffReason;
	}

	String handoffSummary() {
		return handoffSummary;
	}

	Instant handoffAt() {
		return handoffAt;
	}

	BigDecimal estimatedValue() {
		return estimatedValue;
	}

	String initialInquiry() {
		return initialInquiry;
	}

	UUID appointmentId() {
		return appointmentId;
	}

	LocalDate createdOn() {
		return createdOn;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

}
