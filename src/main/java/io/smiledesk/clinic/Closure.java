package io.smiledesk.clinic;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Days the whole clinic is closed (holidays, training days), inclusive. */
@Entity
@Table(name = "clinic_closure")
class Closure {

	@Id
	private UUID id;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String reason;

	protected Closure() {
	}

	Closure(LocalDate startsOn, LocalDate endsOn, String reason) {
		if (endsOn.isBefore(startsOn)) {
			throw new IllegalArgumentException("A closure cannot end before it starts");
		}
		this.id = UUID.randomUUID();
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.reason = reason;
	}

	ClosureDays view() {
		return new ClosureDays(id, startsOn, endsOn, reason);
	}

}
