package io.smiledesk.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.smiledesk.scheduling.Slot;

/** What the waitlist says to patients, in one place. */
final class WaitlistWording {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE, MMM d 'at' h:mm a", Locale.US);

	private final ZoneId zone;

	WaitlistWording(ZoneId zone) {
		this.zone = zone;
	}

	String offer(String firstName, String clinic, String service, Instant start, Instant moving, Duration expiry) {
		String greeting = firstName.isEmpty() ? "Hi," : "Hi " + firstName + ",";
		String what = moving == null ? "a " + service + " appointment has come free on " + when(start) + "."
				: "we can move your " + service + " on " + when(moving) + " earlier, to " + when(start) + ".";
		return greeting + " good news from " + clinic + ": " + what + " Reply YES to take it or NO to pass. "
				+ "The offer is open for " + expiry.toMinutes() + " minutes and goes to whoever answers first.";
	}

	String booked(String service, Instant start, String provider) {
		return "You're booked: " + service + " on " + when(start) + (provider == null ? "" : " with " + provider)
				+ ". See you then!";
	}

	String moved(String service, Instant start, String provider) {
		return "Done: your " + service + " is moved to " + when(start) + (provider == null ? "" : " with " + provider)
				+ ". See you then!";
	}

	String taken(List<Slot> alternatives) {
		String text = "Sorry, that time was just taken by someone who answered a moment earlier.";
		if (alternatives.isEmpty()) {
			return text + " You stay on our waitlist and we'll write again when another time comes free.";
		}
		return text + " The next free times are "
				+ alternatives.stream().map(slot -> when(slot.start())).collect(Collectors.joining("; "))
				+ ". Tell us which one suits you, or we'll keep you on the waitlist.";
	}

	String expired() {
		return "Sorry, that offer has lapsed and the time went to the waitlist again. You stay on our waitlist and "
				+ "we'll write when another time comes free.";
	}

	String declined() {
		return "No problem, thanks for letting us know. You stay on our waitlist for another time.";
	}

	String joined(String service) {
		return "You're on our waitlist for " + service + ". We'll message you as soon as an earlier time comes free.";
	}

	String when(Instant instant) {
		return WHEN.format(instant.atZone(zone));
	}

	static String firstName(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		return name.strip().split("\\s+")[0];
	}

}
