package io.smiledesk.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %mask}: the log message with personal data and secrets masked. */
public class MaskingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return LogMasking.mask(super.convert(event));
	}

}
