package io.smiledesk.scheduling;

import org.springframework.http.HttpStatus;

/** Why a series of visits was refused as a whole. */
enum SeriesRefusal implements Reason {

	PATIENT_NOT_FOUND(HttpStatus.NOT_FOUND, "No patient with that id."),
	SERIES_NOT_FOUND(HttpStatus.NOT_FOUND, "No appointment series with that id."),
	NOTHING_BOOKED(HttpStatus.CONFLICT, "None of the appointments of the series could be booked; nothing was kept.");

	private final HttpStatus status;

	private final String message;

	SeriesRefusal(HttpStatus status, String message) {
		this.status = status;
		this.message = message;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String message() {
		return message;
	}

}
