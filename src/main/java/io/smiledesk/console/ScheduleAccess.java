package io.smiledesk.console;

import io.smiledesk.system.Access;

import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which schedule and patient buttons the signed-in role may use, read from the same
 * {@link Access} expressions that guard the handlers, so a button is shown exactly when
 * the server would accept its request.
 *
 * @param frontOffice booking, changing and cancelling appointments
 * @param closeVisits completing a visit
 */
record ScheduleAccess(boolean frontOffice, boolean closeVisits) {

	private static final ExpressionParser PARSER = new SpelExpressionParser();

	static ScheduleAccess current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return new ScheduleAccess(allows(authentication, Access.FRONT_OFFICE),
				allows(authentication, Access.VISIT_CLOSERS));
	}

	static boolean allows(Authentication authentication, String expression) {
		if (authentication == null) {
			return false;
		}
		SecurityExpressionRoot<Object> root = new SecurityExpressionRoot<>(authentication) {
		};
		return Boolean.TRUE
			.equals(PARSER.parseExpression(expression).getValue(new StandardEvaluationContext(root), Boolean.class));
	}

}
