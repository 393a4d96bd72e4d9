package io.smiledesk.conversation;

import io.smiledesk.system.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessageLengthTests {

	private final MessageLength length = new MessageLength(20);

	@Test
	void aMessageUpToTheLimitIsTaken() {
		assertThatNoException().isThrownBy(() -> length.check("a".repeat(20)));
	}

	@Test
	void aLongerMessageIsTooLargeNotMalformed() {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> length.check("a".repeat(21)));

		assertThat(problem.getStatusCode().value()).isEqualTo(413);
		assertThat(problem.getBody().getDetail()).contains("at most 20 characters").contains("has 21");
	}

	@Test
	void theLimitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageLength(0));
	}

}
