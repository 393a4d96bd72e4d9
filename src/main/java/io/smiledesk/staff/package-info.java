/**
 * Staff identity and access: accounts with roles, password and TOTP login, short-lived
 * JWTs with rotating refresh tokens, lockout, and the security filter chains for the API
 * (JWT) and the console (session + CSRF).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package io.smiledesk.staff;
