package io.smiledesk.patient;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPhoneRegion region for phone numbers written without a country code (ISO
 * 3166 alpha-2)
 */
@ConfigurationProperties("smiledesk.patients")
record PatientProperties(@DefaultValue("US") String defaultPhoneRegion) {
}
