package io.smiledesk.assistant.phrasing;

import io.smiledesk.understanding.MessageContext;

/** Sends the draft as written: the default, and what runs without a model. */
public final class OfflineReplyPhrasing implements ReplyPhrasing {

	@Override
	public Phrased rephrase(String draft, MessageContext context) {
		return Phrased.draft(draft);
	}

}
