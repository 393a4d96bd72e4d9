package io.smiledesk.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailQuotesTests {

	@Test
	void cutsEverythingFromTheAttributionOfATopPostedReply() {
		String reply = """
				Thursday at 10 works for me.

				On Mon, 4 Aug 2025 at 12:00, Brightside Dental <hello@brightside-dental.example> wrote:
				> We have Thursday at 10 or Friday at 3.
				>
				> Brightside Dental
				""";

		assertThat(MailQuotes.strip(reply)).isEqualTo("Thursday at 10 works for me.");
	}

	@Test
	void readsAnAttributionTheMailClientWrappedOverTwoLines() {
		String reply = "Yes please.\r\n\r\nOn Mon, 4 Aug 2025 at 12:00, Brightside Dental <\r\n"
				+ "hello@brightside-dental.example> wrote:\r\n\r\n> Shall I book it?\r\n";

		assertThat(MailQuotes.strip(reply)).isEqualTo("Yes please.");
	}

	@Test
	void keepsThePatientsAnswersBetweenTheQuotedLinesOfAnInlineReply() {
		String reply = """
				On 4 Aug 2025, at 12:00, Brightside Dental wrote:
				> Which day suits you?
				Thursday.
				> Morning or afternoon?
				Morning, please.
				""";

		assertThat(MailQuotes.strip(reply)).isEqualTo("Thursday.\nMorning, please.");
	}

	@Test
	void cutsOutlookAndForwardedHistoryAndTheSignature() {
		assertThat(MailQuotes.strip("""
				Can I come earlier?

				-----Original Message-----
				From: Brightside Dental
				Sent: Monday, August 4, 2025 12:00 PM
				Your appointment is at 3.
				""")).isEqualTo("Can I come earlier?");
		assertThat(MailQuotes.strip("""
				Can I come earlier?
				________________________________
				From: Brightside Dental <hello@brightside-dental.example>
				Sent: Monday, August 4, 2025 12:00 PM
				To: Ana
				""")).isEqualTo("Can I come earlier?");
		assertThat(MailQuotes.strip("Thanks!\n-- \nAna Ruiz\nSent from my phone")).isEqualTo("Thanks!");
	}

	@Test
	void readsTranslatedAttributions() {
		assertThat(
				MailQuotes.strip("Sí, gracias.\n\nEl lun, 4 ago 2025 a las 12:00, Clínica escribió:\n> ¿Le va bien?"))
			.isEqualTo("Sí, gracias.");
		assertThat(MailQuotes.strip("Oui.\n\nLe lun. 4 août 2025 à 12:00, Cabinet a écrit :\n> D'accord ?"))
			.isEqualTo("Oui.");
	}

	@Test
	void leavesAMessageWithoutHistoryAsItIs() {
		String message = "On Monday my tooth started to hurt.\nFrom then on it is worse.\nCan you see me?";

		assertThat(MailQuotes.strip(message)).isEqualTo(message);
	}

}
