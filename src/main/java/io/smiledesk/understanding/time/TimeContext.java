package io.smiledesk.understanding.time;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * What a reading is resolved against: the moment the message was written, in the clinic's
 * zone; the language of the message (en, es, fr; others read as English); and optionally
 * the anchor, the time being talked about (the appointment being moved, the time last
 * proposed), against which shifts such as "an hour later" resolve.
 */
public record TimeContext(ZonedDateTime reference, String language, ZonedDateTime anchor) {

	public TimeContext {
		if (reference == null) {
			throw new IllegalArgumentException("a reference time is required");
		}
		language = language == null ? "en" : language.toLowerCase(Locale.ROOT);
		anchor = anchor == null ? null : anchor.withZoneSameInstant(reference.getZone());
	}

	public static TimeContext of(ZonedDateTime reference, String language) {
		return new TimeContext(reference, language, null);
	}

	public TimeContext withAnchor(ZonedDateTime anchor) {
		return new TimeContext(reference, language, anchor);
	}

	public Optional<ZonedDateTime> anchorTime() {
		return Optional.ofNullable(anchor);
	}

}
