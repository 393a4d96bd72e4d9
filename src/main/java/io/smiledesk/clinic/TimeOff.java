package io.smiledesk.clinic;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A provider's absence (vacation, course, sick leave) between two instants. */
@Entity
@Table(name = "provider_time_off")
class TimeOff {

	@Id
	private UUID id;

	private String providerId;

	private Instant startsAt;

	private Instant endsAt;

	private String reason;

	protected TimeOff() {
	}

	TimeOff(String providerId, Instant startsAt, Instant endsAt, String reason) {
		if (!startsAt.isBefore(endsAt)) {
			throw new IllegalArgumentException("Time off must end after it starts");
		}
		this.id = UUID.randomUUID();
		this.providerId = providerId;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.reason = reason;
	}

	String providerId() {
		return providerId;
	}

	ProviderInfo.Absence view() {
		return new ProviderInfo.Absence(id, startsAt, endsAt, reason);
	}

}
