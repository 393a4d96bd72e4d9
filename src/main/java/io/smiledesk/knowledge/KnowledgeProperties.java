package io.smiledesk.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minRelevance below this relevance of the best chunk (its cosine with the
 * question, plus {@code lexicalWeight} times the share of the question's topic words it
 * contains) the question counts as not found; specific to the all-MiniLM-L6-v2 vectors
 * @param lexicalWeight the weight of the shared words in the relevance
 * @param supportSimilarity a sentence of a model's answer counts as supported when its
 * cosine with a sentence of the retrieved chunks reaches this
 * @param supportOverlap or when this share of its content words is in the retrieved
 * chunks
 */
@ConfigurationProperties("smiledesk.knowledge")
record KnowledgeProperties(@DefaultValue("0.57") double minRelevance, @DefaultValue("0.25") double lexicalWeight,
		@DefaultValue("0.75") double supportSimilarity, @DefaultValue("0.8") double supportOverlap) {
}
