package io.smiledesk.understanding;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;

/**
 * Short, stable reasons for a failed model call ("timeout", "http 500"), stored in
 * message metadata. Never the exception's message: it may echo the request.
 */
public final class ModelFailures {

	private ModelFailures() {
	}

	public static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpException http) {
				return "http " + http.statusCode();
			}
			if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
					|| cause instanceof SocketTimeoutException
					|| cause instanceof java.util.concurrent.TimeoutException) {
				return "timeout";
			}
			// LangChain4j reads responses with Jackson 2
			if (cause instanceof com.fasterxml.jackson.core.JacksonException) {
				return "invalid response";
			}
			if (cause instanceof ConnectException || cause instanceof UnresolvedModelServerException
					|| cause instanceof UnresolvedAddressException) {
				return "unreachable";
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return "error " + failure.getClass().getSimpleName();
	}

}
