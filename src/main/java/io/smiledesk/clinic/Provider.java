package io.smiledesk.clinic;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A dentist or hygienist with a weekly working pattern. */
@Entity
@Table(name = "provider")
class Provider {

	@Id
	private String id;

	private String name;

	@Enumerated(EnumType.STRING)
	private ProviderRole role;

	private String title;

	private String bio;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "provider_language", joinColumns = @JoinColumn(name = "provider_id"))
	@OrderColumn(name = "position")
	private List<ProviderLanguage> languages = new ArrayList<>();

	private boolean active;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "provider_hours", joinColumns = @JoinColumn(name = "provider_id"))
	private List<WeeklyPeriod> hours = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "provider_break", joinColumns = @JoinColumn(name = "provider_id"))
	private List<WeeklyPeriod> breaks = new ArrayList<>();

	@Version
	private long version;

	protected Provider() {
	}

	Provider(String id, String name, ProviderRole role, String title, String bio, List<String> languages,
			boolean active, WeeklyHours hours, WeeklyHours breaks) {
		this.id = id;
		update(name, role, title, bio, languages, active, hours, breaks);
	}

	void update(String name, ProviderRole role, String title, String bio, List<String> languages, boolean active,
			WeeklyHours hours, WeeklyHours breaks) {
		this.name = name;
		this.role = role;
		this.title = title;
		this.bio = bio;
		this.languages.clear();
		languages.forEach(language -> this.languages.add(new ProviderLanguage(Clinic.ID, language)));
		this.active = active;
		this.hours.clear();
		this.hours.addAll(hours.toPeriods());
		this.breaks.clear();
		this.breaks.addAll(breaks.toPeriods());
	}

	String id() {
		return id;
	}

	ProviderInfo view(List<TimeOff> timeOff) {
		return new ProviderInfo(id, name, role, title, bio, languages.stream().map(ProviderLanguage::language).toList(),
				active, WeeklyHours.of(hours), WeeklyHours.of(breaks), timeOff.stream().map(TimeOff::view).toList());
	}

}
