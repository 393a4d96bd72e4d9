package io.smiledesk.patient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactDetailsTests {

	@Test
	void normalisesEmails() {
		assertThat(ContactDetails.email("  Ana.Silva@Example.COM ")).contains("ana.silva@example.com");
		assertThat(ContactDetails.email("  ")).isEmpty();
		assertThat(ContactDetails.email(null)).isEmpty();
	}

	@Test
	void refusesWhatIsNotAnEmail() {
		for (String bad : new String[] { "ana", "ana@", "@example.com", "ana@example", "a b@example.com",
				"ana@@example.com" }) {
			assertThatThrownBy(() -> ContactDetails.email(bad)).as(bad)
				.isInstanceOf(ContactDetails.InvalidContactException.class);
		}
	}

	@Test
	void writesPhonesInE164() {
		assertThat(ContactDetails.phone("(973) 555-0101", "US")).contains("+19735550101");
		assertThat(ContactDetails.phone("973.555.0101", "US")).contains("+19735550101");
		assertThat(ContactDetails.phone("+44 20 7946 0958", "US")).contains("+442079460958");
		assertThat(ContactDetails.phone("020 7946 0958", "GB")).contains("+442079460958");
		assertThat(ContactDetails.phone("", "US")).isEmpty();
	}

	@Test
	void refusesImpossiblePhones() {
		for (String bad : new String[] { "12", "call me", "+1 000 000 0000", "555-0101" }) {
			assertThatThrownBy(() -> ContactDetails.phone(bad, "US")).as(bad)
				.isInstanceOf(ContactDetails.InvalidContactException.class);
		}
	}

}
