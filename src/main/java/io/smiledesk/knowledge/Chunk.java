package io.smiledesk.knowledge;

import java.util.List;
import java.util.UUID;

/**
 * A searchable piece of a document: one section (or part of a long one) with the path of
 * headings above it.
 *
 * @param key unique in the index ({@code <document>#<ordinal>})
 * @param documentId the document, or null for a chunk made from the clinic settings
 * @param title the document's title, shown as the source
 * @param headings the headings above the text, outermost first
 * @param text the Markdown of the section
 * @param serviceId a bookable service the chunk is about, or null
 */
record Chunk(String key, UUID documentId, String title, List<String> headings, String text, String serviceId) {

	Chunk {
		headings = List.copyOf(headings);
	}

	/** What is indexed for the headings: the title and the heading path. */
	String heading() {
		StringBuilder heading = new StringBuilder(title);
		for (String each : headings) {
			if (!each.equalsIgnoreCase(title)) {
				heading.append(" > ").append(each);
			}
		}
		return heading.toString();
	}

	Chunk withService(String id) {
		return new Chunk(key, documentId, title, headings, text, id);
	}

}
