package io.smiledesk.reminder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.smiledesk.channel.ProactiveMessages;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one reminder: claims its ledger row and queues the message in one transaction, so
 * a reminder is in the ledger exactly when it is in the outbox. Channels are tried in the
 * clinic's order; quiet hours and caps put it off (nothing is written), an opt-out or a
 * missing address moves on to the next channel.
 */
@Component
class ReminderSending {

	/** What came of one attempt. */
	enum Result {

		QUEUED, DEFERRED, SKIPPED, FAILED, ALREADY

	}

	private final ProactiveMessages proactive;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final ReminderLinks links;

	private final ReminderWording wording;

	private final ReminderLedger ledger;

	private final ReminderProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReminderSending(ProactiveMessages proactive, Patients patients, ClinicCatalog catalog, ReminderLinks links,
			ReminderWording wording, ReminderLedger ledger, ReminderProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.proactive = proactive;
		this.patients = patients;
		this.catalog = catalog;
		this.links = links;
		this.wording = wording;
		this.ledger = ledger;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** A reminder before the visit, by {@code rule}, due at {@code dueAt}. */
	Result remind(AppointmentView appointment, ReminderRule rule, Instant dueAt, ReminderSettings settings) {
		boolean asks = rule.asksConfirmation() && appointment.status() == AppointmentStatus.BOOKED;
		ReminderRecord claim = new ReminderRecord(UUID.randomUUID(), appointment.id(), appointment.start(), rule.code(),
				asks, dueAt, ReminderRecord.Status.QUEUED, null, null, null, null, null, null, null, null);
		return send(claim, appointment, settings, () -> {
			ClinicSnapshot clinic = catalog.snapshot();
			PatientSummary patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
			Locale locale = wording.localeOf(patient.id());
			return wording.text(locale, asks ? "reminder.asks" : "reminder.confirmed", patient.firstName(),
					clinic.profile().name(), wording.service(locale, clinic, appointment),
					provider(clinic, appointment), ReminderWording.day(locale, appointment.start(), clinic.zone()),
					ReminderWording.time(locale, appointment.start(), clinic.zone()),
					ReminderWording.address(clinic.profile()), links.url(appointment.id(), appointment.start()));
		}, true);
	}

	/** The word after a missed visit, its row already waiting in the ledger. */
	Result missedYou(ReminderRecord pending, AppointmentView appointment, ReminderSettings settings) {
		return send(pending, appointment, settings, () -> {
			ClinicSnapshot clinic = catalog.snapshot();
			PatientSummary patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
			Locale locale = wording.localeOf(patient.id());
			String service = service(clinic, appointment);
			String link = properties.publicBaseUrl().replaceAll("/+$", "") + "/book.html?service="
					+ URLEncoder.encode(service, StandardCharsets.UTF_8);
			return wording.text(locale, "missed-you", patient.firstName(), clinic.profile().name(),
					wording.service(locale, clinic, appointment),
					ReminderWording.day(locale, appointment.start(), clinic.zone()), link);
		}, false);
	}

	private Result send(ReminderRecord row, AppointmentView appointment, ReminderSettings settings,
			Supplier<String> text, boolean claim) {
		Instant now = clock.instant();
		PatientSummary patient = patients.find(new PatientId(appointment.patientId())).orElse(null);
		if (patient == null) {
			return settle(row, claim, ReminderRecord.Status.SKIPPED, "the patient is no longer on file", now);
		}
		try {
			Result result = transaction.execute(tx -> {
				if (claim) {
					ledger.insert(row, now);
				}
				ProactiveMessages.FirstOutcome outcome = proactive.sendFirst(patient.id(), channels(patient, settings),
						text.get());
				if (outcome instanceof ProactiveMessages.FirstOutcome.Queued queued) {
					ledger.queued(row.id(), queued.channel().name().toLowerCase(Locale.ROOT),
							queued.message().conversationId(), queued.message().messageId(), now);
					return Result.QUEUED;
				}
				if (outcome instanceof ProactiveMessages.FirstOutcome.Deferred first) {
					ProactiveMessages.Outcome.Deferred deferred = first.deferral();
					if (deferred.notBefore().isBefore(appointment.start())) {
						// quiet hours or a cap: this channel later, not another one now
						tx.setRollbackOnly();
						return Result.DEFERRED;
					}
					ledger.settle(row.id(), ReminderRecord.Status.SKIPPED,
							"put off past the visit: " + deferred.reason(), now);
					return Result.SKIPPED;
				}
				ledger.settle(row.id(), ReminderRecord.Status.FAILED, "no channel could take it: "
						+ String.join("; ", ((ProactiveMessages.FirstOutcome.Refused) outcome).reasons()), now);
				return Result.FAILED;
			});
			return result;
		}
		catch (DuplicateKeyException ex) {
			// another instance, or an earlier run, has it
			return Result.ALREADY;
		}
	}

	/** A reminder passed over, written so staff see why. */
	void skip(AppointmentView appointment, ReminderPlan.Skip skip) {
		ReminderRecord row = new ReminderRecord(UUID.randomUUID(), appointment.id(), appointment.start(),
				skip.due().rule().code(), false, skip.due().dueAt(), ReminderRecord.Status.SKIPPED, skip.reason(), null,
				null, null, null, null, null, null);
		try {
			ledger.insert(row, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// already there
		}
	}

	private Result settle(ReminderRecord row, boolean claim, ReminderRecord.Status status, String detail, Instant now) {
		try {
			if (claim) {
				ledger.insert(new ReminderRecord(row.id(), row.appointmentId(), row.appointmentStart(), row.ruleCode(),
						row.asksConfirmation(), row.dueAt(), status, detail, null, null, null, null, null, null, null),
						now);
			}
			else {
				ledger.settle(row.id(), status, detail, now);
			}
		}
		catch (DuplicateKeyException ex) {
			return Result.ALREADY;
		}
		return status == ReminderRecord.Status.SKIPPED ? Result.SKIPPED : Result.FAILED;
	}

	private static List<ConversationChannel> channels(PatientSummary patient, ReminderSettings settings) {
		Set<ConversationChannel> order = new LinkedHashSet<>();
		for (ReminderChannel channel : settings.channels()) {
			if (channel == ReminderChannel.PREFERRED) {
				if (patient.preferredChannel() != null) {
					order.add(ConversationChannel.valueOf(patient.preferredChannel().name()));
				}
			}
			else {
				order.add(ConversationChannel.valueOf(channel.name()));
			}
		}
		return List.copyOf(order);
	}

	static String service(ClinicSnapshot clinic, AppointmentView appointment) {
		return clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse("visit");
	}

	static String provider(ClinicSnapshot clinic, AppointmentView appointment) {
		return clinic.provider(appointment.providerId()).map(ProviderInfo::name).orElse("our team");
	}

}
