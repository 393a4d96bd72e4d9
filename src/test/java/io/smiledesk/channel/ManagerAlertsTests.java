package io.smiledesk.channel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ManagerAlertsTests {

	static final Instant NOW = Instant.parse("2025-08-04T12:02:30Z");

	final StaffAccounts accounts = mock(StaffAccounts.class);

	final OutboundRepository outbound = mock(OutboundRepository.class);

	final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	final UUID conversation = UUID.randomUUID();

	final ConversationEvents.HandoffOverdue overdue = new ConversationEvents.HandoffOverdue(conversation,
			Urgency.URGENT, "emergency", Instant.parse("2025-08-04T12:00:00Z"), Instant.parse("2025-08-04T12:02:00Z"));

	@Test
	void anOverdueHandoffQueuesAnEmailForEachActiveManagerWithoutWhatThePatientWrote() {
		when(accounts.list()).thenReturn(List.of(member("Boss@Clinic.example", StaffRole.ADMIN, true),
				member("manager@clinic.example", StaffRole.OFFICE_MANAGER, true),
				member("gone@clinic.example", StaffRole.OFFICE_MANAGER, false),
				member("desk@clinic.example", StaffRole.FRONT_DESK, true)));

		alerts().on(overdue);

		ArgumentCaptor<OutboundMessage> queued = ArgumentCaptor.forClass(OutboundMessage.class);
		verify(outbound, times(2)).save(queued.capture());
		assertThat(queued.getAllValues()).extracting(OutboundMessage::recipient)
			.containsExactly("boss@clinic.example", "manager@clinic.example");
		assertThat(queued.getAllValues()).allSatisfy(message -> {
			assertThat(message.channel()).isEqualTo(io.smiledesk.conversation.ConversationChannel.EMAIL);
			// in no conversation: never threaded under the patient's own mail
			assertThat(message.conversationId()).isNull();
			assertThat(message.status()).isEqualTo(OutboundMessage.Status.PENDING);
			assertThat(message.subject()).isEqualTo("Brightside Dental: an urgent handoff is waiting");
			assertThat(message.body()).contains("emergency", "https://desk.example/console/handoffs/" + conversation);
		});
		verify(events).publishEvent(any(ChannelEvents.OutboundQueued.class));
	}

	@Test
	void withNoActiveManagerNothingIsQueued() {
		when(accounts.list()).thenReturn(List.of(member("gone@clinic.example", StaffRole.ADMIN, false),
				member("desk@clinic.example", StaffRole.FRONT_DESK, true)));

		alerts().on(overdue);

		verify(outbound, never()).save(any());
		verify(events, never()).publishEvent(any(Object.class));
	}

	@Test
	void aManagerAlreadyQueuedForTheHandoffIsNotQueuedAgain() {
		StaffMember boss = member("boss@clinic.example", StaffRole.ADMIN, true);
		when(accounts.list()).thenReturn(List.of(boss));
		when(outbound.existsByIdempotencyKey(anyString())).thenReturn(true);

		alerts().on(overdue);

		verify(outbound).existsByIdempotencyKey(ManagerAlerts.key(overdue, boss));
		verify(outbound, never()).save(any());
		verify(events, never()).publishEvent(any(Object.class));
	}

	@Test
	void theKeyIsPerHandoffAndManager() {
		StaffMember boss = member("boss@clinic.example", StaffRole.ADMIN, true);
		StaffMember other = member("other@clinic.example", StaffRole.ADMIN, true);
		ConversationEvents.HandoffOverdue later = new ConversationEvents.HandoffOverdue(conversation, Urgency.NORMAL,
				"asked_for_person", Instant.parse("2025-08-05T12:00:00Z"), Instant.parse("2025-08-05T12:15:00Z"));

		assertThat(ManagerAlerts.key(overdue, boss)).isEqualTo(ManagerAlerts.key(overdue, boss))
			.isNotEqualTo(ManagerAlerts.key(overdue, other))
			.isNotEqualTo(ManagerAlerts.key(later, boss))
			.hasSizeLessThanOrEqualTo(200);
	}

	private ManagerAlerts alerts() {
		Addresses addresses = mock(Addresses.class);
		when(addresses.hash(anyString())).thenAnswer(call -> "hash-" + call.getArgument(0));
		ClinicCatalog catalog = mock(ClinicCatalog.class);
		ClinicSnapshot snapshot = mock(ClinicSnapshot.class);
		when(catalog.snapshot()).thenReturn(snapshot);
		when(snapshot.profile()).thenReturn(new ClinicProfile("Brightside Dental", null, "+19735550100", null,
				"hello@brightside.example", null, java.time.ZoneId.of("America/New_York"), "USD"));
		ChannelProperties properties = ChannelSettings.of(Map.of("public-base-url", "https://desk.example"));
		return new ManagerAlerts(accounts, outbound, addresses, catalog, properties, events,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static StaffMember member(String email, StaffRole role, boolean active) {
		return new StaffMember(UUID.randomUUID(), "Staff", email, role, active, false, null, null);
	}

}
