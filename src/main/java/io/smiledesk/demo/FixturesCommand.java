package io.smiledesk.demo;

import java.util.List;

import io.smiledesk.clinic.ClinicCatalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code fixtures --count 25 [--seed 7]}: adds fake patients and appointments to the configured database and exits.
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
		int count = Integer.parseInt(first(args.getOptionValues("count"), "25"));
		long seed = Long.parseLong(first(args.getOptionValues("seed"), String.valueOf(System.nanoTime())));
		FakePatients.Result result = fakePatients.generate(count, seed);
		System.out.printf("fixtures: added %d patients and %d appointments%n", result.patients(), result.appointments());
	}

	private static String first(List<String> values, String fallback) {
		return values == null || values.isEmpty() ? fallback : values.get(0);
	}

}
