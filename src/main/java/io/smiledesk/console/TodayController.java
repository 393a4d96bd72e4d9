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

}
