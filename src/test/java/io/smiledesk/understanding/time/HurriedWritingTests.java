package io.smiledesk.understanding.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What hurried patients write (at Tuesday 10 March 2026, 09:30): compound spelled
 * minutes, a month after "in" with its day, a range whose start names no month, a doubled
 * or swapped letter in a short month, "@ 830", holiday shorthand.
 */
class HurriedWritingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			at two forty-five | 2026-03-10T14:45 minute
			three forty-five works | 2026-03-10T15:45 minute
			can I get in Jan 5 for my cleaning? | 2027-01-05 day
			can i come in on march 12 | 2026-03-12 day
			from the 30th to apr 3 | 2026-03-30/2026-04-04 day
			from the 2nd to the 5th of april | 2026-04-02/2026-04-06 day
			jully 15 pls | 2026-07-15 day
			marhc 20? | 2026-03-20 day
			jnue 3 | 2026-06-03 day
			mon @ 830? | 2026-03-16T08:30 minute
			at 945 | 2026-03-10T09:45 minute
			new yrs eve | 2026-12-31 day
			are you open election day | 2026-11-03 day
			""")
	void readsWhatPatientsWriteInAHurry(String text, String reading) {
		assertThat(Readings.primary(text)).isEqualTo(reading);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			my friend Jane booked here
			room 830 please
			""")
	void aSlipIsOnlyADoubledOrSwappedLetter(String text) {
		// "jane" is one letter from "june", and 830 without "at" is not a time
		assertThat(Readings.primary(text)).isEqualTo("none");
	}

}
