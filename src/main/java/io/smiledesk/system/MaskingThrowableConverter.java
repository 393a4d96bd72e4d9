package io.smiledesk.system;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %maskEx}: stack traces, whose messages may quote data (a duplicate email, say),
 * masked too.
 */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return LogMasking.mask(super.throwableProxyToString(proxy));
	}

}
