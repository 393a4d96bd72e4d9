package io.smiledesk.assistant.phrasing;

import io.smiledesk.understanding.MessageContext;
import io.smiledesk.understanding.Understanding;

/**
 * Words the assistant's reply. The dialogue policy writes a complete, correct draft;
 * phrasing may only make it friendlier. Implementations never throw: the draft is always
 * a valid answer.
 */
public interface ReplyPhrasing {

	/**
	 * The reply to send and how it came about, for the message metadata.
	 */
	Phrased rephrase(String draft, MessageContext context);

	/** The reply to send. */
	default String phrase(String draft, MessageContext context) {
		return rephrase(draft, context).text();
	}

	/**
	 * A reply to send: the model's rewrite ({@code engine} "model") or the draft
	 * ({@code engine} "offline"), with why a configured model's rewrite was not used
	 * ({@code fallback}, e.g. "time changed", "timeout"; null otherwise) — the same
	 * vocabulary as {@link Understanding}.
	 */
	record Phrased(String text, String engine, String fallback) {

		public static Phrased draft(String draft) {
			return new Phrased(draft, Understanding.OFFLINE, null);
		}

		public static Phrased draft(String draft, String fallback) {
			return new Phrased(draft, Understanding.OFFLINE, fallback);
		}

		public static Phrased rewrite(String text) {
			return new Phrased(text, Understanding.MODEL, null);
		}

		public boolean rewritten() {
			return Understanding.MODEL.equals(this.engine);
		}

	}

}
