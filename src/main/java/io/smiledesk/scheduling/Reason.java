package io.smiledesk.scheduling;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/** A reason a scheduling request was refused, with the message every channel shows. */
public interface Reason {

	HttpStatus status();

	String message();

	String name();

	default String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
