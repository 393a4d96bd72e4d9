package io.smiledesk.assistant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;

import io.smiledesk.patient.PatientSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes sent to the email on file, for clinics that want more than name and
 * contact details before a patient changes an appointment. Ten minutes, five tries.
 */
@Component
class OneTimeCodes {

	static final int MAX_ATTEMPTS = 5;

	private static final Duration LIFETIME = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);

	private final VerificationCodeRepository codes;

	private final ObjectProvider<JavaMailSender> mail;

	private final ClinicCatalog catalog;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	OneTimeCodes(VerificationCodeRepository codes, ObjectProvider<JavaMailSender> mail, ClinicCatalog catalog,
			Clock clock) {
		this.codes = codes;
		this.mail = mail;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Sends a fresh code; false when the patient has no email or no mail server is set
	 * up.
	 */
	@Transactional
	boolean send(UUID conversationId, PatientSummary patient) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || patient.email() == null) {
			log.warn("Cannot send a verification code: {}",
					sender == null ? "no mail server configured" : "the patient has no email address on file");
			return false;
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		Instant now = clock.instant();
		// lapsed codes are of no use to anyone: cleared whenever a new one is made
		codes.deleteExpired(now);
		codes.save(new VerificationCode(conversationId, patient.id().value(), hash(conversationId, code),
				now.plus(LIFETIME), now));
		String clinic = catalog.snapshot().profile().name();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo(patient.email());
		message.setFrom(catalog.snapshot().profile().email());
		message.setSubject("Your " + clinic + " verification code");
		message.setText("Your verification code is " + code + ". It is valid for 10 minutes.\n\n"
				+ "If you did not ask for it, you can ignore this email.\n\n" + clinic);
		try {
			sender.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not send a verification code: {}", ex.getMessage());
			return false;
		}
	}

	/** The patient the code was sent to, when it is the latest code and still valid. */
	@Transactional(noRollbackFor = Exception.class)
	Optional<UUID> check(UUID conversationId, String code) {
		Optional<VerificationCode> latest = codes.findFirstByConversationIdOrderByCreatedAtDesc(conversationId);
		Instant now = clock.instant();
		if (latest.isEmpty() || !latest.get().usableAt(now)) {
			return Optional.empty();
		}
		VerificationCode stored = latest.get();
		if (MessageDigest.isEqual(stored.codeHash().getBytes(StandardCharsets.US_ASCII),
				hash(conversationId, code).getBytes(StandardCharsets.US_ASCII))) {
			stored.spend();
			return Optional.of(stored.patientId());
		}
		stored.countAttempt();
		return Optional.empty();
	}

	private static String hash(UUID conversationId, String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((conversationId + ":" + code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
