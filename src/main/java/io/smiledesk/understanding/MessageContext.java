package io.smiledesk.understanding;

import java.time.LocalDateTime;
import java.util.List;

import io.smiledesk.clinic.ClinicSnapshot;

/**
 * What the reader of a message knows besides its text: the clinic-local moment it was
 * written, the clinic (services, providers), what the assistant last asked for (e.g.
 * "confirm", "email", "slot"; may be null), the last few turns, oldest first, the
 * conversation's language so far (null at first; a short message is read in it), and the
 * clinic-local time being talked about ({@code anchor}: "an hour later" moves from it;
 * may be null).
 */
public record MessageContext(LocalDateTime now, ClinicSnapshot clinic, String awaiting, List<Turn> recent,
		String language, LocalDateTime anchor) {

	public MessageContext(LocalDateTime now, ClinicSnapshot clinic, String awaiting, List<Turn> recent) {
		this(now, clinic, awaiting, recent, null, null);
	}

	/**
	 * The language to read the text in: its own when it says enough, else the
	 * conversation's.
	 */
	public String languageOf(String text) {
		String guessed = Languages.guess(text);
		boolean keep = Languages.ENGLISH.equals(guessed) && language != null && !Languages.ENGLISH.equals(language)
				&& !Languages.saysEnglish(text);
		return keep ? language : guessed;
	}

	public record Turn(boolean fromPatient, String text) {
	}

}
