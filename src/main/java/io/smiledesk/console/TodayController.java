package io.smiledesk.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's landing page: the day at the clinic. */
@Controller
class TodayController {

	@GetMapping("/console")
	String today() {
		return "console/today";
	}

	/** Any other console path: a console 404 page (more specific mappings win). */
	@GetMapping("/console/**")
	String unknown() {
		throw new ConsoleErrors.NotFound("Page");
	}

}
