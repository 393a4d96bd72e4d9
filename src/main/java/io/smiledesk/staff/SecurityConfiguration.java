package io.smiledesk.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smiledesk.system.ProblemResponses;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two ways in, on the same accounts: the API takes short-lived bearer tokens (stateless,
 * no CSRF needed), the console keeps a session protected by CSRF tokens. Everything else
 * (the demo site, API docs, health) is public. What each role may do is decided by method
 * security on the controllers ({@link io.smiledesk.system.Access}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final RequestMatcher WEBHOOKS = PathPatternRequestMatcher.withDefaults()
		.matcher("/api/v1/webhooks/**");

	private static final BearerTokenResolver BEARER = new DefaultBearerTokenResolver();

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, StaffAuthentication authentication)
			throws Exception {
		http.securityMatcher("/api/**").csrf(csrf -> csrf.disable()).cors(cors -> {
		})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/clinic", "/api/v1/services", "/api/v1/providers",
						"/api/v1/availability", "/api/v1/availability/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/appointments/book", "/api/v1/appointments/holds",
						"/api/v1/appointments/*/cancel", "/api/v1/appointments/*/reschedule",
						"/api/v1/appointments/*/confirm")
				.permitAll()
				.requestMatchers(HttpMethod.DELETE, "/api/v1/appointments/holds/*")
				.permitAll()
				// an appointment's calendar file: the link's token is the proof
				.requestMatchers(HttpMethod.GET, "/api/v1/appointments/*/calendar.ics")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout")
				.permitAll()
				// how the assistant reads a message: reveals only the public catalog
				.requestMatchers(HttpMethod.POST, "/api/v1/nlu/parse")
				.permitAll()
				// knowledge-base search: what the assistant would tell any patient
				.requestMatchers(HttpMethod.POST, "/api/v1/knowledge/search")
				.permitAll()
				// the chat widget and vendors' webhooks (webhooks verify signatures
				// instead of logins)
				.requestMatchers("/api/v1/chat/**", "/api/v1/webhooks/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server
				// a webhook's Authorization header is its provider's (Pub/Sub's OIDC
				// token), checked by the webhook, not a staff token
				.bearerTokenResolver(request -> WEBHOOKS.matches(request) ? null : BEARER.resolve(request))
				.jwt(jwt -> jwt.decoder(decoder)
					.jwtAuthenticationConverter(token -> authenticate(token, authentication)))
				.authenticationEntryPoint((request, response, ex) -> {
					boolean badToken = ex instanceof OAuth2AuthenticationException;
					response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
					ProblemResponses.write(response, 401, "unauthenticated", "Unauthenticated",
							badToken ? "The access token is invalid, expired or revoked. Sign in again."
									: "Sign in to use this endpoint.");
				})
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, 403, "forbidden",
						"Forbidden", "Your role does not allow this.")))
			.exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				ProblemResponses.write(response, 401, "unauthenticated", "Unauthenticated",
						"Sign in to use this endpoint.");
			}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/**
	 * The console: a session started by the sign-in pages ({@link ConsoleController}),
	 * CSRF tokens on every form, anything else under {@code /console} for signed-in staff
	 * only (the pages' method security says which role may do what).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http, StaffAuthentication authentication) throws Exception {
		http.securityMatcher("/console/**", "/login", "/login/**", "/logout")
			.addFilterAfter(new ConsoleSessionCheck(authentication), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/login/**")
				.permitAll()
				.anyRequest()
				.hasAnyRole(roles()))
			.exceptionHandling(
					handling -> handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/**
	 * Paths the firewall refuses ("..", encoded slashes) still get a problem document,
	 * not an empty 400.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> ProblemResponses.write(response, 400, "invalid-request", "Invalid request",
				"The request path or headers are not acceptable.");
	}

	@Bean
	PasswordEncoder passwordEncoder(SecuritySettings settings) {
		return new BCryptPasswordEncoder(settings.passwordHashCost());
	}

	@Bean
	JwtDecoder jwtDecoder(SecuritySettings settings, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(Tokens.key(settings))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(settings.issuer())));
		return decoder;
	}

	/**
	 * Only the clinic's own website (the chat widget's host) may call the API from a
	 * browser.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsSettings settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!settings.allowedOrigins().isEmpty()) {
			CorsConfiguration public_ = new CorsConfiguration();
			public_.setAllowedOrigins(settings.allowedOrigins());
			public_.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
			public_.setAllowedHeaders(List.of("Content-Type", "Idempotency-Key", "Authorization"));
			public_.setExposedHeaders(List.of("Location", "Retry-After", "Idempotent-Replayed"));
			public_.setMaxAge(3600L);
			source.registerCorsConfiguration("/api/v1/**", public_);
		}
		return source;
	}

	/** Publishes method-security denials so the audit trail records them. */
	@Bean
	org.springframework.security.authorization.AuthorizationEventPublisher authorizationEventPublisher(
			ApplicationEventPublisher publisher) {
		return new org.springframework.security.authorization.SpringAuthorizationEventPublisher(publisher);
	}

	private static AbstractAuthenticationToken authenticate(Jwt jwt, StaffAuthentication authentication) {
		UUID user;
		try {
			user = UUID.fromString(jwt.getSubject());
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException("Unknown subject");
		}
		if (jwt.getIssuedAt() == null || !authentication.accepts(user, jwt.getIssuedAt())) {
			throw new InvalidBearerTokenException("The token has been revoked");
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		String scope = jwt.getClaimAsString("scope");
		authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
		if (Tokens.SCOPE_STAFF.equals(scope)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString("role")));
		}
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

	static String[] roles() {
		StaffRole[] values = StaffRole.values();
		String[] names = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			names[i] = values[i].name();
		}
		return names;
	}

	/**
	 * @param allowedOrigins origins allowed to call the public API from browsers (the
	 * clinic's website)
	 */
	@ConfigurationProperties("smiledesk.cors")
	record CorsSettings(@DefaultValue List<String> allowedOrigins) {
	}

}
