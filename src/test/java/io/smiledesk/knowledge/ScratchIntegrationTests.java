package io.smiledesk.knowledge;

import java.util.List;

import io.smiledesk.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ScratchIntegrationTests {

	@Autowired
	List<ClinicQuestions> questions;

	@Test
	void print() {
		for (String q : new String[] { "can I bring my service dog?", "what's your address by the way?",
				"what's your address?", "where are you located", "parking", "how much is teeth whitening?",
				"What brand of whitening gel do you use?", "Do you offer nitrous oxide, like laughing gas?" }) {
			System.out.println("SCRATCH " + q + " -> " + questions.get(0).ask(q));
		}
	}

}
