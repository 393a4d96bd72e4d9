/**
 * Cross-cutting infrastructure: clock, problem-details error handling, request limits,
 * database URL support.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.smiledesk.system;
