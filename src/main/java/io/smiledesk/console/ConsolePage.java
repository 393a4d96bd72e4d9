package io.smiledesk.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console page controller that lives beside its own module (the channel inbox in
 * the channel module): it gets the console's layout, navigation and signed-in staff like
 * the pages in this package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {

}
