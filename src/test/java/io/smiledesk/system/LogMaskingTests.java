package io.smiledesk.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskingTests {

	@Test
	void masksContactDetails() {
		assertThat(LogMasking.mask("Key (email)=(ana.silva@example.com) already exists"))
			.isEqualTo("Key (email)=(a***@example.com) already exists");
		assertThat(LogMasking.mask("call +1 (973) 555-0101 or 973.555.0102")).isEqualTo("call ***01 or ***02");
		assertThat(LogMasking.mask("Key (phone)=(+19735550101)")).isEqualTo("Key (phone)=(***01)");
	}

	@Test
	void masksTokensAndPasswords() {
		String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcDEF123_-xyz";
		assertThat(LogMasking.mask("Authorization: Bearer " + jwt)).doesNotContain(jwt).contains("[token]");
		assertThat(LogMasking.mask("Authorization: Bearer abcdef0123456789"))
			.isEqualTo("Authorization: Bearer [token]");
		assertThat(LogMasking.mask("{\"email\":\"x\",\"password\":\"Hunter2-Secret!\"}")).doesNotContain("Hunter2")
			.contains("\"password\":\"[redacted]");
		assertThat(LogMasking.mask("refresh_token=AbC123xyz&x=1")).isEqualTo("refresh_token=[redacted]&x=1");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(LogMasking.mask("closed on 2025-12-25 all day")).isEqualTo("closed on 2025-12-25 all day");
		String text = "Booked appointment 3f94935a-05f3-4aff-b502-3f4edd91bbb4 for 2025-08-20T14:00:00Z in 12 ms";
		assertThat(LogMasking.mask(text)).isEqualTo(text);
		assertThat(LogMasking.mask(null)).isNull();
	}

}
