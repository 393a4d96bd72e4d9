package io.smiledesk.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StaffBootstrapTests {

	@Test
	void createsTheFirstAdministratorFromTheEnvironment() {
		StaffAccounts accounts = mock(StaffAccounts.class);
		when(accounts.exists("boss@clinic.example")).thenReturn(false);

		new StaffBootstrap(accounts, "boss@clinic.example", "Correct-Horse-42!", false).run(null);

		verify(accounts).create("Administrator", "boss@clinic.example", StaffRole.ADMIN, "Correct-Horse-42!");
	}

	@Test
	void refusesToStartWithAWeakAdministratorPassword() {
		StaffAccounts accounts = mock(StaffAccounts.class);
		when(accounts.exists("boss@clinic.example")).thenReturn(false);
		when(accounts.create(anyString(), anyString(), any(), anyString()))
			.thenThrow(new io.smiledesk.system.InvalidInputException("password", "must be at least 12 characters"));

		assertThatIllegalStateException()
			.isThrownBy(() -> new StaffBootstrap(accounts, "boss@clinic.example", "password1", false).run(null))
			.withMessage("SMILEDESK_ADMIN_PASSWORD must be at least 12 characters");
	}

}
