package io.smiledesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.smiledesk.knowledge.KnowledgeDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brightside Dental's knowledge base ({@code resources/demo/knowledge/*.md}, each with a
 * title and tags in its front matter), loaded when the demo is on and the knowledge base
 * is empty.
 */
@Component
@Order(2)
class DemoKnowledgeBase implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeBase.class);

	static final String AUTHOR = "demo";

	private final KnowledgeDocuments documents;

	private final DemoProperties properties;

	private final TransactionTemplate transaction;

	DemoKnowledgeBase(KnowledgeDocuments documents, DemoProperties properties,
			PlatformTransactionManager transactions) {
		this.documents = documents;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled() || documents.count() > 0) {
			return;
		}
		List<KnowledgeDocuments.Draft> drafts = drafts();
		transaction.executeWithoutResult(status -> drafts.forEach(draft -> documents.create(draft, AUTHOR)));
		log.info("Loaded the demo knowledge base ({} documents)", drafts.size());
	}

	static List<KnowledgeDocuments.Draft> drafts() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/knowledge/*.md");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			return Arrays.stream(files).map(DemoKnowledgeBase::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Front matter between two {@code ---} lines gives the title and tags. */
	static KnowledgeDocuments.Draft parse(String name, String text) {
		String normalized = text.replace("\r\n", "\n");
		if (!normalized.startsWith("---\n")) {
			throw new IllegalStateException(name + " has no front matter");
		}
		int end = normalized.indexOf("\n---\n", 4);
		String title = null;
		List<String> tags = List.of();
		for (String line : normalized.substring(4, end).split("\n")) {
			if (line.startsWith("title:")) {
				title = line.substring("title:".length()).strip();
			}
			else if (line.startsWith("tags:")) {
				tags = Arrays.stream(line.substring("tags:".length()).split(","))
					.map(String::strip)
					.filter(tag -> !tag.isEmpty())
					.toList();
			}
		}
		return new KnowledgeDocuments.Draft(title, normalized.substring(end + 5).strip(), tags);
	}

	private static KnowledgeDocuments.Draft read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return parse(file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
