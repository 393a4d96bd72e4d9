package io.smiledesk.clinic;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The clinic's profile and booking rules; one row per deployment. */
@Entity
@Table(name = "clinic")
class Clinic {

	static final int ID = 1;

	@Id
	private Integer id = ID;

	private String name;

	private String addressLine;

	private String city;

	private String region;

	private String postalCode;

	private String country;

	private String phone;

	private String emergencyPhone;

	private String email;

	private String website;

	private String timeZone;

	private String currency;

	@Column(name = "min_booking_notice_minutes")
	private int minBookingNoticeMinutes;

	@Column(name = "max_booking_horizon_days")
	private int maxBookingHorizonDays;

	private int slotIntervalMinutes;

	private int cancellationNoticeHours;

	private int holdMinutes;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "clinic_opening_hours", joinColumns = @JoinColumn(name = "clinic_id"))
	private List<WeeklyPeriod> openingHours = new ArrayList<>();

	@Version
	private long version;

	protected Clinic() {
	}

	Clinic(ClinicProfile profile, BookingRules rules, WeeklyHours openingHours) {
		update(profile, rules, openingHours);
	}

	void update(ClinicProfile profile, BookingRules rules, WeeklyHours hours) {
		this.name = profile.name();
		this.addressLine = profile.address().line();
		this.city = profile.address().city();
		this.region = profile.address().region();
		this.postalCode = profile.address().postalCode();
		this.country = profile.address().country();
		this.phone = profile.phone();
		this.emergencyPhone = profile.emergencyPhone();
		this.email = profile.email();
		this.website = profile.website();
		this.timeZone = profile.timeZone().getId();
		this.currency = profile.currency();
		this.minBookingNoticeMinutes = rules.minBookingNoticeMinutes();
		this.maxBookingHorizonDays = rules.maxBookingHorizonDays();
		this.slotIntervalMinutes = rules.slotIntervalMinutes();
		this.cancellationNoticeHours = rules.cancellationNoticeHours();
		this.holdMinutes = rules.holdMinutes();
		this.openingHours.clear();
		this.openingHours.addAll(hours.toPeriods());
	}

	ClinicProfile profile() {
		return new ClinicProfile(name, new ClinicProfile.Address(addressLine, city, region, postalCode, country), phone,
				emergencyPhone, email, website, ZoneId.of(timeZone), currency);
	}

	BookingRules rules() {
		return new BookingRules(minBookingNoticeMinutes, maxBookingHorizonDays, slotIntervalMinutes,
				cancellationNoticeHours, holdMinutes);
	}

	WeeklyHours openingHours() {
		return WeeklyHours.of(openingHours);
	}

}
