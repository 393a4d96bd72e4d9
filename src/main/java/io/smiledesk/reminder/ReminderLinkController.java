package io.smiledesk.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a reminder's link opens. Opening it changes nothing (mail scanners follow
 * links); the patient's button is a POST from the page. A made-up or altered link is not
 * found, an old one has expired.
 */
@Controller
class ReminderLinkController {

	private static final Set<AppointmentStatus> OPEN = EnumSet.of(AppointmentStatus.BOOKED,
			AppointmentStatus.CONFIRMED);

	private static final int TIMES_OFFERED = 6;

	private final ReminderLinks links;

	private final Appointments appointments;

	private final Availability availability;

	private final ReminderResponses responses;

	private final ClinicCatalog catalog;

	private final Clock clock;

	ReminderLinkController(ReminderLinks links, Appointments appointments, Availability availability,
			ReminderResponses responses, ClinicCatalog catalog, Clock clock) {
		this.links = links;
		this.appointments = appointments;
		this.availability = availability;
		this.responses = responses;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/r/{token}")
	String page(@PathVariable String token, Model model) {
		AppointmentView appointment = appointment(token);
		return show(token, appointment, model, null, null);
	}

	@PostMapping("/r/{token}")
	String act(@PathVariable String token, @RequestParam(required = false) String action,
			@RequestParam(required = false) String start, Model model) {
		AppointmentView appointment = appointment(token);
		if (!List.of("confirm", "cancel", "reschedule").contains(String.valueOf(action))) {
			throw new LinkRefused(HttpStatus.BAD_REQUEST, "That is not something this page can do.");
		}
		if (!OPEN.contains(appointment.status())) {
			return show(token, appointment, model, null, "This appointment can no longer be changed here.");
		}
		Booking.Outcome outcome;
		if ("confirm".equals(action)) {
			outcome = responses.confirm(appointment, ReminderResponses.LINK);
		}
		else if ("cancel".equals(action)) {
			outcome = responses.cancel(appointment, ReminderResponses.LINK);
		}
		else if (instant(start).isEmpty()) {
			return show(token, appointment, model, null, "Choose one of the times below.");
		}
		else {
			outcome = responses.reschedule(appointment, instant(start).orElseThrow(), ReminderResponses.LINK);
		}
		if (outcome instanceof Booking.Rejected rejected) {
			return show(token, appointments.find(appointment.id()).orElse(appointment), model, null,
					rejected.message());
		}
		AppointmentView now = ((Booking.Done) outcome).appointment();
		return show(token, now, model, action, null);
	}

	private AppointmentView appointment(String token) {
		ReminderLinks.Result verified = links.verify(token, clock.instant());
		if (verified.refusal() == ReminderLinks.Refusal.EXPIRED) {
			throw new LinkRefused(HttpStatus.GONE, "This link has expired. Reply to the message or call the clinic.");
		}
		return verified.genuine()
			.flatMap(target -> appointments.find(target.appointmentId()))
			.orElseThrow(() -> new LinkRefused(HttpStatus.NOT_FOUND,
					"This link is not valid. Reply to the message or call the clinic."));
	}

	@ExceptionHandler(LinkRefused.class)
	String refused(LinkRefused refused, Model model, HttpServletResponse response) {
		response.setStatus(refused.status.value());
		model.addAttribute("clinic", catalog.snapshot().profile());
		model.addAttribute("message", refused.getMessage());
		return "reminder/refused";
	}

	/** A link the page cannot serve: shown to the patient as a page, with its status. */
	static final class LinkRefused extends RuntimeException {

		private final HttpStatus status;

		LinkRefused(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

	}

	private String show(String token, AppointmentView appointment, Model model, String done, String problem) {
		ClinicSnapshot clinic = catalog.snapshot();
		boolean open = OPEN.contains(appointment.status());
		model.addAttribute("token", token);
		model.addAttribute("clinic", clinic.profile());
		model.addAttribute("service", ReminderSending.service(clinic, appointment));
		model.addAttribute("provider", ReminderSending.provider(clinic, appointment));
		model.addAttribute("day", ReminderWording.day(Locale.ENGLISH, appointment.start(), clinic.zone()));
		model.addAttribute("time", ReminderWording.time(Locale.ENGLISH, appointment.start(), clinic.zone()));
		model.addAttribute("address", ReminderWording.address(clinic.profile()));
		model.addAttribute("status", appointment.status().name().toLowerCase(Locale.ROOT));
		model.addAttribute("open", open);
		model.addAttribute("confirmable", appointment.status() == AppointmentStatus.BOOKED);
		model.addAttribute("done", done);
		model.addAttribute("problem", problem);
		model.addAttribute("times", open ? times(clinic, appointment) : List.of());
		return "reminder/appointment";
	}

	/** Free times near the visit for the same provider, as the patient may book them. */
	private List<Time> times(ClinicSnapshot clinic, AppointmentView appointment) {
		Optional<ServiceInfo> service = clinic.serviceById(appointment.serviceId());
		if (service.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		return availability
			.nearest(service.get(), appointment.start(), Optional.of(appointment.providerId()), TIMES_OFFERED,
					appointment.id())
			.stream()
			.filter(slot -> slot.start().isAfter(now) && !slot.start().equals(appointment.start()))
			.map(slot -> new Time(slot.start().toString(),
					ReminderWording.day(Locale.ENGLISH, slot.start(), clinic.zone()) + ", "
							+ ReminderWording.time(Locale.ENGLISH, slot.start(), clinic.zone())))
			.toList();
	}

	record Time(String value, String label) {
	}

	private static Optional<Instant> instant(String value) {
		try {
			return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
