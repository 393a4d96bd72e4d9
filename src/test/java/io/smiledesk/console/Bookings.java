package io.smiledesk.console;

import java.time.Instant;
import java.util.Optional;

import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;

/** Console tests book through the same service the console and the API use. */
final class Bookings {

	private Bookings() {
	}

	static AppointmentView book(Booking booking, String name, String email, Instant start, String service,
			String provider) {
		Booking.Outcome outcome = booking
			.book(new Booking.BookRequest(name, email, null, null, null, service, start, Optional.ofNullable(provider),
					Optional.empty(), null, CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		if (outcome instanceof Booking.Done done) {
			return done.appointment();
		}
		throw new IllegalStateException("Test booking refused: " + outcome);
	}

}
