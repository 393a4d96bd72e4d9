package io.smiledesk.understanding;

import io.smiledesk.test.Clinics;

import java.time.LocalDate;
import java.util.List;

import io.smiledesk.system.SentenceEmbeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineUnderstandingTests {

	private static OfflineUnderstanding shared;

	static synchronized OfflineUnderstanding understanding() {
		if (shared == null) {
			long start = System.nanoTime();
			SentenceEmbeddings embeddings = new SentenceEmbeddings();
			shared = new OfflineUnderstanding(new IntentClassifier(embeddings, IntentClassifier.EXAMPLES, 0.35),
					new EntityExtractor("US"), new OtherLanguageIntents(embeddings, 0.35));
			System.out.printf("offline understanding: ready in %d ms (model load and examples embedded)%n",
					(System.nanoTime() - start) / 1_000_000);
		}
		return shared;
	}

	Understanding read(String text, String awaiting) {
		return understanding().understand(text, Clinics.context(awaiting));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			yes                      | CONFIRM
			yeah                     | CONFIRM
			yep                      | CONFIRM
			sure                     | CONFIRM
			ok                       | CONFIRM
			sounds good              | CONFIRM
			perfect                  | CONFIRM
			book it                  | CONFIRM
			yes please, book it      | CONFIRM
			no                       | DENY
			nope                     | DENY
			not that one             | DENY
			other times?             | DENY
			ok but not that day      | DENY
			sí, anúlela              | CONFIRM
			oui, annulez-le          | CONFIRM
			""")
	void readsShortAnswersToAConfirmation(String text, Intent intent) {
		Understanding understanding = read(text, "confirm");
		assertThat(understanding.intent()).isEqualTo(intent);
		assertThat(understanding.confidence()).isGreaterThan(0.9);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			is delta dental in network                           | QUESTION
			r u open on memorial day                             | QUESTION
			does dr patel work fridays                           | QUESTION
			do you see toddlers                                  | QUESTION
			can you make a sports mouthguard                     | QUESTION
			what floor are you on                                | QUESTION
			how many of your staff speak hindi                   | QUESTION
			do you treat gum disease                             | QUESTION
			how long after whitening before i can drink coffee   | QUESTION
			if two of us come do we get a discount               | QUESTION
			i have a bridge at the front, will whitening change it | QUESTION
			my booking is monday at 9, until when can i cancel for free | QUESTION
			how quickly do you answer messages                   | QUESTION
			can i drink hot tea right after my cleaning appointment | QUESTION
			can i move my cleaning to friday                     | RESCHEDULE
			hmm could we make that appointment an hour later?    | RESCHEDULE
			can i move tomorrow's cleaning to thursday?          | RESCHEDULE
			could i come 2 hrs earlier on thursday?              | RESCHEDULE
			could we do my whitening a day later, same time?     | RESCHEDULE
			can i book a cleaning for friday                     | BOOK
			can you see me tomorrow morning                      | BOOK
			can i get an appointment next week                   | BOOK
			i want to speak to a person                          | HUMAN
			my tooth is killing me, can you see me today         | EMERGENCY
			what's the earliest you can do a filling on thursday the 21st? | BOOK
			could my filling move from the 13th to the 20th?     | RESCHEDULE
			I need to switch my whitening to a week later        | RESCHEDULE
			the appointment on the 19th needs to change          | RESCHEDULE
			something came up at work, can my cleaning go to next week? | RESCHEDULE
			rather than cancelling could we just find another day? | RESCHEDULE
			could I move it to next friday instead of cancelling? | RESCHEDULE
			what's the earliest age you see children?            | QUESTION
			can I get a cleaning monday morning? I start work at 9 so the earlier the better | BOOK
			can you move my cleaning earlier, the earlier the better | RESCHEDULE
			""")
	void readsAQuestionForInformationAsAQuestionAndARequestAsARequest(String text, Intent intent) {
		assertThat(read(text, null).intent()).isEqualTo(intent);
	}

	@Test
	void aMessageThatOnlyStatesFactsIsUnknownWithItsEntities() {
		Understanding email = read("ana@example.com", "email");
		assertThat(email.intent()).isEqualTo(Intent.UNKNOWN);
		assertThat(email.confidence()).isLessThanOrEqualTo(0.2);
		assertThat(email.entities().email()).isEqualTo("ana@example.com");

		Understanding name = read("Ana Silva", "name");
		assertThat(name.intent()).isEqualTo(Intent.UNKNOWN);
		assertThat(name.entities().name()).isEqualTo("Ana Silva");

		Understanding date = read("tomorrow at 3pm", "when");
		assertThat(date.intent()).isEqualTo(Intent.UNKNOWN);
		assertThat(date.entities().when()).isNotNull();

		Understanding birth = read("born 3 March 1990", null);
		assertThat(birth.intent()).isEqualTo(Intent.UNKNOWN);
		assertThat(birth.entities().dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 3));
	}

	@Test
	void readsARequestWithItsFacts() {
		Understanding understanding = read("need a cleaning next tue afternoon, im Ana Silva ana@x.com", null);

		assertThat(understanding.intent()).isEqualTo(Intent.BOOK);
		assertThat(understanding.entities().serviceId()).isEqualTo("annual_cleaning");
		assertThat(understanding.entities().name()).isEqualTo("Ana Silva");
		assertThat(understanding.entities().email()).isEqualTo("ana@x.com");
		assertThat(understanding.entities().when()).isNotNull();
		assertThat(understanding.engine()).isEqualTo(Understanding.OFFLINE);
		assertThat(understanding.fallback()).isNull();
		assertThat(understanding.language()).isEqualTo("en");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			start over                                  | START_OVER
			can we start again from the beginning       | START_OVER
			I want to talk to a human                   | HUMAN
			can I speak to the receptionist             | HUMAN
			agent                                       | HUMAN
			thanks!                                     | THANKS
			bye                                         | GOODBYE
			hello                                       | GREETING
			my tooth got knocked out and it's bleeding  | EMERGENCY
			what's the weather like tomorrow            | OUT_OF_SCOPE
			""")
	void readsIntentsWithoutContext(String text, Intent intent) {
		assertThat(read(text, null).intent()).isEqualTo(intent);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Hola, quiero una cita para limpieza         | es
			Olá, gostaria de marcar uma consulta        | pt
			Bonjour, je voudrais un rendez-vous         | fr
			Hallo, ich möchte einen Termin              | de
			Ciao, vorrei un appuntamento per domani     | it
			Hi, I'd like an appointment                 | en
			no                                          | en
			Ana Silva                                   | en
			""")
	void guessesTheLanguage(String text, String language) {
		Understanding understanding = read(text, null);
		assertThat(understanding.language()).isEqualTo(language);
		if (!List.of("en", "es", "fr").contains(language)) {
			assertThat(understanding.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
		}
		else {
			assertThat(understanding.intent()).isNotEqualTo(Intent.OUT_OF_SCOPE);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			hola kiero cita pa blanqueamiento el sabado x la mañana      | BOOK
			necesto una sita pa limpieza                                 | BOOK
			¿Algún dentista habla español? ¿Y abren los sábados?         | QUESTION
			jvoudrais un rdv pr un détartrage stp                        | BOOK
			¿Me cobran algo si cancelo la cita con menos de un día de aviso? | QUESTION
			quiero cancelar mi cita del martes                           | CANCEL
			ola kisiera saber si abren los sabados y a q hora            | QUESTION
			Y a-t-il des frais si j'annule la veille ?                   | QUESTION
			je voudrais annuler mon rendez-vous de jeudi                 | CANCEL
			¿tienen algo el sábado 16?                                   | BOOK
			Et vous êtes ouverts le samedi matin ?                       | QUESTION
			""")
	void readsChatShorthandInSpanishAndFrench(String text, Intent intent) {
		// given SMS-style Spanish or French; when read; then its intent, as if written
		// out
		assertThat(read(text, null).intent()).isEqualTo(intent);
	}

	@Test
	void neverThrowsForOrdinaryOrOddText() {
		for (String text : new String[] { "", " ", "?!", "🙂🙂", "a".repeat(5_000), "1/1/1", "@@@", "dr dr dr",
				"\u0000", "my name is", "born", "option 0" }) {
			Understanding understanding = read(text, "slot");
			assertThat(understanding.intent()).isNotNull();
			assertThat(understanding.confidence()).isBetween(0.0, 1.0);
		}
	}

}
