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
 * immune system and its treatments, recent surgery, medication, and requests for clinical
 * advice. Also the partial emergency signs: facial swelling without fever or spread,
 * fever without swelling (unless a cold, flu or cough explains it and nothing in the
 * mouth hurts), light bleeding that goes on, and an injury to the face or mouth without
 * tooth damage.</li>
 * <li><b>Clinical advice</b> is advice about the patient’s own condition or symptoms: a
 * question together with a symptom the message says they (or the person they write for)
 * have (“my filling still hurts when I bite, is that normal?”, “why do my gums bleed?”),
 * or a request that is advice whatever the wording (which painkiller or how much, “do I
 * need antibiotics?”, “is it infected?”, “should I be worried?”, “is whitening safe for
 * me?”). A general question about what the clinic publishes (aftercare, what to expect,
 * how a procedure goes: “when can I eat after a filling?”, “is sensitivity after
 * whitening common?”, “how long will my lip stay numb?”) is <b>none</b>, so the knowledge
 * base answers it; so is a symptom with a booking request (“my tooth hurts, can I come in
 * today?”).</li>
 * <li>A <b>risk topic</b> counts wherever the message mentions it, in a question too
 * (“I’m pregnant, can I get whitening?”), and also when the patient does not say they
 * have it (“do you treat pregnant patients?”, “can diabetics get implants?”): whoever
 * asks is nearly always the patient or someone they care for, the knowledge base
 * publishes nothing on these topics, and the answer is clinical, so a staff check costs
 * one message and a wrong general answer could harm. Only other senses are left out (an
 * oral cancer screening, a nursing home, a blood test).</li>
 * <li>An <b>emergency</b> named in a general question (“what should you do if a tooth
 * gets knocked out?”) still gets the emergency reply: a wrong urgent handoff costs a
 * staff minute, a missed one can cost the tooth.</li>
 * <li><b>None</b>: toothache, a chipped or broken tooth without an injury, a lost filling
 * or crown, swollen gums without fever, and bleeding gums mentioned while booking a
 * cleaning. The booking side offers an emergency exam for these.</li>
 * </ul>
 * A mention that is clearly negated (“no fever”, “not pregnant”, “I don’t take any blood
 * thinners”, “sin fiebre”, “je ne suis pas enceinte”) does not count; uncertainty (“not
 * sure if I’m pregnant”, “no sé si estoy embarazada”) does. Bleeding for hours or days,
 * or since yesterday, counts as still bleeding in every language.
 * <p>
 * <b>Languages.</b> Patients write in English, Spanish and French; each language has its
 * own lexicon, negation words and real words never read as typos ({@code lexicon_en.tsv},
 * {@code lexicon_es.tsv}, {@code lexicon_fr.tsv}, ...), and <em>every message is read
 * with all of them</em>, whatever language it seems to be in. The screen takes no
 * language: a guess from a short, misspelt or mixed message (“tengo fiebre and my face is
 * swollen”, “hinchazón”, “urgent: ça saigne”) is least reliable exactly when it matters,
 * and an emergency missed because the guess was wrong is the worst error the screen can
 * make. Reading all three costs some false alarms, which are kept down by lookalike lines
 * across languages (Spanish “tía” is no TIA, French “à temps” no temperature, “du coup”
 * no blow) and by negation words chosen not to clash (French text-speak “pa” for “pas” is
 * no negation, because Spanish “pa” means “for”). Accents are optional everywhere; French
 * elisions stand apart (“l’œil” reads “l oeil”) and text-message spellings (“q”, “xq”,
 * “jai”, “chui”, “jpeux”) are alternatives in the lexicons.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety")
package io.smiledesk.safety;
