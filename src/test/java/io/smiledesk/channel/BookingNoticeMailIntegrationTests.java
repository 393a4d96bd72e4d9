package io.smiledesk.channel;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.test.FakeGmailServer;
import io.smiledesk.test.IntegrationTest;
import io.smiledesk.test.MutableClock;
import io.smiledesk.test.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.smiledesk.channel.Webhooks.incoming;
import static io.smiledesk.channel.Webhooks.incomingJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The email a patient gets when a visit is booked, moved or cancelled, as it leaves
 * through Gmail: its calendar file, read back with ical4j, keeps the clinic's time zone,
 * one UID and a growing SEQUENCE, and says CANCEL at the end. It goes at night too, and
 * not to an address that opted out; it speaks the language the patient booked in, and a
 * reply to it is about its visit.
 */
@IntegrationTest
class BookingNoticeMailIntegrationTests {

	/** Tuesday 12 August 2025, 10:00 in New York. */
	static final Instant VISIT = Instant.parse("2025-08-12T14:00:00Z");

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	Patients patients;

	@Autowired
	Booking booking;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	ConsentBook consents;

	@Autowired
	Addresses addresses;

	@Autowired
	MockMvc mvc;

	@Autowired
	InboxWorker worker;

	final FakeGmailServer gmail = FakeGmailServer.shared();

	@BeforeEach
	void reset() {
		data.reset();
		gmail.reset();
	}

	@Test
	void bookedMovedAndCancelledVisitsMailOneInvitationThatUpdatesItself() throws Exception {
		// 23:30 in New York: quiet hours hold back reminders, not this
		clock.set(Instant.parse("2025-08-05T03:30:00Z"));
		AppointmentView visit = book("Ida Rhodes", "ida@example.com");
		data.awaitEvents();
		assertThat(dispatcher.drain()).isEqualTo(1);
		assertThat(data.jdbc().queryForObject("select kind from channel_outbound", String.class)).isEqualTo("NOTICE");
		MimeMessage booked = lastMail();
		assertThat(booked.getSubject())
			.isEqualTo("Your appointment at Brightside Dental: Tuesday, August 12 at 10:00 AM");
		Calendar invitation = calendarOf(booked, "REQUEST");
		assertThat(invitation.getProperty(Property.METHOD).map(Property::getValue)).hasValue("REQUEST");
		assertThat(invitation.getComponent("VTIMEZONE")).isPresent();
		VEvent first = invitation.<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(first.getProperty(Property.DTSTART).orElseThrow().toString()).contains("TZID=America/New_York",
				"20250812T100000");
		assertThat(first.getProperty(Property.UID).map(Property::getValue)).hasValue(visit.id() + "@smiledesk");
		int firstSequence = sequence(first);

		clock.set(Instant.parse("2025-08-06T14:00:00Z"));
		booking.reschedule(visit.id(), VISIT.plusSeconds(86_400), Optional.of("sam-oneill"), Booking.Actor.staff());
		data.awaitEvents();
		assertThat(dispatcher.drain()).isEqualTo(1);
		MimeMessage moved = lastMail();
		assertThat(moved.getSubject()).contains("has moved", "Wednesday, August 13");
		VEvent update = calendarOf(moved, "REQUEST").<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(update.getProperty(Property.UID).map(Property::getValue)).hasValue(visit.id() + "@smiledesk");
		assertThat(update.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20250813T100000");
		assertThat(sequence(update)).isGreaterThan(firstSequence);

		clock.set(Instant.parse("2025-08-07T14:00:00Z"));
		booking.cancel(visit.id(), "Patient called", Booking.Actor.staff());
		data.awaitEvents();
		assertThat(dispatcher.drain()).isEqualTo(1);
		Calendar cancelled = calendarOf(lastMail(), "CANCEL");
		assertThat(cancelled.getProperty(Property.METHOD).map(Property::getValue)).hasValue("CANCEL");
		VEvent gone = cancelled.<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(gone.getProperty(Property.STATUS).map(Property::getValue)).hasValue("CANCELLED");
		assertThat(sequence(gone)).isGreaterThan(sequence(update));
	}

	@Test
	void aPatientWhoBookedInSpanishIsWrittenToInSpanish() throws Exception {
		clock.set(Instant.parse("2025-08-05T14:00:00Z"));
		book("Inés Ruiz", "ines@example.com", "es");
		data.awaitEvents();
		assertThat(dispatcher.drain()).isEqualTo(1);
		MimeMessage booked = lastMail();
		assertThat(booked.getSubject()).isEqualTo("Su cita en Brightside Dental: martes 12 de agosto a las 10:00");
		assertThat(textOf(booked)).contains("Hola Inés", "su cita de limpieza anual", "está reservada");
	}

	@Test
	void aReplyToTheBookingEmailIsAboutThatVisit() throws Exception {
		clock.set(Instant.parse("2025-08-05T14:00:00Z"));
		AppointmentView visit = book("Ida Rhodes", "ida@example.com");
		data.awaitEvents();
		assertThat(dispatcher.drain()).isEqualTo(1);

		mvc.perform(
				incoming(
						incomingJson("email", null,
								"Thanks! Could you put me on the waitlist in case something earlier opens up?",
								"Ida Rhodes <ida@example.com>", "<reply-1@example.com>"),
						clock.instant().getEpochSecond()))
			.andExpect(status().isAccepted());
		assertThat(worker.drain()).isEqualTo(1);

		// the visit is known from the email: no questions about who is writing or which
		// visit
		Map<String, Object> entry = data.jdbc().queryForMap("select * from waitlist_entry");
		assertThat(entry.get("appointment_id")).isEqualTo(visit.id());
		assertThat(entry.get("service_id")).isEqualTo("annual_cleaning");
		assertThat(data.jdbc().queryForObject("select status from appointment where id = ?", String.class, visit.id()))
			.isEqualTo("BOOKED");
	}

	@Test
	void anAddressThatOptedOutGetsNone() throws Exception {
		consents.set(io.smiledesk.conversation.ConversationChannel.EMAIL, addresses.hash("opted@example.com"), true);
		book("Opal Out", "opted@example.com");
		data.awaitEvents();
		assertThat(data.count("channel_outbound")).isZero();
	}

	// --- helpers

	AppointmentView book(String name, String email) {
		return book(name, email, null);
	}

	AppointmentView book(String name, String email, String language) {
		patients.register(new Patients.NewPatient(name, patients.contact(email, null), null, PatientType.EXISTING,
				Channel.EMAIL));
		Booking.Outcome outcome = booking.book(new Booking.BookRequest(name, email, null, null, null, "Annual Cleaning",
				VISIT, Optional.of("sam-oneill"), Optional.empty(), null, CreatedFrom.MANUAL_ADMIN, null, null, null,
				null, language));
		return ((Booking.Done) outcome).appointment();
	}

	static String textOf(MimeMessage mail) throws Exception {
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.getContentType().startsWith("text/plain")) {
				return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no text in the mail");
	}

	MimeMessage lastMail() throws Exception {
		List<FakeGmailServer.Sent> sent = gmail.sent();
		byte[] raw = sent.get(sent.size() - 1).raw().getBytes(StandardCharsets.UTF_8);
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
	}

	static Calendar calendarOf(MimeMessage mail, String method) throws Exception {
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.getContentType().startsWith("text/calendar")) {
				assertThat(part.getContentType()).contains("method=" + method);
				String ics = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				return new CalendarBuilder().build(new StringReader(ics));
			}
		}
		throw new AssertionError("no calendar file in the mail");
	}

	static int sequence(VEvent event) {
		return Integer.parseInt(event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
	}

}
