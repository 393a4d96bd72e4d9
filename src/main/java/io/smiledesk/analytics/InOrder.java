package io.smiledesk.analytics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An application module listener whose events are handled one at a time, in the order
 * their changes committed. A booking and its deletion (or cancellation) must reach the
 * read model in that order, which the shared pool of {@code @ApplicationModuleListener}
 * does not promise. It still runs after the commit, in its own transaction, off the
 * request's thread (a request never holds two connections), and the event publication
 * registry keeps every event until it is handled.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async(AnalyticsConfiguration.IN_ORDER)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@interface InOrder {

}
