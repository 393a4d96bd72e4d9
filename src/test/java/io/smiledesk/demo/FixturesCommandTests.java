package io.smiledesk.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FixturesCommandTests {

	@Test
	void readsOptionsWithASpaceOrAnEqualsSign() {
		List<String> words = List.of("fixtures", "--count", "7", "--seed=3");

		assertThat(FixturesCommand.option(words, "count")).contains("7");
		assertThat(FixturesCommand.option(words, "seed")).contains("3");
		assertThat(FixturesCommand.option(words, "other")).isEmpty();
		assertThat(FixturesCommand.option(List.of("fixtures", "--count"), "count")).isEmpty();
	}

}
