/**
 * Screens every patient message before the assistant answers, because a front desk must
 * never give clinical advice. {@link io.smiledesk.safety.SafetyScreen} reads a message
 * against lexicons in {@code resources/safety} and says whether staff must take over, and
 * how urgently.
 * <p>
 * What counts as what:
 * <ul>
 * <li><b>Emergency</b> (immediate instructions, urgent handoff): swelling with fever (in
 * either order, anywhere in the message); swelling reaching the eye, neck or throat, or a
 * mouth that will not open; severe or fast-growing facial swelling; trouble breathing or
 * swallowing, a swollen tongue or throat; bleeding that will not stop, heavy bleeding, or
 * still bleeding without being described as light; a knocked-out tooth, a broken or
 * dislocated jaw, or an injury (fall, blow, accident) together with tooth damage.</li>
 * <li><b>Risk</b> (staff check before anything clinical): pregnancy, allergies, blood
 * thinners and bleeding disorders, diabetes, heart and blood-pressure conditions, a weak
 * immune system and its treatments, recent surgery, medication, and any request for
 * clinical advice. Also the partial emergency signs: facial swelling without fever or
 * spread, fever without swelling, light bleeding that goes on, and an injury to the face
 * or mouth without tooth damage. A question about a symptom ("is it normal my gums
 * bleed?") is clinical advice.</li>
 * <li><b>None</b>: toothache, a chipped or broken tooth without an injury, a lost filling
 * or crown, swollen gums without fever, and bleeding gums mentioned while booking a
 * cleaning. The booking side offers an emergency exam for these.</li>
 * </ul>
 * A mention that is clearly negated ("no fever", "not pregnant", "I don't take any blood
 * thinners") does not count; uncertainty ("not sure if I'm pregnant") does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety")
package io.smiledesk.safety;
