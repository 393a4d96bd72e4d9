package io.smiledesk.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsLongVariedPasswords() {
		assertThat(PasswordPolicy.problem("Correct-Horse-42!", "ana@clinic.example")).isEmpty();
		assertThat(PasswordPolicy.problem("tulip orchard 2031 ridge", "ana@clinic.example")).isEmpty();
	}

	@Test
	void refusesShortSamenessCommonAndPersonal() {
		assertThat(PasswordPolicy.problem("Sh0rt!", null)).hasValueSatisfying(p -> assertThat(p).contains("12"));
		assertThat(PasswordPolicy.problem("alllowercaseletters", null)).isPresent();
		assertThat(PasswordPolicy.problem("Password12345", null)).isPresent();
		assertThat(PasswordPolicy.problem("Anabela-Secret-9", "anabela@clinic.example")).isPresent();
		assertThat(PasswordPolicy.problem(null, null)).isPresent();
		assertThat(PasswordPolicy.problem("A1!" + "x".repeat(70), null)).isPresent();
		assertThat(PasswordPolicy.problem("Aa1!" + "é".repeat(35), null)).as("72 bytes, not characters").isPresent();
	}

}
