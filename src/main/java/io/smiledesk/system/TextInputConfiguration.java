package io.smiledesk.system;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text in request bodies may not carry control characters (NUL and the like; tabs and
 * line breaks are fine): no clinic data needs them, PostgreSQL refuses NUL outright, and
 * they are a favourite of log and header injection.
 */
@Configuration(proxyBeanMethods = false)
class TextInputConfiguration {

	@Bean
	JacksonModule rejectControlCharacters() {
		return new SimpleModule("reject-control-characters").addDeserializer(String.class, new NoControlCharacters());
	}

	static boolean hasControlCharacters(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	static final class NoControlCharacters extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && hasControlCharacters(value)) {
				throw InvalidFormatException.from(parser, "contains control characters", value, String.class);
			}
			return value;
		}

	}

}
