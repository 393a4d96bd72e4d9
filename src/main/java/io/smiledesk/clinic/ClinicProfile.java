package io.smiledesk.clinic;

import java.time.ZoneId;

public record ClinicProfile(String name, Address address, String phone, String emergencyPhone, String email,
		String website, ZoneId timeZone, String currency) {

	public record Address(String line, String city, String region, String postalCode, String country) {
	}

}
