package io.smiledesk.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.channel.InboundMessages;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.conversation.Sender;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.smiledesk.channel.Webhooks.twilioSms;
import static io.smiledesk.waitlist.WaitlistFixtures.MORNING;
import static io.smiledesk.waitlist.WaitlistFixtures.THURSDAY_TEN;
import static io.smiledesk.waitlist.WaitlistFixtures.TUESDAY_TEN;
import static io.smiledesk.waitlist.WaitlistFixtures.mornings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A cancellation on a fixed clock: the matching entries get offers in ranked batches by
 * SMS, and each answer (yes, yes too late, no, yes after the offer lapsed) ends where it
 * should; moving an appointment earlier frees its old time for the next entry.
 */
@IntegrationTest
class WaitlistOffersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	Patients patients;

	@Autowired
	Booking booking;

	@Autowired
	Waitlist waitlist;

	@Autowired
	InboundMessages inbox;

	@Autowired
	Conversations conversations;

	WaitlistFixtures fixtures;

	int sid;

	@BeforeEach
	void reset() {
		data.reset();
		clock.set(MORNING);
		fixtures = new WaitlistFixtures(patients, booking, waitlist, data);
	}

	@Test
	void aCancellationGoesToTheBestMatchesInBatchesOfThree() {
		UUID cancelled = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		UUID first = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(), null);
		clock.advance(Duration.ofMinutes(1));
		UUID afternoons = fixtures.wait(fixtures.patient("Cy Late", "+12015550103"), "Annual Cleaning",
				EnumSet.of(PartOfDay.AFTERNOON), null);
		UUID dentistOnly = fixtures.wait(fixtures.patient("Di White", "+12015550104"), "Teeth Whitening", mornings(),
				null);
		clock.advance(Duration.ofMinutes(1));
		UUID second = fixtures.wait(fixtures.patient("Ed Second", "+12015550105"), "Annual Cleaning",
				EnumSet.allOf(PartOfDay.class), null);
		clock.advance(Duration.ofMinutes(1));
		UUID third = fixtures.wait(fixtures.patient("Flo Third", "+12015550106"), "Annual Cleaning", mornings(), null);
		clock.advance(Duration.ofMinutes(1));
		UUID fourth = fixtures.wait(fixtures.patient("Gus Fourth", "+12015550107"), "Annual Cleaning", mornings(),
				null);
		UUID outsideWindow = fixtures.wait(fixtures.patient("Hal Later", "+12015550108"), "Annual Cleaning",
				WaitlistFixtures.MONDAY.plusDays(7), WaitlistFixtures.MONDAY.plusDays(9), mornings(), null);

		fixtures.cancel(cancelled);

		// the hygienist's morning: whitening needs a dentist, and one entry only comes
		// in the afternoon
		assertThat(fixtures.offers()).extracting(row -> (UUID) row.get("entry_id"))
			.containsExactlyInAnyOrder(first, second, third);
		assertThat(fixtures.offers()).allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(row.get("channel")).isEqualTo("SMS");
		});
		assertThat(data.count("channel_outbound where kind = 'PROACTIVE'")).isEqualTo(3);
		String text = offerText(first);
		assertThat(text).startsWith("Hi Ben,")
			.contains("Annual Cleaning")
			.contains("Tue, Aug 5 at 10:00 AM")
			.contains("Reply YES");

		// the next batch waits for its interval
		clock.advance(Duration.ofMinutes(2));
		assertThat(waitlist.runNow().orElseThrow().offersSent()).isZero();
		clock.advance(Duration.ofMinutes(3));
		assertThat(waitlist.runNow().orElseThrow().offersSent()).isEqualTo(1);
		assertThat(fixtures.offerStatus(fourth)).isEqualTo("PENDING");
		assertThat(data.count("waitlist_offer where entry_id in ('" + afternoons + "', '" + dentistOnly + "', '"
				+ outsideWindow + "')"))
			.isZero();
	}

	@Test
	void theFirstYesIsBookedAndALaterYesHearsItWasTaken() throws Exception {
		UUID cancelled = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		PatientId ben = fixtures.patient("Ben First", "+12015550102");
		UUID first = fixtures.wait(ben, "Annual Cleaning", mornings(), null);
		clock.advance(Duration.ofMinutes(1));
		UUID second = fixtures.wait(fixtures.patient("Ed Second", "+12015550105"), "Annual Cleaning", mornings(), null);
		fixtures.cancel(cancelled);

		clock.advance(Duration.ofMinutes(4));
		reply("+12015550105", "Yes please!");
		assertThat(fixtures.offerStatus(second)).isEqualTo("ACCEPTED");
		assertThat(fixtures.offerStatus(first)).isEqualTo("TAKEN");
		assertThat(lastBotMessage(second)).startsWith("You're booked: Annual Cleaning on Tue, Aug 5 at 10:00 AM")
			.contains("Sam O'Neill");
		assertThat(data.jdbc()
			.queryForObject(
					"select count(*) from appointment a join waitlist_entry e on e.patient_id = a.patient_id "
							+ "where e.id = ? and a.starts_at = ? and a.status = 'BOOKED'",
					Integer.class, second, java.sql.Timestamp.from(TUESDAY_TEN)))
			.isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select status from waitlist_entry where id = ?", String.class, second))
			.isEqualTo("BOOKED");
		assertThat(data.jdbc().queryForObject("select status from waitlist_slot", String.class)).isEqualTo("FILLED");

		reply("+12015550102", "yes");
		assertThat(lastBotMessage(first)).startsWith("Sorry, that time was just taken")
			.contains("The next free times are");
		assertThat(data.jdbc().queryForObject("select status from waitlist_entry where id = ?", String.class, first))
			.isEqualTo("WAITING");
		assertThat(data.count("appointment where status = 'BOOKED'")).isEqualTo(1);
	}

	@Test
	void aNoDeclinesAndSilenceLapsesTheOffer() throws Exception {
		UUID cancelled = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		UUID first = fixtures.wait(fixtures.patient("Ben First", "+12015550102"), "Annual Cleaning", mornings(), null);
		clock.advance(Duration.ofMinutes(1));
		UUID second = fixtures.wait(fixtures.patient("Ed Second", "+12015550105"), "Annual Cleaning", mornings(), null);
		fixtures.cancel(cancelled);

		reply("+12015550102", "No thanks");
		assertThat(fixtures.offerStatus(first)).isEqualTo("DECLINED");
		assertThat(lastBotMessage(first)).startsWith("No problem");

		clock.advance(Duration.ofMinutes(31));
		assertThat(waitlist.runNow().orElseThrow().offersExpired()).isEqualTo(1);
		assertThat(fixtures.offerStatus(second)).isEqualTo("EXPIRED");
		reply("+12015550105", "yes");
		assertThat(lastBotMessage(second)).startsWith("Sorry, that offer has lapsed");
		assertThat(data.count("appointment where status = 'BOOKED'")).isZero();
		assertThat(data.jdbc().queryForObject("select status from waitlist_slot", String.class)).isEqualTo("OPEN");
	}

	@Test
	void movingAnAppointmentEarlierFreesItsOldTimeForTheNextEntry() throws Exception {
		UUID cancelled = fixtures.cleaning("Ann Able", "+12015550101", TUESDAY_TEN);
		UUID thursday = fixtures.cleaning("Mo Mover", "+12015550109", THURSDAY_TEN);
		PatientId mover = patients.identify(patients.contact(null, "+12015550109")).orElseThrow().id();
		UUID moving = fixtures.wait(mover, "Annual Cleaning", mornings(), thursday);
		clock.advance(Duration.ofMinutes(1));
		// only Thursday suits this one
		UUID next = fixtures.wait(fixtures.patient("Nia Next", "+12015550110"), "Annual Cleaning",
				WaitlistFixtures.MONDAY.plusDays(3), WaitlistFixtures.MONDAY.plusDays(3), mornings(), null);
		fixtures.cancel(cancelled);
		assertThat(fixtures.offers()).extracting(row -> (UUID) row.get("entry_id")).containsExactly(moving);
		assertThat(offerText(moving))
			.contains("move your Annual Cleaning on Thu, Aug 7 at 10:00 AM earlier, to Tue, Aug 5 at 10:00 AM");

		reply("+12015550109", "yes");
		data.awaitEvents();
		assertThat(lastBotMessage(moving)).startsWith("Done: your Annual Cleaning is moved to Tue, Aug 5");
		assertThat(
				data.jdbc().queryForObject("select starts_at from appointment where id = ?", Instant.class, thursday))
			.isEqualTo(TUESDAY_TEN);
		assertThat(data.count("appointment")).isEqualTo(2);
		List<String> causes = data.jdbc()
			.queryForList("select cause from waitlist_slot where starts_at = ?", String.class,
					java.sql.Timestamp.from(THURSDAY_TEN));
		assertThat(causes).containsExactly("MOVED");
		assertThat(fixtures.offerStatus(next)).isEqualTo("PENDING");
		assertThat(data.jdbc()
			.queryForObject("select slot_start from waitlist_offer where entry_id = ?", Instant.class, next))
			.isEqualTo(THURSDAY_TEN);
	}

	void reply(String phone, String text) throws Exception {
		mvc.perform(twilioSms(phone, text, "SM_waitlist_" + (++sid))).andExpect(status().isOk());
		inbox.answerWaiting();
		data.awaitEvents();
	}

	/** The clinic's message in the entry's offer thread (stored encrypted). */
	String offerText(UUID entry) {
		UUID conversation = data.jdbc()
			.queryForObject("select conversation_id from waitlist_offer where entry_id = ?", UUID.class, entry);
		return conversations.messages(conversation, 0, 10).getContent().get(0).text();
	}

	String lastBotMessage(UUID entry) {
		UUID conversation = data.jdbc()
			.queryForObject(
					"select conversation_id from waitlist_offer where entry_id = ? order by sent_at desc limit 1",
					UUID.class, entry);
		return conversations.messages(conversation, 0, 200)
			.getContent()
			.stream()
			.filter(message -> message.sender() == Sender.BOT)
			.reduce((a, b) -> b)
			.map(MessageView::text)
			.orElse(null);
	}

}
