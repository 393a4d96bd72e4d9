package io.smiledesk.understanding;

/**
 * What one message means: the intent with a confidence in [0, 1], the facts it states,
 * the language it is written in (ISO 639-1, "en" when unsure), which engine read it
 * ("offline" or "model"), and why the model was not used when it was configured (null
 * otherwise).
 */
public record Understanding(Intent intent, double confidence, Entities entities, String language, String engine,
		String fallback) {

	public static final String OFFLINE = "offline";

	public static final String MODEL = "model";

	public Understanding withFallback(String reason) {
		return new Understanding(intent, confidence, entities, language, OFFLINE, reason);
	}

}
