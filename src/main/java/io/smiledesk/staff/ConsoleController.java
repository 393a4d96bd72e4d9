package io.smiledesk.staff;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in pages; the console itself is the console module. Email and
 * password first; when the account needs a code (or has yet to set up its authenticator)
 * the next page asks for it, the password not typed again: the pending sign-in waits in
 * the server-side session for a few minutes and a few tries. Every form carries a CSRF
 * token; the session id changes at each step.
 */
@Controller
class ConsoleController {

	static final String PENDING = ConsoleController.class.getName() + ".PENDING";

	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	static final int MAX_CODE_TRIES = 5;

	private final ConsoleSignIn signIn;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	ConsoleController(ConsoleSignIn signIn, Clock clock) {
		this.signIn = signIn;
		this.clock = clock;
	}

	/**
	 * A sign-in waiting for its second step.
	 *
	 * @param setUp whether the account is setting up its authenticator (else it enters a
	 * code)
	 * @param secret the new authenticator secret, when setting up
	 */
	record Pending(UUID account, boolean setUp, String secret, String otpauthUri, Instant expiresAt,
			int tries) implements Serializable {

		Pending tried() {
			return new Pending(account, setUp, secret, otpauthUri, expiresAt, tries + 1);
		}

	}

	/** The code from the authenticator app: six digits. */
	record CodeForm(@NotBlank @Pattern(regexp = "\\s*[0-9]{6}\\s*") String code) {
	}

	@GetMapping("/login")
	String login() {
		return "staff/login";
	}

	@PostMapping("/login")
	String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response) {
		ConsoleSignIn.Step step = signIn.password(email, password);
		if (step instanceof ConsoleSignIn.Done done) {
			return start(done.principal(), request, response);
		}
		if (step instanceof ConsoleSignIn.CodeNeeded needed) {
			pend(request, new Pending(needed.account(), false, null, null, clock.instant().plus(PENDING_FOR), 0));
			return "redirect:/login/code";
		}
		if (step instanceof ConsoleSignIn.SetupNeeded needed) {
			pend(request, new Pending(needed.account(), true, needed.enrolment().secret(),
					needed.enrolment().otpauthUri(), clock.instant().plus(PENDING_FOR), 0));
			return "redirect:/login/setup";
		}
		return "redirect:/login?error";
	}

	@GetMapping("/login/code")
	String code(HttpServletRequest request, Model model) {
		Pending pending = pending(request, false);
		if (pending == null) {
			return "redirect:/login?expired";
		}
		model.addAttribute("codeForm", new CodeForm(""));
		return "staff/login-code";
	}

	@PostMapping("/login/code")
	String code(@Valid @ModelAttribute CodeForm codeForm, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response) {
		Pending pending = pending(request, false);
		if (pending == null) {
			return "redirect:/login?expired";
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "staff/login-code";
		}
		ConsoleSignIn.Step step = signIn.code(pending.account(), codeForm.code().strip());
		if (step instanceof ConsoleSignIn.Done done) {
			return start(done.principal(), request, response);
		}
		return refused(pending, errors, request, response, "staff/login-code");
	}

	@GetMapping("/login/setup")
	String setUp(HttpServletRequest request, Model model) {
		Pending pending = pending(request, true);
		if (pending == null) {
			return "redirect:/login?expired";
		}
		model.addAttribute("codeForm", new CodeForm(""));
		return setUpPage(pending, model);
	}

	@PostMapping("/login/setup")
	String setUp(@Valid @ModelAttribute CodeForm codeForm, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Pending pending = pending(request, true);
		if (pending == null) {
			return "redirect:/login?expired";
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return setUpPage(pending, model);
		}
		ConsoleSignIn.Step step = signIn.setUp(pending.account(), codeForm.code().strip());
		if (step instanceof ConsoleSignIn.Done done) {
			return start(done.principal(), request, response);
		}
		String view = refused(pending, errors, request, response, "staff/login-setup");
		return view.startsWith("redirect:") ? view : setUpPage(pending, model);
	}

	private String setUpPage(Pending pending, Model model) {
		model.addAttribute("secret", pending.secret());
		model.addAttribute("otpauthUri", pending.otpauthUri());
		return "staff/login-setup";
	}

	/**
	 * A wrong code: try again on the same page, until the tries are used up (then the
	 * password again).
	 */
	private String refused(Pending pending, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response, String view) {
		Pending tried = pending.tried();
		if (tried.tries() >= MAX_CODE_TRIES) {
			request.getSession().removeAttribute(PENDING);
			return "redirect:/login?error";
		}
		request.getSession().setAttribute(PENDING, tried);
		errors.rejectValue("code", "totp.wrong-code");
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return view;
	}

	/**
	 * The pending sign-in of this session, of the kind the page handles, if still valid.
	 */
	private Pending pending(HttpServletRequest request, boolean setUp) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return null;
		}
		if (!clock.instant().isBefore(pending.expiresAt())) {
			session.removeAttribute(PENDING);
			return null;
		}
		return pending.setUp() == setUp ? pending : null;
	}

	private static void pend(HttpServletRequest request, Pending pending) {
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(PENDING, pending);
	}

	/**
	 * Starts the console session in a fresh HTTP session (a new id and a new CSRF token).
	 */
	private String start(StaffPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true);
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(principal, null, List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
		authentication.setDetails(new WebAuthenticationDetails(request));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return "redirect:/console";
	}

}
