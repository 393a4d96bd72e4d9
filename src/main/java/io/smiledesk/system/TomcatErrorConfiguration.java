package io.smiledesk.system;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat answers some requests itself, before any servlet or filter: a broken request
 * line or header, characters not allowed in a URI, a bad escape in the path. Its error
 * report valve would write an HTML page; this one writes a problem document like the rest
 * of the API, with no stack trace or server version.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

	/**
	 * Unordered, so it runs after Boot's own customizer, whose context customizer adds
	 * the HTML valve that this one then replaces.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			Container parent = context.getParent();
			Pipeline pipeline = parent.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemErrorReportValve());
			// else the host adds Tomcat's HTML valve again when it starts
			if (parent instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	/** Writes the problem only when nothing else (the application's error page) has. */
	public static class ProblemErrorReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean();
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(problem(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response already committed: nothing to tell
			}
		}

		/** Only the application's own words: Tomcat's message can quote the request. */
		static String problem(int status) {
			return switch (status) {
				case 400 -> ProblemResponses.json(status, "invalid-request", "Invalid request",
						"The request line, a header or the URI encoding is not valid HTTP.");
				case 413, 414, 431 -> ProblemResponses.json(status, "request-too-large", "Request too large",
						"The request line, headers or body exceed the server's limits.");
				case 500 -> ProblemResponses.json(status, "internal-error", "Internal error",
						"Something went wrong on our side.");
				default -> {
					HttpStatus known = HttpStatus.resolve(status);
					String reason = known != null ? known.getReasonPhrase() : "Error";
					yield ProblemResponses.json(status, reason.toLowerCase(Locale.ROOT).replace(' ', '-'), reason,
							"The server cannot answer this request: " + reason + ".");
				}
			};
		}

	}

}
