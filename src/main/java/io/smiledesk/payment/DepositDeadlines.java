package io.smiledesk.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.stripe.model.checkout.Session;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import io.smiledesk.channel.ProactiveMessages;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Booking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * One pass of the deadline job: a deposit still unpaid at its deadline releases its
 * appointment's time (cancelled, so the waitlist hears of it) and the patient is told; a
 * payment Stripe has taken but not yet announced is honoured instead. Runs on one
 * instance at a time (ShedLock).
 */
@Service
class DepositDeadlines {

	private static final Logger log = LoggerFactory.getLogger(DepositDeadlines.class);

	private static final String LOCK = "deposit-deadlines";

	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(5);

	private final DepositRepository deposits;

	private final DepositSettlement settlement;

	private final DepositClosing closing;

	private final DepositOpening opening;

	private final StripeGateway gateway;

	private final Booking booking;

	private final Appointments appointments;

	private final ProactiveMessages messages;

	private final DepositWording wording;

	private final ClinicCatalog catalog;

	private final LockProvider locks;

	private final Clock clock;

	DepositDeadlines(DepositRepository deposits, DepositSettlement settlement, DepositClosing closing,
			DepositOpening opening, StripeGateway gateway, Booking booking, Appointments appointments,
			ProactiveMessages messages, DepositWording wording, ClinicCatalog catalog, LockProvider locks,
			Clock clock) {
		this.deposits = deposits;
		this.settlement = settlement;
		this.closing = closing;
		this.opening = opening;
		this.gateway = gateway;
		this.booking = booking;
		this.appointments = appointments;
		this.messages = messages;
		this.wording = wording;
		this.catalog = catalog;
		this.locks = locks;
		this.clock = clock;
	}

	/** How many times were released; empty when another instance is at it. */
	Optional<Integer> runNow() {
		Optional<SimpleLock> lock = locks
			.lock(new LockConfiguration(ClockProvider.now(), LOCK, LOCK_AT_MOST, Duration.ZERO));
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try {
			// payment pages a booking could not get at once (Stripe was down)
			deposits.findTop100ByStatusAndCheckoutSessionIdIsNullOrderByCreatedAt(DepositStatus.PENDING)
				.forEach(deposit -> opening.openCheckout(deposit.id()));
			int released = 0;
			for (Deposit deposit : deposits.findTop100ByStatusAndDueByLessThanEqualOrderByDueBy(DepositStatus.PENDING,
					clock.instant())) {
				released += release(deposit) ? 1 : 0;
			}
			return Optional.of(released);
		}
		finally {
			lock.get().unlock();
		}
	}

	private boolean release(Deposit deposit) {
		Optional<Session> session = deposit.checkoutSessionId() == null || !gateway.configured() ? Optional.empty()
				: gateway.session(deposit.checkoutSessionId());
		if (session.isPresent() && "paid".equals(session.get().getPaymentStatus())) {
			log.info("Deposit {} was paid before its deadline: {}", deposit.id(),
					settlement.paid(deposit.id(), session.get().getPaymentIntent()));
			return false;
		}
		Booking.Outcome outcome = booking.releaseUnpaid(deposit.appointmentId());
		if (!closing.lapse(deposit.id(), "deadline_passed")) {
			return false;
		}
		if (outcome instanceof Booking.Done done) {
			tell(deposit, done.appointment());
			return true;
		}
		return false;
	}

	/** By email about their own booking, else by text message. */
	private void tell(Deposit deposit, AppointmentView appointment) {
		var clinic = catalog.snapshot();
		String service = clinic.serviceById(appointment.serviceId()).map(ServiceInfo::name).orElse("visit");
		String text = wording.released(deposit.money(), service, appointment.start(), clinic.zone());
		PatientId patient = new PatientId(deposit.patientId());
		ProactiveMessages.Outcome sent;
		try {
			sent = messages.notice(patient, wording.releasedSubject(), text, null);
		}
		catch (DataIntegrityViolationException ex) {
			// another message started the patient's thread at the same moment: it is
			// there now
			sent = messages.notice(patient, wording.releasedSubject(), text, null);
		}
		if (sent instanceof ProactiveMessages.Outcome.Refused) {
			sent = messages.send(patient, ConversationChannel.SMS, text);
		}
		log.info("Deposit {} unpaid at its deadline, time released; patient told: {}", deposit.id(),
				sent.getClass().getSimpleName());
	}

}
