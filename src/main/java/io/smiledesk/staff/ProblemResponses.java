package io.smiledesk.staff;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.MediaType;

/** Writes 401/403 problem+json from filters, where the MVC error advice cannot reach. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"" + ApiProblem.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
