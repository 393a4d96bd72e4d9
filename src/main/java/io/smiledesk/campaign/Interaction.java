package io.smiledesk.campaign;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.smiledesk.system.EncryptedText;

/**
 * A message of a campaign's conversation, or a note staff added by hand; an incoming one
 * carries how it was read.
 */
@Entity
@Table(name = "campaign_interaction")
class Interaction {

	enum Direction {

		OUTGOING, INCOMING;

		String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	@Id
	private UUID id;

	private int clinicId;

	private UUID campaignId;

	private UUID messageId;

	@Enumerated(EnumType.STRING)
	private Direction direction;

	@Convert(converter = EncryptedText.class)
	private String content;

	private String intent;

	@Enumerated(EnumType.STRING)
	private Sentiment sentiment;

	private String language;

	private Integer position;

	private Instant occurredAt;

	protected Interaction() {
	}

	Interaction(UUID campaignId, UUID messageId, Direction direction, String content, Instant occurredAt) {
		this(campaignId, messageId, null, direction, content, occurredAt);
	}

	Interaction(UUID campaignId, UUID messageId, Integer position, Direction direction, String content,
			Instant occurredAt) {
		this.position = position;
		this.id = UUID.randomUUID();
		this.clinicId = Clinics.DEFAULT;
		this.campaignId = campaignId;
		this.messageId = messageId;
		this.direction = direction;
		this.content = content;
		this.occurredAt = occurredAt;
	}

	void analysed(String intent, Sentiment sentiment) {
		this.intent = intent;
		this.sentiment = sentiment;
	}

	void language(String language) {
		this.language = language;
	}

	String language() {
		return language;
	}

	UUID id() {
		return id;
	}

	UUID campaignId() {
		return campaignId;
	}

	UUID messageId() {
		return messageId;
	}

	Direction direction() {
		return direction;
	}

	String content() {
		return content;
	}

	String intent() {
		return intent;
	}

	Sentiment sentiment() {
		return sentiment;
	}

	Instant occurredAt() {
		return occurredAt;
	}

}
