package io.smiledesk.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL pass, skips when no server answers on 127.0.0.1:5432, unless
 * {@code smiledesk.postgres=required} (CI), where a missing server fails the run instead.
 */
public class PostgresAvailability implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.postgres()) {
			return ConditionEvaluationResult.enabled("H2 pass");
		}
		String mode = System.getProperty("smiledesk.postgres", "auto");
		if ("skip".equals(mode)) {
			return ConditionEvaluationResult.disabled("PostgreSQL pass switched off (smiledesk.postgres=skip)");
		}
		if (TestDatabase.postgresAnswers()) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers");
		}
		if ("required".equals(mode)) {
			throw new IllegalStateException("PostgreSQL is required (smiledesk.postgres=required) but "
					+ TestDatabase.HOST + ":" + TestDatabase.PORT + " does not answer");
		}
		return ConditionEvaluationResult.disabled("No PostgreSQL on 127.0.0.1:5432; PostgreSQL pass skipped");
	}

}
