package io.smiledesk.understanding;

import java.util.List;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.understanding.time.ClinicWindow;

/**
 * The clinic's opening hours as the time reader's windows want them: closures included.
 */
final class ClinicHours {

	private ClinicHours() {
	}

	static ClinicWindow.OpeningHours of(ClinicSnapshot clinic) {
		return date -> clinic.closedOn(date) ? List.of()
				: clinic.openingHours()
					.on(date.getDayOfWeek())
					.stream()
					.map(range -> new ClinicWindow.Period(range.start(), range.end()))
					.toList();
	}

}
