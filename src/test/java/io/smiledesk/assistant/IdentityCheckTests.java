package io.smiledesk.assistant;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.assistant.DialogueState.Stage;
import io.smiledesk.assistant.IdentityCheck.Result;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.understanding.Intent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IdentityCheckTests {

	private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private final Patients patients = mock(Patients.class);

	private final OneTimeCodes codes = mock(OneTimeCodes.class);

	private final DialogueState state = new DialogueState();

	private IdentityCheck check(AssistantProperties.Verification verification) {
		return new IdentityCheck(patients, codes, new AssistantProperties(verification, 4, 14, 3));
	}

	@BeforeEach
	void ana() {
		when(patients.contact(any(), any()))
			.thenAnswer(call -> new Patients.Contact(call.getArgument(0), call.getArgument(1)));
		state.startTask(Intent.RESCHEDULE);
	}

	@Test
	void asksForTheNameThenTheContact() {
		assertThat(
				check(AssistantProperties.Verification.CONTACT).check(state, Desk.said("move it", Intent.RESCHEDULE)))
			.isEqualTo(new Result.Ask(Stage.NAME));

		state.named("Ana Silva");

		assertThat(check(AssistantProperties.Verification.CONTACT).check(state, Desk.said("Ana Silva", Intent.UNKNOWN)))
			.isEqualTo(new Result.Ask(Stage.CONTACT));
	}

	@Test
	void aPatientWithoutADateOfBirthOnFileIsNotAskedForOne() {
		onFile("ana@example.com", null, null);
		state.named("Ana Silva");
		state.contact("ana@example.com", null);

		Result result = check(AssistantProperties.Verification.CONTACT).check(state, Desk.said("Ana", Intent.UNKNOWN));

		assertThat(result).isEqualTo(new Result.Verified(ANA, false));
		assertThat(state.verifiedPatientId()).isEqualTo(ANA);
	}

	@Test
	void aDateOfBirthOnFileIsAskedForAndChecked() {
		onFile("ana@example.com", null, LocalDate.of(1990, 3, 4));
		state.named("Ana Silva");
		state.contact("ana@example.com", null);
		IdentityCheck check = check(AssistantProperties.Verification.CONTACT);

		assertThat(check.check(state, Desk.said("x", Intent.UNKNOWN))).isEqualTo(new Result.Ask(Stage.DOB));
		state.born(LocalDate.of(1991, 3, 4));
		assertThat(check.check(state, Desk.said("x", Intent.UNKNOWN))).isEqualTo(new Result.Mismatch());
		state.born(LocalDate.of(1990, 3, 4));
		assertThat(check.check(state, Desk.said("x", Intent.UNKNOWN))).isEqualTo(new Result.Verified(ANA, false));
	}

	@Test
	void detailsMatchingNobodyAreAskedTheSameQuestionsSoNothingIsRevealed() {
		state.named("Mallory Jones");
		state.contact("fred@example.com", null);

		Result result = check(AssistantProperties.Verification.CONTACT).check(state, Desk.said("x", Intent.UNKNOWN));

		assertThat(result).isEqualTo(new Result.Ask(Stage.DOB));
	}

	@Test
	void aMismatchKeepsTheDetailsSoTheWrongOneCanBeCorrected() {
		onFile("ana@example.com", null, LocalDate.of(1990, 3, 4));
		state.named("Ana Silva");
		state.contact("ana@example.com", null);
		state.born(LocalDate.of(1991, 3, 4));

		check(AssistantProperties.Verification.CONTACT).check(state, Desk.said("x", Intent.UNKNOWN));

		assertThat(state.email()).isEqualTo("ana@example.com");
		assertThat(state.name()).isEqualTo("Ana Silva");
		assertThat(state.verificationFailures()).isEqualTo(1);
	}

	@Test
	void theThirdMismatchGoesToStaff() {
		state.named("Ana Silva");
		state.contact("nobody@example.com", null);
		state.born(LocalDate.of(1990, 3, 4));
		IdentityCheck check = check(AssistantProperties.Verification.CONTACT);

		check.check(state, Desk.said("x", Intent.UNKNOWN));
		check.check(state, Desk.said("x", Intent.UNKNOWN));

		assertThat(check.check(state, Desk.said("x", Intent.UNKNOWN)))
			.isEqualTo(new Result.Failed(HandoffReason.NOT_IDENTIFIED));
	}

	@Test
	void aPhoneOnFileIdentifiesWhenTheEmailGivenIsAnotherOne() {
		onFile(null, "+12125550101", null);
		state.named("Ana Silva");
		state.contact("old@example.com", "+12125550101");

		assertThat(check(AssistantProperties.Verification.CONTACT).check(state, Desk.said("x", Intent.UNKNOWN)))
			.isEqualTo(new Result.Verified(ANA, false));
	}

	@Test
	void withCodesAPatientIsSentOneAndAStrangerSeemsToBe() {
		onFile("ana@example.com", null, null);
		state.named("Ana Silva");
		state.contact("ana@example.com", null);
		IdentityCheck check = check(AssistantProperties.Verification.ONE_TIME_CODE);

		assertThat(check.check(state, Desk.said("x", Intent.UNKNOWN))).isEqualTo(new Result.CodeSent());
		verify(codes).send(eq(Desk.CONVERSATION), any());

		DialogueState stranger = new DialogueState();
		stranger.startTask(Intent.CANCEL);
		stranger.named("Mallory Jones");
		stranger.contact("fred@example.com", null);
		stranger.born(LocalDate.of(1980, 1, 1));
		assertThat(check.check(stranger, Desk.said("x", Intent.UNKNOWN))).isEqualTo(new Result.CodeSent());
	}

	@Test
	void theCodeSentToThePatientVerifiesAndAnotherIsRefused() {
		onFile("ana@example.com", null, null);
		state.named("Ana Silva");
		state.contact("ana@example.com", null);
		IdentityCheck check = check(AssistantProperties.Verification.ONE_TIME_CODE);
		check.check(state, Desk.said("x", Intent.UNKNOWN));
		state.ask(Stage.CODE, true);
		when(codes.check(Desk.CONVERSATION, "111111")).thenReturn(Optional.empty());
		when(codes.check(Desk.CONVERSATION, "123456")).thenReturn(Optional.of(ANA));

		assertThat(check.check(state, Desk.said("111111", Intent.UNKNOWN))).isEqualTo(new Result.CodeRefused());
		assertThat(check.check(state, Desk.said("it's 123456", Intent.UNKNOWN)))
			.isEqualTo(new Result.Verified(ANA, true));
	}

	@Test
	void namesMatchIgnoringCaseAccentsAndAMiddleName() {
		assertThat(IdentityCheck.sameName("José Álvarez", "jose alvarez")).isTrue();
		assertThat(IdentityCheck.sameName("Ana Maria Silva", "Ana Silva")).isTrue();
		assertThat(IdentityCheck.sameName("Ana Silva", "Ana Santos")).isFalse();
		verify(patients, never()).identify(any());
	}

	private void onFile(String email, String phone, LocalDate born) {
		PatientSummary ana = new PatientSummary(new PatientId(ANA), "Ana Silva", email, phone, born,
				PatientType.EXISTING, Channel.EMAIL, null, Desk.NOW, Desk.NOW);
		when(patients.identify(any())).thenAnswer(call -> {
			Patients.Contact asked = call.getArgument(0);
			boolean byEmail = asked.email() != null && asked.email().equals(email);
			boolean byPhone = asked.phone() != null && asked.phone().equals(phone);
			return byEmail || byPhone ? Optional.of(ana) : Optional.empty();
		});
	}

}
