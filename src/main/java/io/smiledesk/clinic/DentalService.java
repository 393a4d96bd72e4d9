package io.smiledesk.clinic;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An entry of the services catalogue: what can be booked, how long it takes, who may do
 * it.
 */
@Entity
@Table(name = "dental_service")
class DentalService {

	@Id
	private String id;

	private String name;

	private String description;

	private int durationMinutes;

	private int bufferMinutes;

	@Column(precision = 10, scale = 2)
	private BigDecimal price;

	private boolean active;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "dental_service_role", joinColumns = @JoinColumn(name = "service_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<ProviderRole> roles = new HashSet<>();

	@Version
	private long version;

	protected DentalService() {
	}

	DentalService(String id, String name, String description, int durationMinutes, int bufferMinutes, BigDecimal price,
			Set<ProviderRole> roles, boolean active) {
		this.id = id;
		update(name, description, durationMinutes, bufferMinutes, price, roles, active);
	}

	void update(String name, String description, int durationMinutes, int bufferMinutes, BigDecimal price,
			Set<ProviderRole> roles, boolean active) {
		this.name = name;
		this.description = description;
		this.durationMinutes = durationMinutes;
		this.bufferMinutes = bufferMinutes;
		this.price = price;
		this.active = active;
		this.roles.clear();
		this.roles.addAll(roles);
	}

	ServiceInfo view() {
		return new ServiceInfo(id, name, description, durationMinutes, bufferMinutes, price,
				roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), active);
	}

}
