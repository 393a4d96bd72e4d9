package io.smiledesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the patient chat widget ({@code /widget/smiledesk-chat.js}) so that any clinic
 * website can load it: readable from every origin, cached for an hour by browsers and
 * CDNs, and cheap to revalidate (a content hash as ETag, plus Last-Modified). The API it
 * talks to stays limited to the configured clinic origins.
 */
@Configuration(proxyBeanMethods = false)
class WidgetResources implements WebMvcConfigurer {

	static final String PATH = "/widget/**";

	static final Duration MAX_AGE = Duration.ofHours(1);

	private final Map<String, String> etags = new ConcurrentHashMap<>();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH)
			.addResourceLocations("classpath:/static/widget/")
			.setCacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.setUseLastModified(true)
			.setEtagGenerator(this::etag);
	}

	/**
	 * Every response allows every origin, with or without an Origin header, so a shared
	 * cache never hands a clinic's page a copy without it. Loading a script (even with
	 * {@code crossorigin}) is a simple request: there is no preflight to answer.
	 */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
				return true;
			}
		}).addPathPatterns(PATH);
	}

	private String etag(Resource resource) {
		try {
			String key = resource.getURL() + "@" + resource.lastModified();
			return this.etags.computeIfAbsent(key, ignored -> hash(resource));
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String hash(Resource resource) {
		try (InputStream content = resource.getInputStream()) {
			return "\"" + DigestUtils.md5DigestAsHex(content) + "\"";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
