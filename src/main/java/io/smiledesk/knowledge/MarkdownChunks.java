package io.smiledesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown into chunks at headings, and a long section at paragraphs, keeping the
 * heading path with every chunk.
 */
final class MarkdownChunks {

	/** Sections longer than this are split at paragraphs (and sentences). */
	static final int MAX_CHUNK = 800;

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

	private MarkdownChunks() {
	}

	static List<Chunk> split(UUID documentId, String title, String markdown) {
		List<Chunk> chunks = new ArrayList<>();
		List<String> path = new ArrayList<>();
		List<Integer> levels = new ArrayList<>();
		List<String> paragraphs = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		boolean fenced = false;
		for (String line : markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
			if (line.strip().startsWith("```")) {
				fenced = !fenced;
			}
			Matcher heading = fenced ? null : HEADING.matcher(line);
			if (heading != null && heading.matches()) {
				endParagraph(paragraph, paragraphs);
				emit(chunks, documentId, title, path, paragraphs);
				int level = heading.group(1).length();
				while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
					levels.remove(levels.size() - 1);
					path.remove(path.size() - 1);
				}
				levels.add(level);
				path.add(heading.group(2).strip());
			}
			else if (line.isBlank() && !fenced) {
				endParagraph(paragraph, paragraphs);
			}
			else {
				if (paragraph.length() > 0) {
					paragraph.append('\n');
				}
				paragraph.append(line.stripTrailing());
			}
		}
		endParagraph(paragraph, paragraphs);
		emit(chunks, documentId, title, path, paragraphs);
		return chunks;
	}

	private static void endParagraph(StringBuilder paragraph, List<String> paragraphs) {
		if (!paragraph.toString().isBlank()) {
			paragraphs.add(paragraph.toString().strip());
		}
		paragraph.setLength(0);
	}

	/** The section's paragraphs, packed into chunks of at most {@link #MAX_CHUNK}. */
	private static void emit(List<Chunk> chunks, UUID documentId, String title, List<String> path,
			List<String> paragraphs) {
		List<String> pieces = new ArrayList<>();
		for (String paragraph : paragraphs) {
			if (paragraph.length() <= MAX_CHUNK) {
				pieces.add(paragraph);
			}
			else {
				pieces.addAll(pack(Sentences.split(paragraph), " "));
			}
		}
		for (String text : pack(pieces, "\n\n")) {
			String key = (documentId == null ? "clinic" : documentId.toString()) + "#" + chunks.size();
			chunks.add(new Chunk(key, documentId, title, path, text, null));
		}
		paragraphs.clear();
	}

	private static List<String> pack(List<String> pieces, String separator) {
		List<String> packed = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String piece : pieces) {
			if (current.length() > 0 && current.length() + separator.length() + piece.length() > MAX_CHUNK) {
				packed.add(current.toString());
				current.setLength(0);
			}
			if (current.length() > 0) {
				current.append(separator);
			}
			current.append(piece.length() > MAX_CHUNK * 2 ? piece.substring(0, MAX_CHUNK * 2) : piece);
		}
		if (current.length() > 0) {
			packed.add(current.toString());
		}
		return packed;
	}

}
