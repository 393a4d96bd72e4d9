package io.smiledesk.staff;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's sign-in page and landing page; the console itself comes with the staff
 * UI.
 */
@Controller
class ConsoleController {

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String login(CsrfToken csrf, @RequestParam(required = false) String error) {
		String message = error == null ? ""
				: "<p role=\"alert\">The email, password or code is not right, or the account is locked.</p>";
		return page("Sign in",
				message + """
						<form method="post" action="/login">
						  <label>Email <input name="email" type="email" autocomplete="username" required></label>
						  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
						  <label>Code from your authenticator app (if set up) <input name="totp" inputmode="numeric"
						    autocomplete="one-time-code" pattern="[0-9]{6}"></label>
						  <input type="hidden" name="%s" value="%s">
						  <button type="submit">Sign in</button>
						</form>"""
					.formatted(HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken())));
	}

	@GetMapping(path = "/console", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String console(@AuthenticationPrincipal StaffPrincipal staff, CsrfToken csrf) {
		return page("SmileDesk console",
				"""
						<p>Signed in as %s (%s).</p>
						<form method="post" action="/logout"><input type="hidden" name="%s" value="%s">
						<button type="submit">Sign out</button></form>""".formatted(
						HtmlUtils.htmlEscape(staff.displayName()), staff.role().name().toLowerCase().replace('_', ' '),
						HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken())));
	}

	private static String page(String title, String body) {
		return """
				<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
				<meta name="viewport" content="width=device-width, initial-scale=1"></head>
				<body><main><h1>%s</h1>%s</main></body></html>""".formatted(title, title, body);
	}

}
