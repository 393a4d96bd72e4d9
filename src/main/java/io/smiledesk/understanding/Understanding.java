package io.smiledesk.understanding;

/**
 * What one message means: the intent with a confidence in [0, 1], the facts it states,
 * the language it is written in (ISO 639-1, "en" when unsure), which engine read it
 * ("offline" or "model"), why the model was not used when it was configured (null
 * otherwise), and whether it also asks for information ({@code asks}: "how much is it?
 * and can I come Tuesday?" books and asks).
 */
public record Understanding(Intent intent, double confidence, Entities entities, String language, String engine,
		String fallback, boolean asks) {

	public Understanding(Intent intent, double confidence, Entities entities, String language, String engine,
			String fallback) {
		this(intent, confidence, entities, language, engine, fallback, intent == Intent.QUESTION);
	}

	public static final String OFFLINE = "offline";

	public static final String MODEL = "model";

	public Understanding withFallback(String reason) {
		return new Understanding(intent, confidence, entities, language, OFFLINE, reason, asks);
	}

}
