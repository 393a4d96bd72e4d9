package io.smiledesk.scheduling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

/** Wire formats shared by the scheduling controllers. */
final class SchedulingJson {

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("2199-12-31T23:59:00Z");

	private SchedulingJson() {
	}

	/**
	 * Reads "2025-08-20T14:00:00Z", "2025-08-20T10:00:00-04:00", or a clinic-local
	 * "2025-08-20T10:00". Seconds and fractions must be zero: appointments start on whole
	 * minutes.
	 */
	static Instant instant(String field, String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				instant = LocalDateTime.parse(value).atZone(zone).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				throw new InvalidInputException(field, "must be an ISO-8601 date-time such as 2025-08-20T14:00:00Z");
			}
		}
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			throw new InvalidInputException(field, "must be between the years 2000 and 2199");
		}
		if (instant.getEpochSecond() % 60 != 0 || instant.getNano() != 0) {
			throw new InvalidInputException(field, "must be on a whole minute");
		}
		return instant;
	}

	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "must be a date such as 1990-04-23");
		}
		if (date.getYear() < 1800 || date.getYear() > 2199) {
			throw new InvalidInputException(field, "must be between the years 1800 and 2199");
		}
		return date;
	}

	static LocalDate pastDate(String field, String value, LocalDate today) {
		LocalDate date = date(field, value);
		if (date != null && (!date.isBefore(today) || date.isBefore(today.minusYears(130)))) {
			throw new InvalidInputException(field, "must be a date in the past");
		}
		return date;
	}

	static ApiProblem problem(Booking.Rejected rejected, ClinicSnapshot clinic) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("reason", rejected.reason().code());
		if (!rejected.alternatives().isEmpty()) {
			properties.put("alternatives", rejected.alternatives().stream().map(slot -> slot(slot, clinic)).toList());
		}
		String title = switch (rejected.reason().kind()) {
			case NOT_FOUND -> "Not found";
			case CONFLICT -> "Conflict";
			case INVALID -> "Invalid request";
			case NOT_ALLOWED -> "Cannot be booked";
		};
		return new ApiProblem(ReasonStatus.of(rejected.reason()), rejected.reason().code(), title, rejected.message(),
				properties);
	}

	record SlotJson(Instant start, Instant end, String localDate, String localTime, String providerId,
			String providerName, String operatoryId) {
	}

	static SlotJson slot(Slot slot, ClinicSnapshot clinic) {
		var local = slot.start().atZone(clinic.zone());
		return new SlotJson(slot.start(), slot.end(), local.toLocalDate().toString(), local.format(LOCAL_TIME),
				slot.providerId(), providerName(clinic, slot.providerId()), slot.operatoryId());
	}

	static String localTime(Instant instant, ZoneId zone) {
		return instant.atZone(zone).format(LOCAL_TIME);
	}

	static String providerName(ClinicSnapshot clinic, String providerId) {
		return clinic.provider(providerId).map(ProviderInfo::name).orElse(providerId);
	}

	static String serviceName(ClinicSnapshot clinic, String serviceId) {
		return clinic.serviceById(serviceId).map(ServiceInfo::name).orElse(serviceId);
	}

	/**
	 * What booking endpoints return for a booked, moved or cancelled appointment.
	 *
	 * @param deposit the deposit its service asks for, or null when none
	 */
	record AppointmentJson(String message, UUID appointmentId, Instant appointmentDate, String localDate,
			String localTime, int durationMinutes, String serviceId, String serviceName, String providerId,
			String providerName, String operatoryId, AppointmentStatus status, DepositSummary deposit) {

		static AppointmentJson of(String message, AppointmentView appointment, ClinicSnapshot clinic) {
			var local = appointment.start().atZone(clinic.zone());
			return new AppointmentJson(message, appointment.id(), appointment.start(), local.toLocalDate().toString(),
					local.format(LOCAL_TIME), appointment.durationMinutes(), appointment.serviceId(),
					SchedulingJson.serviceName(clinic, appointment.serviceId()), appointment.providerId(),
					SchedulingJson.providerName(clinic, appointment.providerId()), appointment.operatoryId(),
					appointment.status(), null);
		}

		AppointmentJson withDeposit(DepositSummary summary) {
			return new AppointmentJson(message, appointmentId, appointmentDate, localDate, localTime, durationMinutes,
					serviceId, serviceName, providerId, providerName, operatoryId, status, summary);
		}

	}

	/**
	 * A stable digest of a request, to tell an honest retry from a different request
	 * under the same key.
	 */
	static String fingerprint(Object request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(request.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String idempotencyKey(String scope, String header) {
		if (header == null) {
			return null;
		}
		if (header.isBlank() || header.length() > 255 || header.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException("Idempotency-Key", "must be 1 to 255 printable characters");
		}
		return scope + ":" + header;
	}

	/** The appointment with a message, or the refusal as a problem. */
	static AppointmentJson done(Booking.Outcome outcome, String message, ClinicSnapshot clinic) {
		if (outcome instanceof Booking.Done done) {
			return AppointmentJson.of(message, done.appointment(), clinic);
		}
		throw problem((Booking.Rejected) outcome, clinic);
	}

	static List<SlotJson> slots(List<Slot> slots, ClinicSnapshot clinic) {
		return slots.stream().map(slot -> slot(slot, clinic)).toList();
	}

}
