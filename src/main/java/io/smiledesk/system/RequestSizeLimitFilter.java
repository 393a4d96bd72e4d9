package io.smiledesk.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body (whatever the path, encoded or not): a declared oversize body
 * is refused before it is read, an undeclared (chunked) one is cut off while reading.
 * Both end as 413 problem responses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	/**
	 * Percent-encoded control characters (NUL, escape, DEL, ...), but not tab, line feed
	 * or carriage return.
	 */
	private static final Pattern ENCODED_CONTROL = Pattern.compile("%(0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])");

	/** Knowledge-base documents hold up to 100 KB of Markdown, more with JSON escapes. */
	static final String DOCUMENTS = "/api/v1/admin/knowledge/documents";

	private final long limit;

	private final long documentLimit;

	RequestSizeLimitFilter(@Value("${smiledesk.api.max-request-bytes:65536}") long limit,
			@Value("${smiledesk.api.max-document-request-bytes:262144}") long documentLimit) {
		this.limit = limit;
		this.documentLimit = Math.max(limit, documentLimit);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		long limit = (path.equals(DOCUMENTS) || path.startsWith(DOCUMENTS + "/")) ? this.documentLimit : this.limit;
		if (request.getContentLengthLong() > limit) {
			ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE.value(), "request-too-large",
					"Request too large", "The request body exceeds the limit of " + limit + " bytes.");
			return;
		}
		String query = request.getQueryString();
		if (query != null && ENCODED_CONTROL.matcher(query).find()) {
			ProblemResponses.write(response, HttpStatus.BAD_REQUEST.value(), "invalid-request", "Invalid request",
					"The query string contains control characters.");
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedInputStream(super.getInputStream(), limit);
			}
			return stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > limit) {
				throw new RequestTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

	}

}
