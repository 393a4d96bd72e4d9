package io.smiledesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicProfile;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.conversation.ConversationEvents;
import io.smiledesk.conversation.Urgency;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;
import io.smiledesk.staff.StaffRole;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ManagerAlertsTests {

	@Test
	void anOverdueHandoffIsMailedToTheActiveManagersOnlyWithoutWhatThePatientWrote() {
		StaffAccounts accounts = mock(StaffAccounts.class);
		when(accounts.list()).thenReturn(List.of(member("boss@clinic.example", StaffRole.ADMIN, true),
				member("manager@clinic.example", StaffRole.OFFICE_MANAGER, true),
				member("gone@clinic.example", StaffRole.OFFICE_MANAGER, false),
				member("desk@clinic.example", StaffRole.FRONT_DESK, true)));
		JavaMailSender mail = mock(JavaMailSender.class);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mail", mail);
		ClinicCatalog catalog = mock(ClinicCatalog.class);
		ClinicSnapshot snapshot = mock(ClinicSnapshot.class);
		when(catalog.snapshot()).thenReturn(snapshot);
		when(snapshot.profile()).thenReturn(new ClinicProfile("Brightside Dental", null, "+19735550100", null,
				"hello@brightside.example", null, java.time.ZoneId.of("America/New_York"), "USD"));
		ChannelProperties properties = ChannelSettings.of(Map.of("public-base-url", "https://desk.example"));
		UUID conversation = UUID.randomUUID();

		new ManagerAlerts(accounts, beans.getBeanProvider(JavaMailSender.class), catalog, properties)
			.on(new ConversationEvents.HandoffOverdue(conversation, Urgency.URGENT, "emergency",
					Instant.parse("2025-08-04T12:00:00Z"), Instant.parse("2025-08-04T12:02:00Z")));

		ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
		verify(mail).send(sent.capture());
		assertThat(sent.getValue().getTo()).containsExactly("boss@clinic.example", "manager@clinic.example");
		assertThat(sent.getValue().getSubject()).contains("urgent handoff");
		assertThat(sent.getValue().getText()).contains("emergency",
				"https://desk.example/console/handoffs/" + conversation);
	}

	private static StaffMember member(String email, StaffRole role, boolean active) {
		return new StaffMember(UUID.randomUUID(), "Staff", email, role, active, false, null, null);
	}

}
