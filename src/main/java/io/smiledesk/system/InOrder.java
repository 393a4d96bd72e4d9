package io.smiledesk.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An application module listener whose events are handled one at a time, in the order
 * their changes committed, on a module's own single-thread executor (named by
 * {@link #value()}). A booking and its cancellation, or a reply and the booking it led
 * to, must reach the listener in that order, which the shared pool of
 * {@code @ApplicationModuleListener} does not promise. It still runs after the commit, in
 * its own transaction, off the request's thread (a request never holds two connections),
 * and the event publication registry keeps every event until it is handled.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
public @interface InOrder {

	/** The bean name of the module's single-thread executor. */
	@AliasFor(annotation = Async.class, attribute = "value")
	String value();

}
