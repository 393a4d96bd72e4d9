package io.smiledesk.billing;

import io.smiledesk.payment.Money;

/**
 * What the clinic charges for one procedure.
 *
 * @param code the CDT code (D1110), or the service id when none is configured
 * @param overridden whether staff set it, rather than the services catalogue
 */
record Fee(String code, String description, Money amount, boolean overridden) {

}
