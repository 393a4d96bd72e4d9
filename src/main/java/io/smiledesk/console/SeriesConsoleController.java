package io.smiledesk.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.scheduling.ReasonStatus;
import io.smiledesk.scheduling.Recurrence;
import io.smiledesk.scheduling.SeriesBooking;
import io.smiledesk.system.Access;
import io.smiledesk.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The booking form's repeat option: the chosen time is the first visit of a series booked
 * through {@link SeriesBooking}, as the staff API does; the answer lists what was booked
 * and, for the rest, the nearest free times as links to the booking form.
 */
@Controller
class SeriesConsoleController {

	private final SeriesBooking series;

	private final ScheduleViews views;

	SeriesConsoleController(SeriesBooking series, ScheduleViews views) {
		this.series = series;
		this.views = views;
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/console/calendar/series")
	String book(@ModelAttribute SeriesForm form, Model model, HttpServletResponse response) {
		ClinicSnapshot clinic = views.clinic();
		List<String> errors = new ArrayList<>();
		Optional<UUID> patient = uuid(form.patientId());
		if (patient.isEmpty()) {
			errors.add("schedule.series.patient.required");
		}
		Optional<Instant> start = start(form.slot());
		if (start.isEmpty()) {
			errors.add("schedule.form.slot.required");
		}
		Recurrence recurrence = null;
		if (start.isPresent()) {
			try {
				recurrence = Recurrence.parse(blank(form.repeatEvery()) ? null : form.repeatEvery(), null, null,
						form.repeatCount(), null, start.get().atZone(clinic.zone()).toLocalDateTime());
			}
			catch (InvalidInputException ex) {
				errors.add("schedule.series.repeat.invalid");
			}
		}
		model.addAttribute("form", form);
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", errors);
			return "console/schedule/series";
		}
		LocalDateTime first = start.get().atZone(clinic.zone()).toLocalDateTime();
		SeriesBooking.SeriesOutcome outcome = series.book(new SeriesBooking.SeriesRequest(patient.get(), form.service(),
				Optional.ofNullable(form.provider()).filter(id -> !id.isBlank()), first, recurrence,
				blank(form.notes()) ? null : form.notes().trim(), null, org.springframework.util.DigestUtils
					.md5DigestAsHex(form.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		if (outcome instanceof SeriesBooking.Created created) {
			model.addAttribute("occurrences", created.series().occurrences());
			model.addAttribute("booked", created.series().booked());
		}
		else if (outcome instanceof SeriesBooking.NothingBooked nothing) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("occurrences", nothing.occurrences());
			model.addAttribute("booked", 0L);
			model.addAttribute("errors", List.of("schedule.series.nothing-booked"));
		}
		else {
			SeriesBooking.Refused refused = (SeriesBooking.Refused) outcome;
			response.setStatus(ReasonStatus.of(refused.reason()).value());
			model.addAttribute("refusal", refused.reason().message());
		}
		model.addAttribute("zone", clinic.zone());
		return "console/schedule/series";
	}

	private static Optional<Instant> start(String slot) {
		if (blank(slot)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Instant.parse(slot.split("\\|", 2)[0]));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return blank(value) ? Optional.empty() : Optional.of(UUID.fromString(value.trim()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** The booking form's fields, with how often to repeat and how many times. */
	record SeriesForm(String patientId, String service, String provider, String slot, String notes, String repeatEvery,
			Integer repeatCount) {
	}

}
