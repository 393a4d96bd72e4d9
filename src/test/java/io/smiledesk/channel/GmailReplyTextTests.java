package io.smiledesk.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the assistant reads of a Gmail reply: the new text, without the history quoted
 * below it.
 */
class GmailReplyTextTests {

	@Test
	void dropsEverythingFromGmailsAttributionLine() {
		String reply = """
				Tuesday works for me.

				On Mon, Aug 4, 2025 at 9:00 AM Brightside Dental <desk@brightside.example> wrote:
				Thanks for writing, we have Tuesday at 10:00.
				""";
		assertThat(GmailMessage.newText(reply)).isEqualTo("Tuesday works for me.");
	}

	@Test
	void dropsAnAttributionGmailWrappedOverTwoLines() {
		String reply = "Yes please\r\n\r\nOn Mon, 4 Aug 2025 at 09:00, Brightside Dental <\r\ndesk@brightside.example> wrote:\r\n"
				+ "> Shall we book it?\r\n";
		assertThat(GmailMessage.newText(reply)).isEqualTo("Yes please");
	}

	@Test
	void dropsQuotedLinesAnywhere() {
		String reply = "> Which day?\nFriday\n>> earlier\nmorning if possible";
		assertThat(GmailMessage.newText(reply)).isEqualTo("Friday\nmorning if possible");
	}

	@Test
	void readsOtherLanguagesAndOutlooksSeparator() {
		assertThat(
				GmailMessage.newText("Sí, gracias\n\nEl lun, 4 ago 2025 a las 9:00, Clínica <a@b.c> escribió:\n> hola"))
			.isEqualTo("Sí, gracias");
		assertThat(GmailMessage.newText("Merci\n\nLe lun. 4 août 2025 à 09:00, Cabinet <a@b.c> a écrit :\n> bonjour"))
			.isEqualTo("Merci");
		assertThat(GmailMessage.newText("Thanks\n\n-----Original Message-----\nFrom: Clinic\nSent: Monday"))
			.isEqualTo("Thanks");
	}

	@Test
	void keepsAPatientsOwnLinesThatMerelyStartWithOn() {
		String text = "On Tuesday I can come after work.\nOn Wednesday I cannot.";
		assertThat(GmailMessage.newText(text)).isEqualTo(text);
	}

	@Test
	void keepsAMessageThatIsNothingButAQuoteRatherThanReadingItAsEmpty() {
		assertThat(GmailMessage.newText("> forwarded question\n")).isEqualTo("> forwarded question");
		assertThat(GmailMessage.newText(null)).isEmpty();
	}

}
