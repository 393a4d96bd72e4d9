/**
 * The demo clinic seeded on first start, and fake patients and appointments generated
 * with Datafaker (also as the {@code fixtures --count N} command).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.smiledesk.demo;
