package io.smiledesk.channel;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Channel properties as the application binds them: its defaults, and what a test sets.
 */
final class ChannelSettings {

	private ChannelSettings() {
	}

	/**
	 * @param properties relative to {@code smiledesk.channels}, e.g. public-base-url
	 */
	static ChannelProperties of(Map<String, String> properties) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		properties.forEach((name, value) -> source.put("smiledesk.channels." + name, value));
		return new Binder(source).bindOrCreate("smiledesk.channels", ChannelProperties.class);
	}

}
