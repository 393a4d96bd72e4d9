package io.smiledesk.staff;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of a member of staff's weekly duty hours. */
@Entity
@Table(name = "staff_duty_hours")
class StaffDuty {

	@Id
	private UUID id;

	private int clinicId;

	private UUID staffId;

	@Enumerated(EnumType.STRING)
	@Column(name = "day_of_week")
	private DayOfWeek day;

	private LocalTime startsAt;

	private LocalTime endsAt;

	protected StaffDuty() {
	}

	StaffDuty(UUID staffId, DutyHours hours) {
		this.id = UUID.randomUUID();
		this.clinicId = 1;
		this.staffId = staffId;
		this.day = hours.day();
		this.startsAt = hours.start();
		this.endsAt = hours.end();
	}

	UUID staffId() {
		return staffId;
	}

	DutyHours view() {
		return new DutyHours(day, startsAt, endsAt);
	}

}
