/**
 * The staff console at {@code /console}: server-rendered pages (Thymeleaf + htmx) over
 * the other modules' public services. It holds no business rules of its own: every action
 * goes through the same services, and the same method-security rules, as the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package io.smiledesk.console;
