package io.smiledesk.console;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Knowledge-base Markdown as HTML for staff: raw HTML in the text is escaped (shown,
 * never run) and link targets such as {@code javascript:} are removed, so a document
 * cannot inject script into the console.
 */
final class KnowledgeMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.percentEncodeUrls(true)
		.build();

	private KnowledgeMarkdown() {
	}

	static String html(String markdown) {
		return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
	}

}
