package io.smiledesk.knowledge;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownChunksTests {

	final UUID id = UUID.randomUUID();

	@Test
	void splitsAtHeadingsAndKeepsTheHeadingPath() {
		String markdown = """
				Intro paragraph before any heading.

				# Payments

				We accept cards.

				## Payment plans

				Three monthly payments.

				Ask the front desk.

				## Financing

				CareCredit for larger plans.

				# Insurance

				Delta Dental PPO.
				""";

		List<Chunk> chunks = MarkdownChunks.split(id, "Money", markdown);

		assertThat(chunks).extracting(Chunk::headings)
			.containsExactly(List.of(), List.of("Payments"), List.of("Payments", "Payment plans"),
					List.of("Payments", "Financing"), List.of("Insurance"));
		assertThat(chunks.get(2).text()).isEqualTo("Three monthly payments.\n\nAsk the front desk.");
		assertThat(chunks.get(2).heading()).isEqualTo("Money > Payments > Payment plans");
		assertThat(chunks).extracting(Chunk::documentId).containsOnly(id);
		assertThat(chunks).extracting(Chunk::key).doesNotHaveDuplicates();
	}

	@Test
	void splitsALongSectionAtParagraphsAndSentences() {
		String paragraph = "This sentence is about forty characters. ".repeat(10).strip();
		String longParagraph = "A very long paragraph goes on and on. ".repeat(60).strip();
		String markdown = "# Long\n\n" + paragraph + "\n\n" + paragraph + "\n\n" + paragraph + "\n\n" + longParagraph;

		List<Chunk> chunks = MarkdownChunks.split(id, "Long", markdown);

		assertThat(chunks).hasSizeGreaterThan(3);
		assertThat(chunks).allSatisfy(chunk -> {
			assertThat(chunk.text().length()).isLessThanOrEqualTo(MarkdownChunks.MAX_CHUNK);
			assertThat(chunk.headings()).containsExactly("Long");
		});
	}

	@Test
	void headingsInsideCodeBlocksAreText() {
		List<Chunk> chunks = MarkdownChunks.split(id, "Code", "# Real\n\n```\n# not a heading\n```\n");

		assertThat(chunks).singleElement().satisfies(chunk -> {
			assertThat(chunk.headings()).containsExactly("Real");
			assertThat(chunk.text()).contains("# not a heading");
		});
	}

	@Test
	void sentencesIgnoreMarkdownAndTitles() {
		assertThat(Sentences
			.split("Ask **Dr. Lopez** about [whitening](https://x.example). It takes an hour.\n" + "- Cash\n- Cards"))
			.containsExactly("Ask Dr. Lopez about whitening.", "It takes an hour.", "Cash", "Cards");
	}

}
