package io.smiledesk.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowNewPatients whether a public booking may register an unknown patient (false
 * answers 404)
 */
@ConfigurationProperties("smiledesk.booking")
record SchedulingProperties(@DefaultValue("true") boolean allowNewPatients) {
}
