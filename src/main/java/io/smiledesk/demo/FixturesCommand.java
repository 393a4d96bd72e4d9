package io.smiledesk.demo;

import java.util.List;
import java.util.Optional;

import io.smiledesk.clinic.ClinicCatalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code fixtures --count 25 [--seed 7]}: adds fake patients and appointments to the
 * configured database and exits.
 */
@Component
@Order(2)
class FixturesCommand implements ApplicationRunner {

	private final FakePatients fakePatients;

	private final ClinicCatalog catalog;

	FixturesCommand(FakePatients fakePatients, ClinicCatalog catalog) {
		this.fakePatients = fakePatients;
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
		System.out.printf("fixtures: added %d patients and %d appointments%n", result.patients(),
				result.appointments());
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
