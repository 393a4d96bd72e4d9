package io.smiledesk.console;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.scheduling.AppointmentStatus;
import io.smiledesk.scheduling.AppointmentView;
import io.smiledesk.scheduling.Appointments;

import org.springframework.stereotype.Component;

/**
 * Turns the schedule into what the calendar pages draw: columns of cards placed on a
 * clinic-local time axis. Reads only; every change goes through {@code Booking}.
 */
@Component
class ScheduleViews {

	private static final LocalTime DEFAULT_OPEN = LocalTime.of(8, 0);

	private static final LocalTime DEFAULT_CLOSE = LocalTime.of(17, 0);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	/** The window of the current-hour panel on either side of the clinic's now. */
	static final Duration AROUND_NOW = Duration.ofHours(1);

	private final Appointments appointments;

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final Clock clock;

	ScheduleViews(Appointments appointments, Patients patients, ClinicCatalog catalog, Clock clock) {
		this.appointments = appointments;
		this.patients = patients;
		this.catalog = catalog;
		this.clock = clock;
	}

	ClinicSnapshot clinic() {
		return catalog.snapshot();
	}

	/** The clinic-local date today. */
	LocalDate today() {
		return LocalDate.now(clock.withZone(catalog.snapshot().zone()));
	}

	Instant now() {
		return clock.instant();
	}

	/** A date typed into a form or a link, or empty when it is not a date. */
	static Optional<LocalDate> parseDate(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.trim()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** One day, one column per provider working or booked that day. */
	Day day(LocalDate date) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = clinic.zone();
		List<Card> cards = cards(clinic, between(clinic, date, date.plusDays(1), Optional.empty()));
		Axis axis = axis(clinic, List.of(date), cards);
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, List<Card>> placed = new LinkedHashMap<>();
		for (ProviderInfo provider : clinic.activeProviders()) {
			if (!provider.hours().on(date.getDayOfWeek()).isEmpty()) {
				names.put(provider.id(), provider.name());
				placed.put(provider.id(), new ArrayList<>());
			}
		}
		List<Card> cancelled = new ArrayList<>();
		for (Card card : cards) {
			if (card.status() == AppointmentStatus.CANCELLED) {
				cancelled.add(card);
				continue;
			}
			names.putIfAbsent(card.providerId(), card.providerName());
			placed.computeIfAbsent(card.providerId(), id -> new ArrayList<>())
				.add(card.placed(axis.offset(card.start(), zone)));
		}
		List<Column> columns = new ArrayList<>();
		placed.forEach((id, list) -> columns.add(new Column(id, names.get(id), null, list)));
		return new Day(date, date.getDayOfWeek(), clinic.closedOn(date), axis, columns, cancelled);
	}

	/** Seven days from the Monday of the week, for one provider or all. */
	Week week(LocalDate anyDay, Optional<String> providerId) {
		ClinicSnapshot clinic = catalog.snapshot();
		ZoneId zone = clinic.zone();
		LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<LocalDate> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			days.add(monday.plusDays(i));
		}
		List<Card> cards = cards(clinic, between(clinic, monday, monday.plusDays(7), providerId));
		cards.removeIf(card -> card.status() == AppointmentStatus.CANCELLED);
		Axis axis = axis(clinic, days, cards);
		List<Column> columns = new ArrayList<>();
		for (LocalDate day : days) {
			List<Card> placed = new ArrayList<>();
			for (Card card : cards) {
				if (card.start().atZone(zone).toLocalDate().equals(day)) {
					placed.add(card.placed(axis.offset(card.start(), zone)));
				}
			}
			columns.add(new Column(day.toString(), null, day, placed));
		}
		return new Week(monday, providerId.orElse(null), axis, columns);
	}

	/**
	 * Patients expected from an hour before to an hour after the clinic's now, earliest
	 * first, whatever their status (a visit just completed stays in view).
	 */
	List<Card> aroundNow() {
		ClinicSnapshot clinic = catalog.snapshot();
		Instant now = clock.instant();
		return cards(clinic, appointments.between(now.minus(AROUND_NOW), now.plus(AROUND_NOW).plusSeconds(1),
				Optional.empty(), Optional.empty(), Set.of()));
	}

	Optional<Card> card(UUID appointmentId) {
		return appointments.find(appointmentId).map(view -> cards(catalog.snapshot(), List.of(view)).get(0));
	}

	/** A patient's appointments, split at the clinic's now. */
	Visits visits(UUID patientId) {
		ClinicSnapshot clinic = catalog.snapshot();
		Instant now = clock.instant();
		List<Card> upcoming = new ArrayList<>();
		List<Card> past = new ArrayList<>();
		for (Card card : cards(clinic, appointments.ofPatient(patientId))) {
			if (card.start().isBefore(now)) {
				past.add(card);
			}
			else {
				upcoming.add(0, card);
			}
		}
		return new Visits(upcoming, past);
	}

	private List<AppointmentView> between(ClinicSnapshot clinic, LocalDate first, LocalDate end,
			Optional<String> providerId) {
		return appointments.between(first.atStartOfDay(clinic.zone()).toInstant(),
				end.atStartOfDay(clinic.zone()).toInstant(), providerId, Optional.empty(),
				EnumSet.allOf(AppointmentStatus.class));
	}

	private List<Card> cards(ClinicSnapshot clinic, List<AppointmentView> views) {
		Map<UUID, PatientSummary> people = patients
			.findAll(views.stream().map(AppointmentView::patientId).distinct().toList());
		ZoneId zone = clinic.zone();
		List<Card> cards = new ArrayList<>();
		for (AppointmentView view : views) {
			PatientSummary patient = people.get(view.patientId());
			ZonedDateTime start = view.start().atZone(zone);
			cards.add(new Card(view.id(), view.patientId(), patient == null ? null : patient.name(), view.serviceId(),
					clinic.serviceById(view.serviceId()).map(ServiceInfo::name).orElse(view.serviceId()),
					view.providerId(),
					clinic.provider(view.providerId()).map(ProviderInfo::name).orElse(view.providerId()), view.start(),
					start.toLocalDate(), TIME.format(start), TIME.format(view.end().atZone(zone)),
					view.durationMinutes(), view.status(), view.cancelReason(), 0, 0, 1));
		}
		return cards;
	}

	/**
	 * From the earliest opening to the latest closing on the days shown, whole hours,
	 * widened to take in any appointment booked outside the hours.
	 */
	private static Axis axis(ClinicSnapshot clinic, List<LocalDate> days, List<Card> cards) {
		LocalTime from = null;
		LocalTime to = null;
		for (LocalDate day : days) {
			for (TimeRange open : clinic.openingHours().on(day.getDayOfWeek())) {
				from = from == null || open.start().isBefore(from) ? open.start() : from;
				to = to == null || open.end().isAfter(to) ? open.end() : to;
			}
		}
		from = from == null ? DEFAULT_OPEN : from;
		to = to == null ? DEFAULT_CLOSE : to;
		for (Card card : cards) {
			LocalTime start = card.start().atZone(clinic.zone()).toLocalTime();
			LocalTime end = start.plusMinutes(card.durationMinutes());
			from = start.isBefore(from) ? start : from;
			// an appointment running past midnight ends the axis at the last hour
			to = end.isBefore(start) ? LocalTime.of(23, 0) : end.isAfter(to) ? end : to;
		}
		from = from.truncatedTo(ChronoUnit.HOURS);
		if (to.getMinute() != 0 || to.getSecond() != 0) {
			to = to.getHour() == 23 ? LocalTime.of(23, 0) : to.truncatedTo(ChronoUnit.HOURS).plusHours(1);
		}
		List<Hour> hours = new ArrayList<>();
		for (LocalTime hour = from; hour.isBefore(to); hour = hour.plusHours(1)) {
			hours.add(new Hour(TIME.format(hour), (int) Duration.between(from, hour).toMinutes()));
		}
		return new Axis(from, (int) Duration.between(from, to).toMinutes(), hours);
	}

	/**
	 * An appointment as a calendar card; {@code offset} is minutes from the axis start.
	 */
	record Card(UUID id, UUID patientId, String patientName, String serviceId, String serviceName, String providerId,
			String providerName, Instant start, LocalDate date, String startTime, String endTime, int durationMinutes,
			AppointmentStatus status, String cancelReason, int offset, int lane, int lanes) {

		Card placed(int minutes) {
			return new Card(id, patientId, patientName, serviceId, serviceName, providerId, providerName, start, date,
					startTime, endTime, durationMinutes, status, cancelReason, minutes, lane, lanes);
		}

		Card inLane(int lane, int lanes) {
			return new Card(id, patientId, patientName, serviceId, serviceName, providerId, providerName, start, date,
					startTime, endTime, durationMinutes, status, cancelReason, offset, lane, lanes);
		}

		int end() {
			return offset + durationMinutes;
		}

		/**
		 * For CSS classes and data attributes: booked, confirmed, completed, cancelled,
		 * no_show.
		 */
		public String statusCode() {
			return status.json();
		}

		/**
		 * Whether the visit can still be changed: offered actions, the domain decides.
		 */
		public boolean open() {
			return status == AppointmentStatus.PENDING_DEPOSIT || status == AppointmentStatus.BOOKED
					|| status == AppointmentStatus.CONFIRMED;
		}

	}

	record Hour(String label, int offset) {
	}

	record Axis(LocalTime from, int minutes, List<Hour> hours) {

		int offset(Instant start, ZoneId zone) {
			ZonedDateTime local = start.atZone(zone);
			return (int) Duration.between(local.toLocalDate().atTime(from).atZone(zone), local).toMinutes();
		}

	}

	/**
	 * A provider's column (day view) or a day's column (week view). Cards that overlap in
	 * time (several providers in a week column) share the width side by side.
	 */
	record Column(String key, String label, LocalDate date, List<Card> cards) {

		Column {
			cards = lanes(cards);
		}

		private static List<Card> lanes(List<Card> cards) {
			List<Card> sorted = new ArrayList<>(cards);
			sorted.sort(java.util.Comparator.comparingInt(Card::offset));
			List<Integer> laneEnds = new ArrayList<>();
			List<Integer> assigned = new ArrayList<>();
			for (Card card : sorted) {
				int lane = 0;
				while (lane < laneEnds.size() && laneEnds.get(lane) > card.offset()) {
					lane++;
				}
				if (lane == laneEnds.size()) {
					laneEnds.add(card.end());
				}
				else {
					laneEnds.set(lane, card.end());
				}
				assigned.add(lane);
			}
			List<Card> placed = new ArrayList<>();
			for (int i = 0; i < sorted.size(); i++) {
				placed.add(sorted.get(i).inLane(assigned.get(i), Math.max(1, laneEnds.size())));
			}
			return placed;
		}

	}

	record Day(LocalDate date, DayOfWeek dayOfWeek, boolean closed, Axis axis, List<Column> columns,
			List<Card> cancelled) {
	}

	record Week(LocalDate monday, String providerId, Axis axis, List<Column> columns) {

		public LocalDate sunday() {
			return monday.plusDays(6);
		}

	}

	record Visits(List<Card> upcoming, List<Card> past) {
	}

}
