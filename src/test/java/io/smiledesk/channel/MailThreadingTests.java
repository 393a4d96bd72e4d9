package io.smiledesk.channel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailThreadingTests {

	@Test
	void theThreadIsTheFirstIdOfReferencesElseInReplyToElseTheMessageItself() {
		List<String> references = MailThreading.ids("<first@patient.test>\r\n <reply@desk.test> <second@patient.test>");

		assertThat(references).containsExactly("<first@patient.test>", "<reply@desk.test>", "<second@patient.test>");
		assertThat(MailThreading.root(references, "<second@patient.test>", "<third@patient.test>"))
			.isEqualTo("<first@patient.test>");
		assertThat(MailThreading.root(List.of(), "<reply@desk.test>", "<third@patient.test>"))
			.isEqualTo("<reply@desk.test>");
		assertThat(MailThreading.root(List.of(), null, "<third@patient.test>")).isEqualTo("<third@patient.test>");
	}

	@Test
	void readsIdsWithoutAngleBracketsAndIgnoresEmptyHeaders() {
		assertThat(MailThreading.ids("a@x.test, b@x.test")).containsExactly("<a@x.test>", "<b@x.test>");
		assertThat(MailThreading.ids("  ")).isEmpty();
		assertThat(MailThreading.ids(null)).isEmpty();
	}

	@Test
	void anIdTooLongForTheInboxIsKeptAsItsHash() {
		String id = "<" + "x".repeat(300) + "@patient.test>";

		assertThat(MailThreading.compact(id)).startsWith("sha256:").hasSize(71).isEqualTo(MailThreading.compact(id));
		assertThat(MailThreading.compact("<short@patient.test>")).isEqualTo("<short@patient.test>");
	}

	@Test
	void aReplySubjectSaysReOnceOnOneShortLine() {
		assertThat(MailThreading.replySubject("Sore tooth")).isEqualTo("Re: Sore tooth");
		assertThat(MailThreading.replySubject("RE: Sore tooth")).isEqualTo("RE: Sore tooth");
		assertThat(MailThreading.replySubject("re:Sore tooth")).isEqualTo("re:Sore tooth");
		assertThat(MailThreading.replySubject("Sore\r\n\ttooth ")).isEqualTo("Re: Sore tooth");
		assertThat(MailThreading.replySubject(" \r\n ")).isNull();
		assertThat(MailThreading.replySubject("x".repeat(1000))).hasSize(MailThreading.MAX_SUBJECT).startsWith("Re: x");
	}

}
