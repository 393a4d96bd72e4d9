package io.smiledesk.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyScreenTests {

	private final SafetyScreen screen = new SafetyScreen();

	@Test
	void namesTheEvidenceInTheReason() {
		SafetyAssessment assessment = screen.assess("Hi, I take Warfarin every morning, can I get a cleaning?");

		assertThat(assessment.level()).isEqualTo(Level.RISK);
		assertThat(assessment.topic()).isEqualTo(Topic.BLOOD_THINNERS);
		assertThat(assessment.reason()).isEqualTo("Mentions blood thinners or a bleeding disorder (Warfarin)");
		assertThat(assessment.evidence()).containsExactly("Warfarin");
		assertThat(assessment.needsStaff()).isTrue();
		assertThat(assessment.isEmergency()).isFalse();
	}

	@Test
	void picksTheMostSeriousRiskAndMentionsTheOthers() {
		SafetyAssessment assessment = screen.assess("I'm pregnant and diabetic and on clopidogrel");

		assertThat(assessment.topic()).isEqualTo(Topic.BLOOD_THINNERS);
		assertThat(assessment.reason())
			.startsWith("Mentions blood thinners or a bleeding disorder (clopidogrel); also: ")
			.contains("mentions pregnancy (pregnant)")
			.contains("mentions diabetes (diabetic)");
		assertThat(assessment.evidence()).containsExactly("clopidogrel", "pregnant", "diabetic");
	}

	@Test
	void emergencyOutranksRisk() {
		SafetyAssessment assessment = screen.assess("I'm on eliquis and the bleeding won't stop since the extraction");

		assertThat(assessment.isEmergency()).isTrue();
		assertThat(assessment.topic()).isEqualTo(Topic.UNCONTROLLED_BLEEDING);
		assertThat(assessment.reason()).startsWith("Bleeding that will not stop (bleeding won't stop)")
			.contains("also: mentions blood thinners or a bleeding disorder (eliquis)");
	}

	@Test
	void swellingWithFeverIsAnEmergencyInEitherOrder() {
		SafetyAssessment swellingFirst = screen.assess("my cheek is swollen. Since tonight I also have a fever");
		SafetyAssessment feverFirst = screen.assess("Fever since yesterday and now the gum above my molar is swelling");

		assertThat(swellingFirst.isEmergency()).isTrue();
		assertThat(swellingFirst.topic()).isEqualTo(Topic.SWELLING_WITH_FEVER);
		assertThat(swellingFirst.evidence()).containsExactly("swollen", "fever");
		assertThat(feverFirst.isEmergency()).isTrue();
		assertThat(feverFirst.reason()).isEqualTo("Swelling with fever (swelling, Fever)");
	}

	@Test
	void swellingReachingTheEyeOrNeckIsAnEmergency() {
		assertThat(screen.assess("the swelling has reached my neck").isEmergency()).isTrue();
		assertThat(screen.assess("my eye is puffy from the tooth swelling").isEmergency()).isTrue();
	}

	@Test
	void facialSwellingAloneIsARiskAndGumSwellingAloneIsNothing() {
		assertThat(screen.assess("my jaw is a little swollen on the right").level()).isEqualTo(Level.RISK);
		assertThat(screen.assess("my gum is swollen next to my crown, can I book?").level()).isEqualTo(Level.NONE);
	}

	@Test
	void severeFacialSwellingIsAnEmergency() {
		SafetyAssessment assessment = screen.assess("massive swelling in my face");

		assertThat(assessment.isEmergency()).isTrue();
		assertThat(assessment.reason()).startsWith("Severe facial swelling");
	}

	@Test
	void feverWithoutSwellingIsARisk() {
		SafetyAssessment assessment = screen.assess("I have a temperature of 38 and my tooth hurts");

		assertThat(assessment.level()).isEqualTo(Level.RISK);
		assertThat(assessment.reason()).startsWith("Fever, no swelling mentioned (");
	}

	@Test
	void injuryWithToothDamageIsAnEmergencyAndAChipAloneIsNot() {
		assertThat(screen.assess("he crashed his scooter and chipped two teeth").isEmergency()).isTrue();
		assertThat(screen.assess("I chipped my tooth on a fork").level()).isEqualTo(Level.NONE);
		assertThat(screen.assess("she fell off the swing and hit her mouth").level()).isEqualTo(Level.RISK);
	}

	@Test
	void bleedingThatWontStopIsAnEmergencyAlsoAfterHowLongItLasted() {
		assertThat(screen.assess("it's been bleeding for 40 minutes and it won't stop").isEmergency()).isTrue();
		assertThat(screen.assess("my gums bleed a bit when I brush but it stops quickly").isEmergency()).isFalse();
	}

	@Test
	void stillBleedingIsAnEmergencyUnlessDescribedAsLight() {
		assertThat(screen.assess("it's still bleeding from the extraction").isEmergency()).isTrue();
		SafetyAssessment light = screen.assess("still bleeding a little from the extraction");
		assertThat(light.level()).isEqualTo(Level.RISK);
		assertThat(light.topic()).isEqualTo(Topic.UNCONTROLLED_BLEEDING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "when can I eat after a filling?", "is sensitivity after whitening common?",
			"can i drink coffee after whitening", "is it normal for gums to bleed a bit after a cleaning",
			"how long will my lip stay numb after a filling", "does whitening hurt?",
			"what toothpaste do you recommend for sensitive teeth",
			"teeth sensitive to cold after a filling, is that common?",
			"my tooth doesn't hurt anymore, when can I eat?" })
	void generalQuestionsAboutAftercareAreNotClinicalAdvice(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "my filling still hurts when I bite, is that normal?",
			"my teeth have been sensitive since the whitening, is that common?", "Why do my gums bleed?",
			"i have sensitive teeth, is whitening safe?", "my daughter's tooth is wobbly, should we pull it out?",
			"the filling i got last week still hurts when i bite, what should i do" })
	void adviceAboutThePatientsOwnSymptomsIsClinicalAdvice(String message) {
		SafetyAssessment assessment = screen.assess(message);

		assertThat(assessment.level()).as(message).isEqualTo(Level.RISK);
		assertThat(assessment.topic()).as(message).isEqualTo(Topic.CLINICAL_ADVICE);
	}

	@Test
	void quotesTheQuestionAndTheSymptomAsEvidenceOfAdvice() {
		SafetyAssessment assessment = screen.assess("my filling still hurts when I bite, is that normal?");

		assertThat(assessment.evidence()).containsExactly("my filling still hurts when I bite", "is that normal");
	}

	@Test
	void anAdviceQuestionMustBeNearTheSymptom() {
		String letter = "How much is whitening? The strips I bought made my teeth feel strange for a few days. "
				+ "My sister is getting married in October and I want to look my best in the photos, so I have "
				+ "been reading about the options and comparing prices for weeks now, and I would like to know what "
				+ "you offer and why.";

		assertThat(screen.assess(letter).level()).isEqualTo(Level.NONE);
		assertThat(screen.assess("numbing never works on me, last time I felt everything. what should I do?").topic())
			.isEqualTo(Topic.CLINICAL_ADVICE);
	}

	@Test
	void aSymptomWithABookingIsNoRequestForAdvice() {
		assertThat(screen.assess("My tooth hurts, can I get an appointment? Is Saturday ok?").level())
			.isEqualTo(Level.NONE);
	}

	@Test
	void aRiskTopicCountsInAQuestionToo() {
		// the patient has it
		assertThat(screen.assess("I'm pregnant, can I get whitening?").topic()).isEqualTo(Topic.PREGNANCY);
		// the topic in general: decided as a risk too (see package-info)
		assertThat(screen.assess("do you treat pregnant patients?").topic()).isEqualTo(Topic.PREGNANCY);
		assertThat(screen.assess("can diabetics get implants?").topic()).isEqualTo(Topic.DIABETES);
		// a service named after it is not
		assertThat(screen.assess("do you do oral cancer screenings").level()).isEqualTo(Level.NONE);
	}

	@Test
	void aFeverThatAColdExplainsIsNoRiskUnlessTheMouthHurtsToo() {
		assertThat(screen.assess("i have a cough and a fever, should i still come to my cleaning").level())
			.isEqualTo(Level.NONE);
		assertThat(screen.assess("I have the flu and a fever and my tooth really hurts").topic())
			.isEqualTo(Topic.SWELLING_WITH_FEVER);
		assertThat(screen.assess("I have a cold, a fever and my cheek is swollen").isEmergency()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "no fever and no swelling, just a toothache", "I am not pregnant",
			"I don't take any blood thinners", "no allergies", "Allergies: none", "I'm not diabetic",
			"never had a heart attack", "no trouble breathing", "I do not have HIV",
			"I don't have diabetes or heart problems", "I'm allergic to nothing" })
	void negatedMentionsRaiseNothing(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not sure if I'm pregnant", "No, I'm pregnant", "I don't think I'm allergic but maybe",
			"no problems with my heart since the stent", "I don't know whether I'm diabetic",
			"No worries, I'm on warfarin anyway" })
	void uncertainOrUnrelatedNegationsStillRaiseARisk(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.RISK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "I'm pregnent", "I take warferin", "she is diebetic", "i'm alergic to latex",
			"on methotrexat", "had sugery last month", "I have a pacemeker" })
	void readsCommonTyposAsRisks(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.RISK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "swolen face and a fever", "I have breething problems", "the bleedin wont stop" })
	void readsCommonTyposInEmergencies(String message) {
		assertThat(screen.assess(message).isEmergency()).as(message).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "I need to cancel my cleaning", "the injection didn't hurt", "my breath is smelling",
			"I'm expecting your email", "I love the heart-shaped mirror", "Do you take Medicaid?",
			"Is it ok to park in the back?", "my appointment falls on a Monday", "I fell asleep, sorry" })
	void ignoresLookalikes(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.NONE);
	}

	@Test
	void handlesAccentsCaseAndSpacing() {
		SafetyAssessment assessment = screen.assess("  Je suis ENCEINTE... I mean PREGNÁNT   now ");

		assertThat(assessment.topic()).isEqualTo(Topic.PREGNANCY);
		assertThat(assessment.evidence()).containsExactly("ENCEINTE", "PREGNÁNT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tengo la cara hinchada y fiebre desde anoche", "se me esta cerrando la garganta",
			"me sangra la encia y no para", "me cai de la moto y se me rompio un diente",
			"creo q tengo la mandibula rota", "j'ai la joue gonflée et de la fièvre", "je n'arrive plus à avaler",
			"ça saigne sans arrêt depuis 2h", "ma fille est tombée de vélo et sa dent est tombée entière",
			"ma mâchoire s'est déboîtée" })
	void findsEmergenciesInSpanishAndFrench(String message) {
		assertThat(screen.assess(message).isEmergency()).as(message).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "estoy embarazada de 4 meses", "soy alergica a la penicilina", "tomo sintrom",
			"soy diabetica tipo 2", "tengo marcapasos", "estoy en quimioterapia", "me operaron hace dos semanas",
			"me recetaron amoxicilina", "je suis enceinte de 3 mois", "allergie au latex", "je prends du Kardégic",
			"je suis diabétique", "j'ai un pacemaker", "je suis sous chimio", "j'ai été opéré du dos",
			"je prends des bisphosphonates" })
	void findsRiskTopicsInSpanishAndFrench(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.RISK);
	}

	@Test
	void tellsGeneralQuestionsFromThePatientsOwnSymptomsInSpanishAndFrench() {
		assertThat(screen.assess("cuando se puede comer despues de un empaste?").level()).isEqualTo(Level.NONE);
		assertThat(screen.assess("me hicieron un empaste y todavia me duele al morder, es normal?").topic())
			.isEqualTo(Topic.CLINICAL_ADVICE);
		assertThat(screen.assess("combien de temps dure l'anesthésie pour un plombage?").level()).isEqualTo(Level.NONE);
		assertThat(screen.assess("mon plombage me fait encore mal quand je mâche, c normal?").topic())
			.isEqualTo(Topic.CLINICAL_ADVICE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "No estoy embarazada, solo quiero una limpieza", "sin fiebre ni hinchazon",
			"no soy alergica a nada", "alergias: ninguna", "je ne suis pas enceinte",
			"pas de fièvre, pas de gonflement", "je prends aucun médicament", "allergies : aucune" })
	void readsNegationInSpanishAndFrench(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "no se si estoy embarazada", "je sais pas encore si je suis enceinte",
			"tengo fiebre desde ayer, hinchazon no tengo" })
	void uncertaintyAndNegatedSwellingStillLeaveARiskInSpanishAndFrench(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.RISK);
	}

	@Test
	void readsTextSpellingsAndMissingAccents() {
		assertThat(screen.assess("tngo la kara inchada y fiebre").isEmergency()).isTrue();
		assertThat(screen.assess("jpeux pa respirer").isEmergency()).isTrue();
		assertThat(screen.assess("chui enceinte").topic()).isEqualTo(Topic.PREGNANCY);
		assertThat(screen.assess("Estoy embarazda").topic()).isEqualTo(Topic.PREGNANCY);
	}

	@Test
	void readsEveryLanguageInEveryMessage() {
		SafetyAssessment mixed = screen.assess("tengo fiebre and my face is swollen");

		assertThat(mixed.isEmergency()).isTrue();
		assertThat(mixed.evidence()).containsExactly("swollen", "fiebre");
	}

	@ParameterizedTest
	@ValueSource(strings = { "quiero una cita para mi tia", "je suis arrivée à temps",
			"im gonna be 20 min late, is that ok", "du coup je viens mardi", "je passe un coup de fil demain",
			"est-ce que je peux prendre rendez-vous demain?", "mon coeur balance entre mardi et jeudi",
			"trabajo en urgencias del hospital", "a mi hijo se le cayo un diente de leche",
			"se me cayo un empaste comiendo" })
	void ignoresLookalikesAcrossLanguages(String message) {
		assertThat(screen.assess(message).level()).as(message).isEqualTo(Level.NONE);
	}

	@Test
	void anEmptyMessageRaisesNothing() {
		assertThat(screen.assess("")).isEqualTo(SafetyAssessment.none());
		assertThat(screen.assess(null)).isEqualTo(SafetyAssessment.none());
		assertThat(SafetyAssessment.none().needsStaff()).isFalse();
	}

}
