package io.smiledesk.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A treatment room with a dental chair. */
@Entity
@Table(name = "operatory")
class Operatory {

	@Id
	private String id;

	private String name;

	private boolean active;

	@Version
	private long version;

	protected Operatory() {
	}

	Operatory(String id, String name, boolean active) {
		this.id = id;
		update(name, active);
	}

	void update(String name, boolean active) {
		this.name = name;
		this.active = active;
	}

	OperatoryInfo view() {
		return new OperatoryInfo(id, name, active);
	}

}
