package io.smiledesk.console;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.Availability;
import io.smiledesk.scheduling.Booking;
import io.smiledesk.scheduling.CreatedFrom;
import io.smiledesk.scheduling.ReasonStatus;
import io.smiledesk.system.Access;
import io.smiledesk.system.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The week calendar, the manual booking form with live availability, and moving an
 * appointment. Bookings and moves go through {@link Booking} as staff
 * ({@link CreatedFrom#MANUAL_ADMIN}), so the console refuses exactly what the API
 * refuses, with the same reasons.
 */
@Controller
class CalendarController {

	private static final int MAX_NAME = 200;

	private static final int MAX_NOTES = 2000;

	private static final int MAX_QUERY = 200;

	private static final int PATIENT_OPTIONS = 8;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	private final ScheduleViews views;

	private final Availability availability;

	private final Booking booking;

	private final Patients patients;

	private final MessageSource messages;

	CalendarController(ScheduleViews views, Availability availability, Booking booking, Patients patients,
			MessageSource messages) {
		this.views = views;
		this.availability = availability;
		this.booking = booking;
		this.patients = patients;
		this.messages = messages;
	}

	@ModelAttribute("can")
	ScheduleAccess can() {
		return ScheduleAccess.current();
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping("/console/calendar")
	String week(@RequestParam(required = false) String week, @RequestParam(required = false) String provider,
			Model model, HttpServletResponse response) {
		ClinicSnapshot clinic = views.clinic();
		Optional<LocalDate> day = week == null || week.isBlank() ? Optional.of(views.today())
				: ScheduleViews.parseDate(week);
		Optional<String> providerId = Optional.ofNullable(provider).filter(id -> !id.isBlank());
		model.addAttribute("weekText", week == null || week.isBlank() ? day.get().toString() : week);
		model.addAttribute("provider", providerId.orElse(""));
		model.addAttribute("providers", clinic.providers());
		if (day.isEmpty()) {
			model.addAttribute("weekError", "schedule.date.invalid");
		}
		if (providerId.isPresent() && clinic.provider(providerId.get()).isEmpty()) {
			model.addAttribute("providerError", "schedule.week.provider.unknown");
		}
		if (model.containsAttribute("weekError") || model.containsAttribute("providerError")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		else {
			ScheduleViews.Week shown = views.week(day.get(), providerId);
			model.addAttribute("week", shown);
			model.addAttribute("previous", shown.monday().minusWeeks(1));
			model.addAttribute("next", shown.monday().plusWeeks(1));
		}
		return htmx(model) ? "console/schedule/week :: week-body" : "console/schedule/week";
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@GetMapping("/console/calendar/new")
	String newBooking(@RequestParam(required = false) String date, @RequestParam(required = false) String service,
			@RequestParam(required = false) String provider, @RequestParam(required = false) String patientId,
			Model model) {
		BookingForm form = new BookingForm(null, patientId, null, null, null, service, provider,
				date == null || date.isBlank() ? views.today().toString() : date, null, null);
		return bookingForm(model, form);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/console/calendar/new")
	String book(@ModelAttribute("form") BookingForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ClinicSnapshot clinic = views.clinic();
		Optional<PatientSummary> existing = checkPatient(form, errors);
		Optional<ServiceInfo> service = checkService(form.service(), clinic, errors);
		checkProvider(form.provider(), clinic, errors);
		Optional<LocalDate> date = checkDate(form.date(), errors);
		Optional<ChosenSlot> slot = checkSlot(form.slot(), clinic, errors);
		if (form.notes() != null && form.notes().length() > MAX_NOTES) {
			errors.rejectValue("notes", "schedule.form.notes.too-long");
		}
		if (errors.hasErrors() || service.isEmpty() || date.isEmpty() || slot.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return bookingForm(model, form, errors);
		}
		String name = existing.map(PatientSummary::name).orElse(trimmed(form.name()));
		String email = existing.map(PatientSummary::email).orElse(trimmed(form.email()));
		String phone = existing.map(PatientSummary::phone).orElse(trimmed(form.phone()));
		Booking.Outcome outcome = booking.book(new Booking.BookRequest(name, email, phone, null, null,
				service.get().id(), slot.get().start(), Optional.of(slot.get().providerId()), Optional.empty(),
				trimmed(form.notes()), CreatedFrom.MANUAL_ADMIN, null, null, null, null));
		if (outcome instanceof Booking.Rejected rejected) {
			response.setStatus(ReasonStatus.of(rejected.reason()).value());
			String field = switch (rejected.reason().name()) {
				case "SERVICE_UNKNOWN" -> "service";
				case "PROVIDER_UNKNOWN" -> "provider";
				case "PATIENT_UNKNOWN" -> "patientId";
				default -> "slot";
			};
			errors.addError(new FieldError("form", field, rejected.message()));
			// the fresh free times replace the one just taken
			return bookingForm(model, new BookingForm(form.q(), form.patientId(), form.name(), form.email(),
					form.phone(), form.service(), form.provider(), form.date(), null, form.notes()), errors);
		}
		Booking.Done done = (Booking.Done) outcome;
		redirect.addFlashAttribute("booked", booked(done, name, clinic));
		return "redirect:/console?date=" + done.appointment().start().atZone(clinic.zone()).toLocalDate();
	}

	/**
	 * The free times for the booking and reschedule forms, swapped in as the fields
	 * change.
	 */
	@PreAuthorize(Access.FRONT_OFFICE)
	@GetMapping("/console/calendar/slots")
	String slots(@RequestParam(required = false) String service, @RequestParam(required = false) String provider,
			@RequestParam(required = false) String date, @RequestParam(required = false) String slot,
			@RequestParam(required = false) String moving, Model model) {
		addSlots(model, service, provider, date, slot, uuid(moving).orElse(null));
		return "console/schedule/grid :: slots";
	}

	/** The booking form's patient typeahead: matching patients as choices. */
	@PreAuthorize(Access.FRONT_OFFICE)
	@GetMapping("/console/calendar/patients")
	String patientOptions(@RequestParam(required = false) String q, @RequestParam(required = false) String patientId,
			Model model) {
		addPatientOptions(model, q, patientId, true);
		return "console/schedule/booking :: patient-options";
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@GetMapping("/console/calendar/{id}/reschedule")
	String rescheduleForm(@PathVariable UUID id, @RequestParam(required = false) String date,
			@RequestParam(required = false) String provider, Model model) {
		ScheduleViews.Card card = views.card(id).orElseThrow(() -> new ConsoleErrors.NotFound("Appointment"));
		RescheduleForm form = new RescheduleForm(card.serviceId(), provider == null ? card.providerId() : provider,
				date == null || date.isBlank() ? card.date().toString() : date, null);
		return rescheduleForm(model, card, form, null);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/console/calendar/{id}/reschedule")
	String reschedule(@PathVariable UUID id, @ModelAttribute("form") RescheduleForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ScheduleViews.Card card = views.card(id).orElseThrow(() -> new ConsoleErrors.NotFound("Appointment"));
		ClinicSnapshot clinic = views.clinic();
		checkProvider(form.provider(), clinic, errors);
		checkDate(form.date(), errors);
		Optional<ChosenSlot> slot = checkSlot(form.slot(), clinic, errors);
		if (errors.hasErrors() || slot.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return rescheduleForm(model, card, form, errors);
		}
		Booking.Outcome outcome = booking.reschedule(id, slot.get().start(), Optional.of(slot.get().providerId()),
				Booking.Actor.staff());
		if (outcome instanceof Booking.Rejected rejected) {
			response.setStatus(ReasonStatus.of(rejected.reason()).value());
			errors.addError(new FieldError("form", "slot", rejected.message()));
			return rescheduleForm(model, card, new RescheduleForm(form.service(), form.provider(), form.date(), null),
					errors);
		}
		Booking.Done done = (Booking.Done) outcome;
		redirect.addFlashAttribute("booked", booked(done, card.patientName(), clinic));
		return "redirect:/console?date=" + done.appointment().start().atZone(clinic.zone()).toLocalDate();
	}

	private String bookingForm(Model model, BookingForm form) {
		model.addAttribute("form", form);
		return bookingForm(model, form, null);
	}

	private String bookingForm(Model model, BookingForm form, BindingResult errors) {
		ClinicSnapshot clinic = views.clinic();
		model.addAttribute("form", form);
		if (errors != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		}
		model.addAttribute("services", clinic.services().stream().filter(ServiceInfo::active).toList());
		model.addAttribute("providers", clinic.activeProviders());
		addPatientOptions(model, null, form.patientId(), false);
		addSlots(model, form.service(), form.provider(), form.date(), form.slot(), null);
		model.addAttribute("slotError", slotError(errors));
		return "console/schedule/booking";
	}

	private String rescheduleForm(Model model, ScheduleViews.Card card, RescheduleForm form, BindingResult errors) {
		model.addAttribute("card", card);
		model.addAttribute("form", form);
		if (errors != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		}
		model.addAttribute("providers", views.clinic().activeProviders());
		addSlots(model, card.serviceId(), form.provider(), form.date(), form.slot(), card.id());
		model.addAttribute("slotError", slotError(errors));
		return "console/schedule/reschedule";
	}

	private String slotError(BindingResult errors) {
		FieldError error = errors == null ? null : errors.getFieldError("slot");
		return error == null ? null : messages.getMessage(error, LocaleContextHolder.getLocale());
	}

	/**
	 * Fills in the free times; {@code moving} is the appointment being rescheduled, whose
	 * own time counts as free (may be null).
	 */
	private void addSlots(Model model, String serviceRef, String providerRef, String dateText, String chosen,
			UUID moving) {
		ClinicSnapshot clinic = views.clinic();
		Optional<ServiceInfo> service = clinic.service(serviceRef);
		Optional<LocalDate> date = ScheduleViews.parseDate(dateText);
		Optional<String> provider = Optional.ofNullable(providerRef).filter(id -> !id.isBlank());
		model.addAttribute("chosenSlot", chosen);
		if (service.isEmpty() || date.isEmpty()) {
			model.addAttribute("slotsHint", "schedule.slots.hint");
			return;
		}
		if (provider.isPresent() && clinic.provider(provider.get()).isEmpty()) {
			model.addAttribute("slotsHint", "schedule.form.provider.unknown");
			return;
		}
		ZoneId zone = clinic.zone();
		List<SlotOption> options = new ArrayList<>();
		availability.staffSlots(service.get(), date.get(), provider, moving)
			.forEach(slot -> options
				.add(new SlotOption(slot.start() + "|" + slot.providerId(), TIME.format(slot.start().atZone(zone)),
						clinic.provider(slot.providerId()).map(ProviderInfo::name).orElse(slot.providerId()))));
		model.addAttribute("slots", options);
	}

	private void addPatientOptions(Model model, String query, String patientId, boolean search) {
		List<PatientSummary> options = new ArrayList<>();
		Optional<PatientSummary> chosen = uuid(patientId).flatMap(id -> patients.find(new PatientId(id)));
		chosen.ifPresent(options::add);
		String q = query == null ? "" : query.trim();
		if (q.length() > MAX_QUERY) {
			model.addAttribute("queryError", "patients.search.too-long");
		}
		else if (search && !q.isEmpty()) {
			patients.search(q, 0, PATIENT_OPTIONS).forEach(found -> {
				if (chosen.isEmpty() || !chosen.get().id().equals(found.id())) {
					options.add(found);
				}
			});
			model.addAttribute("searched", true);
		}
		model.addAttribute("patientOptions", options);
		model.addAttribute("chosenPatient", chosen.map(found -> found.id().value().toString()).orElse(""));
	}

	private Optional<PatientSummary> checkPatient(BookingForm form, BindingResult errors) {
		if (form.patientId() != null && !form.patientId().isBlank()) {
			Optional<PatientSummary> found = uuid(form.patientId()).flatMap(id -> patients.find(new PatientId(id)));
			if (found.isEmpty()) {
				errors.rejectValue("patientId", "schedule.form.patient.unknown");
			}
			return found;
		}
		if (blank(form.name())) {
			errors.rejectValue("name", "schedule.form.name.required");
		}
		else if (form.name().trim().length() > MAX_NAME) {
			errors.rejectValue("name", "schedule.form.name.too-long");
		}
		if (blank(form.email()) && blank(form.phone())) {
			errors.rejectValue("email", "schedule.form.contact.required");
		}
		else {
			try {
				patients.contact(form.email(), form.phone());
			}
			catch (InvalidInputException ex) {
				boolean phone = "phone".equals(ex.field());
				errors.rejectValue(phone ? "phone" : "email",
						phone ? "schedule.form.phone.invalid" : "schedule.form.email.invalid");
			}
		}
		return Optional.empty();
	}

	private static Optional<ServiceInfo> checkService(String ref, ClinicSnapshot clinic, BindingResult errors) {
		if (blank(ref)) {
			errors.rejectValue("service", "schedule.form.service.required");
			return Optional.empty();
		}
		Optional<ServiceInfo> service = clinic.service(ref);
		if (service.isEmpty()) {
			errors.rejectValue("service", "schedule.form.service.unknown");
		}
		return service;
	}

	private static void checkProvider(String ref, ClinicSnapshot clinic, BindingResult errors) {
		if (!blank(ref) && clinic.provider(ref).isEmpty()) {
			errors.rejectValue("provider", "schedule.form.provider.unknown");
		}
	}

	private static Optional<LocalDate> checkDate(String text, BindingResult errors) {
		if (blank(text)) {
			errors.rejectValue("date", "schedule.form.date.required");
			return Optional.empty();
		}
		Optional<LocalDate> date = ScheduleViews.parseDate(text);
		if (date.isEmpty()) {
			errors.rejectValue("date", "schedule.date.invalid");
		}
		return date;
	}

	private static Optional<ChosenSlot> checkSlot(String value, ClinicSnapshot clinic, BindingResult errors) {
		if (blank(value)) {
			errors.rejectValue("slot", "schedule.form.slot.required");
			return Optional.empty();
		}
		String[] parts = value.split("\\|", 2);
		try {
			if (parts.length == 2 && clinic.provider(parts[1]).isPresent()) {
				return Optional.of(new ChosenSlot(Instant.parse(parts[0]), parts[1]));
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the message below
		}
		errors.rejectValue("slot", "schedule.form.slot.invalid");
		return Optional.empty();
	}

	private static Booked booked(Booking.Done done, String patient, ClinicSnapshot clinic) {
		var start = done.appointment().start().atZone(clinic.zone());
		return new Booked(done.appointment().id(), patient == null ? "" : patient, start.toLocalDate().toString(),
				TIME.format(start),
				clinic.provider(done.appointment().providerId())
					.map(ProviderInfo::name)
					.orElse(done.appointment().providerId()));
	}

	private static Optional<UUID> uuid(String text) {
		if (blank(text)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text.trim()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trimmed(String text) {
		return blank(text) ? null : text.trim();
	}

	private static boolean htmx(Model model) {
		return Boolean.TRUE.equals(model.getAttribute("htmx"));
	}

	/**
	 * The booking form as typed: an existing patient ({@code patientId}) or a new one
	 * (name, email, phone), and a free time ({@code slot}: start and provider).
	 */
	record BookingForm(String q, String patientId, String name, String email, String phone, String service,
			String provider, String date, String slot, String notes) {
	}

	record RescheduleForm(String service, String provider, String date, String slot) {
	}

	record SlotOption(String value, String time, String providerName) {
	}

	record ChosenSlot(Instant start, String providerId) {
	}

	/** What the Today page confirms after a booking or a move. */
	record Booked(UUID id, String patient, String date, String time, String provider) implements Serializable {
	}

}
