package io.smiledesk.system;

/**
 * Input that a domain rule refuses (an impossible phone number, say); answered as a 400
 * naming the field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
