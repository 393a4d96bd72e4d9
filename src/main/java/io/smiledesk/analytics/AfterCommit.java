package io.smiledesk.analytics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener that runs once the change it hears about has committed, in its own
 * transaction, on the thread that committed it. Not asynchronous on purpose: an
 * appointment's booking and its deletion (or cancellation) must reach the read model in
 * the order they happened, which parallel listeners do not promise. The event publication
 * registry still keeps every event until its listener has finished.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TransactionalEventListener
@Transactional(propagation = Propagation.REQUIRES_NEW)
@interface AfterCommit {

}
