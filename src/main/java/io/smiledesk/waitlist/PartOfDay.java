package io.smiledesk.waitlist;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The parts of a clinic day a patient can come in: before noon, until 17:00, after. */
public enum PartOfDay {

	MORNING, AFTERNOON, EVENING;

	static PartOfDay of(LocalTime time) {
		if (time.isBefore(LocalTime.NOON)) {
			return MORNING;
		}
		return time.isBefore(LocalTime.of(17, 0)) ? AFTERNOON : EVENING;
	}

	/** Parses one name in any case; empty for anything else. */
	static java.util.Optional<PartOfDay> parse(String value) {
		try {
			return java.util.Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	static String join(Set<PartOfDay> parts) {
		return parts.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<PartOfDay> split(String stored) {
		Set<PartOfDay> parts = EnumSet.noneOf(PartOfDay.class);
		for (String part : stored.split(",")) {
			if (!part.isBlank()) {
				parts.add(valueOf(part.strip()));
			}
		}
		return parts;
	}

}
