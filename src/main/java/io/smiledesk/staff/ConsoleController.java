package io.smiledesk.staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's sign-in page; the console itself is the console module. */
@Controller
class ConsoleController {

	@GetMapping("/login")
	String login() {
		return "staff/login";
	}

}
