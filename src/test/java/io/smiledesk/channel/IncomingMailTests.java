package io.smiledesk.channel;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncomingMailTests {

	static final Set<String> CLINIC = Set.of("hello@brightside-dental.example");

	static final String HEADERS = """
			From: Ana Ruiz <Ana.Ruiz@Patient.test>
			To: hello@brightside-dental.example
			Subject: Appointment
			Message-ID: <second@patient.test>
			In-Reply-To: <reply@desk.test>
			References: <first@patient.test>
			 <reply@desk.test>
			""";

	@Test
	void readsTheSenderTheThreadIdsAndTheNewTextOfAPlainReply() {
		IncomingMail.Reading reading = read(HEADERS + """
				Content-Type: text/plain; charset=UTF-8

				Thursday is fine.

				On Mon, 4 Aug 2025 at 12:00, Brightside Dental <hello@brightside-dental.example> wrote:
				> Would Thursday suit you?
				""");

		assertThat(reading).isInstanceOfSatisfying(IncomingMail.Mail.class, mail -> {
			assertThat(mail.from()).isEqualTo("ana.ruiz@patient.test");
			assertThat(mail.messageId()).isEqualTo("<second@patient.test>");
			assertThat(mail.inReplyTo()).isEqualTo("<reply@desk.test>");
			assertThat(mail.references()).containsExactly("<first@patient.test>", "<reply@desk.test>");
			assertThat(mail.threadRoot(mail.messageId())).isEqualTo("<first@patient.test>");
			assertThat(mail.text()).isEqualTo("Thursday is fine.");
		});
	}

	@Test
	void prefersThePlainTextPartAndDecodesItsCharset() {
		IncomingMail.Reading reading = read(HEADERS + """
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="b1"

				--b1
				Content-Type: text/plain; charset=ISO-8859-1
				Content-Transfer-Encoding: quoted-printable

				Ma=F1ana a las diez, por favor.
				--b1
				Content-Type: text/html; charset=UTF-8

				<p>HTML version</p>
				--b1--
				""");

		assertThat(text(reading)).isEqualTo("Mañana a las diez, por favor.");
	}

	@Test
	void readsHtmlWithoutItsMarkupOrItsQuotedHistory() {
		IncomingMail.Reading reading = read(HEADERS + """
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="m"

				--m
				Content-Type: text/html; charset=UTF-8
				Content-Transfer-Encoding: base64

				%s
				--m
				Content-Type: text/plain; name="x-ray.txt"
				Content-Disposition: attachment; filename="x-ray.txt"

				not the patient's words
				--m--
				""".formatted(java.util.Base64.getMimeEncoder()
			.encodeToString(("<html><head><style>p{color:red}</style></head><body><p>Café &amp; "
					+ "tea &#8212; is <b>Friday</b> possible?<br>Thanks</p><div class=\"gmail_quote\">"
					+ "<div>On Mon, 4 Aug 2025, Brightside Dental wrote:<br></div><blockquote>Old "
					+ "<blockquote>older</blockquote> text</blockquote></div></body></html>")
				.getBytes(StandardCharsets.UTF_8))));

		assertThat(text(reading)).isEqualTo("Café & tea \u2014 is Friday possible?\nThanks");
	}

	@Test
	void anUnknownCharsetIsReadAsUtf8() {
		IncomingMail.Reading reading = read(
				HEADERS + "Content-Type: text/plain; charset=x-unheard-of\n\nHello there\n");

		assertThat(text(reading)).isEqualTo("Hello there");
	}

	@Test
	void autoRepliesBulkMailAndTheClinicsOwnMailAreSkipped() {
		String body = "Content-Type: text/plain\n\nI am out of the office.\n";

		assertThat(read("Auto-Submitted: auto-replied\n" + HEADERS + body)).isInstanceOf(IncomingMail.Skipped.class);
		assertThat(read("Precedence: bulk\n" + HEADERS + body)).isInstanceOf(IncomingMail.Skipped.class);
		assertThat(read("Precedence: auto_reply\n" + HEADERS + body)).isInstanceOf(IncomingMail.Skipped.class);
		assertThat(read("Auto-Submitted: no\n" + HEADERS + body)).isInstanceOf(IncomingMail.Mail.class);
		assertThat(read(HEADERS.replace("Ana Ruiz <Ana.Ruiz@Patient.test>", "HELLO@brightside-dental.example") + body))
			.isEqualTo(new IncomingMail.Skipped("from the clinic's own address"));
	}

	@Test
	void aMessageThatCannotBeReadSaysWhy() {
		assertThat(read(HEADERS + "Content-Type: multipart/mixed; boundary=\"never\"\n\nno parts here\n"))
			.isInstanceOf(IncomingMail.Unreadable.class);
		assertThat(read(HEADERS.replace("From: Ana Ruiz <Ana.Ruiz@Patient.test>\n", "") + "\nHello\n"))
			.isEqualTo(new IncomingMail.Unreadable("no sender email address in From"));
		assertThat(read(HEADERS + "\n> only quoted history\n")).isInstanceOf(IncomingMail.Unreadable.class);
	}

	@Test
	void aDeadLetterKeepsTheHeadersOnly() {
		assertThat(IncomingMail.headers((HEADERS + "\nthe body\n").replace("\n", "\r\n").getBytes()))
			.startsWith("From: Ana Ruiz")
			.endsWith(" <reply@desk.test>")
			.doesNotContain("the body");
	}

	private static IncomingMail.Reading read(String raw) {
		return IncomingMail.read(raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1), CLINIC);
	}

	private static String text(IncomingMail.Reading reading) {
		assertThat(reading).isInstanceOf(IncomingMail.Mail.class);
		return ((IncomingMail.Mail) reading).text();
	}

}
