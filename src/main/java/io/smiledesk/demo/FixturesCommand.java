package io.smiledesk.demo;

import java.util.List;
import java.util.Optional;

import io.smiledesk.clinic.ClinicCatalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code fixtures --count 25 [--seed 7]}: adds fake patients and appointments, and
 * conversations on patients' own channels for the inbox, to the configured database and
 * exits.
 */
@Component
@Order(2)
class FixturesCommand implements ApplicationRunner {

	private final FakePatients fakePatients;

	private final FakeConversations fakeConversations;

	private final ClinicCatalog catalog;

	FixturesCommand(FakePatients fakePatients, FakeConversations fakeConversations, ClinicCatalog catalog) {
		this.fakePatients = fakePatients;
		this.fakeConversations = fakeConversations;
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains("fixtures")) {
			return;
		}
		if (!catalog.isConfigured()) {
			throw new IllegalStateException("The clinic is not set up; start once with smiledesk.demo.enabled=true");
		}
		List<String> words = List.of(args.getSourceArgs());
		int count = Integer.parseInt(option(words, "count").orElse("25"));
		long seed = option(words, "seed").map(Long::parseLong).orElse(System.nanoTime());
		if (count < 1 || count > 100_000) {
			throw new IllegalArgumentException("--count must be between 1 and 100000");
		}
		FakePatients.Result result = fakePatients.generate(count, seed);
		// about one conversation on a patient's own channel for every five patients
		int conversations = fakeConversations.generate(Math.max(1, count / 5), seed);
		System.out.printf("fixtures: added %d patients, %d appointments and %d conversations (SMS, WhatsApp, email)%n",
				result.patients(), result.appointments(), conversations);
	}

	/** Reads {@code --name value} as well as {@code --name=value}. */
	static Optional<String> option(List<String> words, String name) {
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.startsWith("--" + name + "=")) {
				return Optional.of(word.substring(name.length() + 3));
			}
			if (word.equals("--" + name) && i + 1 < words.size()) {
				return Optional.of(words.get(i + 1));
			}
		}
		return Optional.empty();
	}

}
