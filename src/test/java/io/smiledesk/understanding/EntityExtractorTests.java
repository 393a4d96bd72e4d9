package io.smiledesk.understanding;

import io.smiledesk.test.Clinics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityExtractorTests {

	final EntityExtractor extractor = new EntityExtractor("US");

	Entities read(String text) {
		return extractor.extract(text, Clinics.context(null));
	}

	Entities read(String text, String awaiting) {
		return extractor.extract(text, Clinics.context(awaiting));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I need a cleaning                         | annual_cleaning
			can I come in for a clean                 | annual_cleaning
			time for my check up                      | annual_cleaning
			I'm due to get my teeth checked and cleaned | annual_cleaning
			need a checkup                            | annual_cleaning
			hygiene appointment please                | annual_cleaning
			annual cleaning                           | annual_cleaning
			need a clening next week                  | annual_cleaning
			teeth whitening                           | teeth_whitening
			I want to whiten my teeth                 | teeth_whitening
			do you do bleaching                       | teeth_whitening
			how much is whitning                      | teeth_whitening
			teeth_whitening                           | teeth_whitening
			I need a filling                          | filling
			I think I have a cavity                   | filling
			need appt for fillin                      | filling
			my crown is loose                         | crown_consultation
			Crown Consultation                        | crown_consultation
			my tooth hurts                            | emergency_exam
			I have a toothache                        | emergency_exam
			broken tooth                              | emergency_exam
			I chipped my front tooth                  | emergency_exam
			my tooth hurts, maybe I need a filling    | emergency_exam
			I'm a new patient                         | new_patient_exam
			new patient exam please                   | new_patient_exam
			""")
	void findsServicesByNameSynonymOrTypo(String text, String service) {
		assertThat(read(text).serviceId()).isEqualTo(service);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			clear everything
			I'm calling about my bill
			can I pay by card
			where is the clinic
			is there parking
			my mom will come too
			yes
			""")
	void findsNoServiceInOrdinaryWords(String text) {
		assertThat(read(text).serviceId()).isNull();
	}

	@Test
	void resolvesKindsAgainstAnotherClinicsCatalog() {
		MessageContext context = new MessageContext(Clinics.NOW,
				Clinics.clinic(List.of(Clinics.service("hyg-60", "Hygiene Visit"),
						Clinics.service("zoom", "Zoom Whitening"), Clinics.retired("old-fill", "Filling")), List.of()),
				null, List.of());

		assertThat(extractor.extract("I'd like a cleaning", context).serviceId()).isEqualTo("hyg-60");
		assertThat(extractor.extract("bleaching please", context).serviceId()).isEqualTo("zoom");
		// a retired service is not offered
		assertThat(extractor.extract("I need a filling", context).serviceId()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			can I see Dr Lopez                        | dr-maria-lopez
			dr. chen please                           | dr-james-chen
			with Maria if possible                    | dr-maria-lopez
			Sam                                       | sam-oneill
			a cleaning with sam on friday             | sam-oneill
			Dr Patel                                  | dr-aisha-patel
			doctor lopes                              | dr-maria-lopez
			Sam O'Neill                               | sam-oneill
			""")
	void findsProviders(String text, String provider) {
		assertThat(read(text).providerId()).isEqualTo(provider);
	}

	@Test
	void aFirstNameThatIsAlsoAWordIsANameBeforeASurname() {
		assertThat(read("Will Turner will.turner@example.com", "name").name()).isEqualTo("Will Turner");
		assertThat(read("I will come on Friday", "name").name()).isNull();
	}

	@Test
	void theServiceKeptOrRefusedIsNotTheOneMeant() {
		assertThat(read("I'd like to cancel my cleaning but keep the filling").serviceId())
			.isEqualTo("annual_cleaning");
		assertThat(read("no wait, not a cleaning, a filling").serviceId()).isEqualTo("filling");
		assertThat(read("just keep my whitening please").serviceId()).isEqualTo("teeth_whitening");
	}

	@Test
	void findsNoProviderInOtherNamesOrInactiveProviders() {
		assertThat(read("I'm Maria Garcia and I need a cleaning").providerId()).isNull();
		assertThat(read("my friend maria recommended you, I need a cleaning").providerId()).isNull();
		MessageContext context = new MessageContext(Clinics.NOW,
				Clinics.clinic(List.of(), List.of(Clinics.provider("dr-old", "Dr. Ann Retired", false))), null,
				List.of());
		assertThat(extractor.extract("with dr retired", context).providerId()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I'd like a dentist who speaks Spanish                     | dr-lopez
			¿Me puede atender una dentista que hable español?         | dr-lopez
			je voudrais un dentiste qui parle espagnol                | dr-lopez
			does anyone speak Hindi?                                  | dr-patel
			a dentist who speaks English                              |
			en español por favor                                      |
			""")
	void findsTheOneProviderWhoSpeaksTheLanguageAskedFor(String text, String provider) {
		// given profiles listing languages; when a language is asked for; then the one
		// provider speaking it, none when several or nobody is asked to speak it
		MessageContext context = new MessageContext(Clinics.NOW,
				Clinics.clinic(List.of(),
						List.of(speaking("dr-lopez", "Dr. Maria Lopez", "English", "Spanish"),
								speaking("dr-patel", "Dr. Aisha Patel", "English", "Hindi"),
								speaking("dr-chen", "Dr. James Chen", "English"))),
				null, List.of());
		assertThat(extractor.extract(text, context).providerId()).isEqualTo(provider);
	}

	private static io.smiledesk.clinic.ProviderInfo speaking(String id, String name, String... languages) {
		io.smiledesk.clinic.ProviderInfo provider = Clinics.provider(id, name, true);
		return new io.smiledesk.clinic.ProviderInfo(id, name, provider.role(), provider.title(), provider.bio(),
				List.of(languages), true, provider.hours(), provider.breaks(), provider.timeOff());
	}

	@Test
	void findsEmailAndPhone() {
		Entities entities = read("need a cleaning next tue afternoon, im Ana Silva ana@x.com 973-555-0101");

		assertThat(entities.email()).isEqualTo("ana@x.com");
		assertThat(entities.phone()).isEqualTo("973-555-0101");
		assertThat(entities.name()).isEqualTo("Ana Silva");
		assertThat(entities.serviceId()).isEqualTo("annual_cleaning");
		assertThat(entities.when()).isEqualTo(
				new TimeExpression.Between(LocalDateTime.of(2025, 8, 12, 12, 0), LocalDateTime.of(2025, 8, 12, 17, 0)));
		assertThat(read("call me on +44 20 7946 0958").phone()).isEqualTo("+44 20 7946 0958");
		assertThat(read("my number is (973) 555 0133").phone()).isEqualTo("(973) 555 0133");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			born 1990-03-04
			dob 1990-03-04
			see you at 10 on the 20th
			I have 2 kids
			at 3pm on 8/20
			email is john.1990@mail.com
			""")
	void findsNoPhoneInDatesTimesOrEmails(String text) {
		assertThat(read(text).phone()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I'm Ana Silva                             | Ana Silva
			im ana silva                              | Ana Silva
			my name is Jo                             | Jo
			my name is ana                            | Ana
			This is Tom O'Brien calling               | Tom O'Brien
			name: Lee Wong                            | Lee Wong
			Hi, I'm Ana. I need a cleaning            | Ana
			oh it might be under Catherine Doyle      | Catherine Doyle
			It's for Dorothy Kline, you can use my email | Dorothy Kline
			can i move it 2 wed @ 5:30pm instead. jay obi jay.obi@example.com | jay obi
			quiero cancelar mi cita. Carmen Ortega, mi cel es 201 555 0155 | Carmen Ortega
			""")
	void findsNames(String text, String name) {
		assertThat(read(text).name()).isEqualTo(name);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I'm looking for a dentist
			I'm in pain
			I'm new here
			im sick
			this is urgent
			I'm not sure
			I'm calling to book
			i'm so sorry
			Ana Silva
			I'm under 18
			we are under a lot of stress
			""")
	void takesNoDescriptionForAName(String text) {
		assertThat(read(text).name()).isNull();
	}

	@Test
	void aCorrectedPhoneNumberIsAPhoneNumberWhileTheBirthDateIsAsked() {
		Entities entities = read("sorry, typo, it's 201-555-0191", "dob");

		assertThat(entities.phone()).isEqualTo("201-555-0191");
		assertThat(entities.dateOfBirth()).isNull();
		assertThat(entities.name()).isNull();
	}

	@Test
	void takesABareNameWhenAskedForIt() {
		assertThat(read("Ana Silva", "name").name()).isEqualTo("Ana Silva");
		assertThat(read("maria garcia", "name").name()).isEqualTo("Maria Garcia");
		assertThat(read("Sam", "name").name()).isEqualTo("Sam");
		assertThat(read("Sam", "name").providerId()).isNull();
		assertThat(read("yes", "name").name()).isNull();
		assertThat(read("tomorrow morning", "name").name()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			born 3 March 1990                         | 1990-03-03
			dob 1990-03-04                            | 1990-03-04
			my birthday is 04/03/1990                 | 1990-04-03
			date of birth: March 3rd, 1985            | 1985-03-03
			I was born on 12/25/79                    | 1979-12-25
			my dob is 25/12/1979                      | 1979-12-25
			""")
	void findsDatesOfBirth(String text, LocalDate dateOfBirth) {
		Entities entities = read(text);
		assertThat(entities.dateOfBirth()).isEqualTo(dateOfBirth);
		assertThat(entities.when()).isNull();
	}

	@Test
	void takesABareDateOfBirthWhenAskedForIt() {
		Entities entities = read("3/4/1990", "dob");
		assertThat(entities.dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 4));
		assertThat(entities.when()).isNull();
		assertThat(read("march 3 1990").dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 3));
		// an upcoming date is when, not a birthday
		Entities booking = read("can I come on 8/20/2025");
		assertThat(booking.dateOfBirth()).isNull();
		assertThat(booking.when()).isNotNull();
	}

	@Test
	void readsTheTimeWantedInClinicTime() {
		assertThat(read("tomorrow at 3pm").when())
			.isEqualTo(new TimeExpression.At(LocalDateTime.of(2025, 8, 5, 15, 0)));
		assertThat(read("I need a cleaning").when()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			the second one                            |     | 2
			option 2                                  |     | 2
			#3                                        |     | 3
			I'll take the first one                   |     | 1
			first                                     |     | 1
			2                                         | slot| 2
			the 3rd one please                        |     | 3
			the last one                              | slot| -1
			the latest one pls                        | slot| -1
			la última                                 | slot| -1
			la dernière                               | slot| -1
			2nd 1                                     | slot| 2
			whatever's soonest                        | slot| 1
			ok, 1 then                                | slot| 1
			ok the first of those then                | slot| 1
			""")
	void findsChoices(String text, String awaiting, Integer choice) {
		Entities entities = read(text, awaiting);
		assertThat(entities.choice()).isEqualTo(choice);
		assertThat(entities.when()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2
			first thing in the morning
			my first visit
			I have 2 kids
			at 2
			the last one
			my last appointment
			""")
	void findsNoChoiceWithoutOptions(String text) {
		assertThat(read(text).choice()).isNull();
	}

	@Test
	void findsNothingInEmptyText() {
		assertThat(read("").isEmpty()).isTrue();
		assertThat(read("   ").isEmpty()).isTrue();
		assertThat(read("hello").isEmpty()).isTrue();
	}

}
