package io.smiledesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console page controller that lives beside its own module (the channel inbox in
 * the channel module): it gets the console's layout, navigation and signed-in staff, and
 * fails as a page, like the console's own pages. Here rather than in the console, so that
 * a module with a page does not depend on the console, which depends on (the audit trail
 * of) nearly everything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {

}
