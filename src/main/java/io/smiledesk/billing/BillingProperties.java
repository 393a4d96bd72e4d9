package io.smiledesk.billing;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings.
 *
 * @param procedures the procedures each service stands for, with their CDT codes; a
 * service not listed is billed under its own id at its catalogue price
 */
@ConfigurationProperties("smiledesk.billing")
record BillingProperties(@DefaultValue List<Procedure> procedures) {

	/**
	 * @param service the catalogue's service id
	 * @param code the CDT code, e.g. D1110
	 * @param name how statements name it
	 * @param fee the default fee; unset, the service's catalogue price
	 */
	record Procedure(String service, String code, String name, BigDecimal fee) {
	}

}
