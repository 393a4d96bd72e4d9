package io.smiledesk.campaign;

import io.smiledesk.system.SentenceEmbeddings;

import org.springframework.stereotype.Component;

/**
 * How a patient's reply feels, offline: the {@link SentimentModel} over the reply's
 * sentence vector and lexicon cues.
 */
@Component
class ReplySentiment {

	private final SentenceEmbeddings embeddings;

	private final SentimentModel model;

	ReplySentiment(SentenceEmbeddings embeddings) {
		this.embeddings = embeddings;
		this.model = SentimentModel.load();
	}

	Sentiment of(String text) {
		return model.predict(SentimentModel.features(ReplyReading.cues(text), embeddings.embed(text)));
	}

}
