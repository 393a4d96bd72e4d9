package io.smiledesk.campaign;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An application module listener on the campaigns' own thread: after the commit, in its
 * own transaction, kept by the event publication registry until handled, and in commit
 * order.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async(CampaignConfiguration.IN_ORDER)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@interface InOrder {

}
