package io.smiledesk.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled seed the demo clinic when the database is empty
 * @param fakePatients how many fake patients with appointments to add on that first start
 */
@ConfigurationProperties("smiledesk.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int fakePatients) {
}
