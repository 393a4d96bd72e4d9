package io.smiledesk.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one headless Chromium per test class (Debian's {@code /usr/bin/chromium}, never
 * a downloaded one) and hands each test a fresh {@link Session}: its own browser contexts
 * (cookies, localStorage), the server's base URL and a screenshot helper writing to
 * {@code target/screenshots}.
 */
public class Browser implements ExecutionCondition, ParameterResolver, AfterEachCallback {

	/**
	 * Where Debian's chromium package puts the browser; override with
	 * -Dsmiledesk.chromium.
	 */
	static final Path CHROMIUM = Paths.get(System.getProperty("smiledesk.chromium", "/usr/bin/chromium"));

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM)) {
			return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
		}
		if ("required".equals(System.getProperty("smiledesk.browser", "auto"))) {
			throw new IllegalStateException("Browser tests are required (smiledesk.browser=required) but there is no "
					+ CHROMIUM + "; install Debian's chromium package");
		}
		return ConditionEvaluationResult.disabled("No Chromium at " + CHROMIUM + "; browser tests skipped");
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Session.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		com.microsoft.playwright.Browser browser = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent(Chromium.class, type -> new Chromium(), Chromium.class).browser;
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		Session session = new Session(browser, "http://localhost:" + port,
				context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
		context.getStore(NAMESPACE).put(Session.class, session);
		return session;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Session session = context.getStore(NAMESPACE).remove(Session.class, Session.class);
		if (session != null) {
			session.close();
		}
	}

	/** One Playwright and Chromium for the whole run, closed when JUnit finishes. */
	static final class Chromium implements ExtensionContext.Store.CloseableResource, AutoCloseable {

		final Playwright playwright;

		final com.microsoft.playwright.Browser browser;

		Chromium() {
			this.playwright = Playwright.create(
					new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			this.browser = this.playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
					.setHeadless(true)
					.setArgs(java.util.List.of("--no-sandbox", "--disable-dev-shm-usage")));
		}

		@Override
		public void close() {
			this.browser.close();
			this.playwright.close();
		}

	}

	/**
	 * What a test drives: separate contexts stand for separate people (a patient, a staff
	 * member).
	 */
	public static final class Session {

		private final com.microsoft.playwright.Browser browser;

		private final String baseUrl;

		private final String name;

		private final java.util.List<BrowserContext> contexts = new java.util.ArrayList<>();

		private final AtomicInteger shots = new AtomicInteger();

		Session(com.microsoft.playwright.Browser browser, String baseUrl, String name) {
			this.browser = browser;
			this.baseUrl = baseUrl;
			this.name = name;
		}

		public String baseUrl() {
			return this.baseUrl;
		}

		/** A new person at a desktop-sized window. */
		public Page open() {
			return open(1280, 900);
		}

		/** A new person with a window of the given size (360 wide for a phone). */
		public Page open(int width, int height) {
			BrowserContext context = this.browser
				.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height)
					.setBaseURL(this.baseUrl)
					.setLocale("en-US"));
			context.setDefaultTimeout(30_000);
			context.setDefaultNavigationTimeout(60_000);
			this.contexts.add(context);
			return context.newPage();
		}

		/**
		 * Saves {@code target/screenshots/<test>-<n>-<step>.png} and returns its path.
		 */
		public Path screenshot(Page page, String step) {
			Path path = Paths.get("target", "screenshots",
					"%s-%02d-%s.png".formatted(this.name, this.shots.incrementAndGet(), step));
			page.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(false));
			return path;
		}

		void close() {
			this.contexts.forEach(BrowserContext::close);
		}

	}

}
