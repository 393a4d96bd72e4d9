package io.smiledesk.assistant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The dialogue state as the conversation stores it: JSON (encrypted at rest there). */
final class States {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private States() {
	}

	static DialogueState read(String json) {
		if (json == null || json.isBlank()) {
			return new DialogueState();
		}
		try {
			return JSON.readValue(json, DialogueState.class);
		}
		catch (JacksonException ex) {
			// a state written by an older version that no longer reads: start afresh
			// rather than lock the patient out of the conversation
			return new DialogueState();
		}
	}

	static String write(DialogueState state) {
		return JSON.writeValueAsString(state);
	}

}
