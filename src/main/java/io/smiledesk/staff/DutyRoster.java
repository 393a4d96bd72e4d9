package io.smiledesk.staff;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smiledesk.staff.StaffEvents.DutyHoursChanged;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on duty when: each member of staff's weekly hours in the clinic's local time,
 * set by managers and read when a handoff is routed.
 */
@Service
@Transactional
public class DutyRoster {

	/** Enough for a split shift every day of the week, and then some. */
	static final int MAX_STRETCHES = 28;

	private static final Comparator<DutyHours> IN_WEEK_ORDER = Comparator.comparing(DutyHours::day)
		.thenComparing(DutyHours::start);

	private final StaffDutyRepository duties;

	private final StaffUserRepository users;

	private final ApplicationEventPublisher events;

	DutyRoster(StaffDutyRepository duties, StaffUserRepository users, ApplicationEventPublisher events) {
		this.duties = duties;
		this.users = users;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<DutyHours> hours(UUID staffId) {
		requireStaff(staffId);
		return duties.findByStaffId(staffId).stream().map(StaffDuty::view).sorted(IN_WEEK_ORDER).toList();
	}

	/** Replaces the whole week; overlapping stretches are refused and nothing changes. */
	public List<DutyHours> replace(UUID staffId, List<DutyHours> hours) {
		requireStaff(staffId);
		if (hours.size() > MAX_STRETCHES) {
			throw new InvalidInputException("hours", "at most " + MAX_STRETCHES + " stretches a week");
		}
		List<DutyHours> sorted = hours.stream().sorted(IN_WEEK_ORDER).toList();
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i - 1).overlaps(sorted.get(i))) {
				throw new InvalidInputException("hours",
						sorted.get(i).day() + " " + sorted.get(i).start() + " overlaps the stretch before it");
			}
		}
		duties.deleteByStaff(staffId);
		duties.saveAll(sorted.stream().map(stretch -> new StaffDuty(staffId, stretch)).toList());
		events.publishEvent(new DutyHoursChanged(staffId, describe(sorted)));
		return sorted;
	}

	/** Active staff on duty at this clinic-local day and time, by name. */
	@Transactional(readOnly = true)
	public List<StaffMember> onDuty(DayOfWeek day, LocalTime time) {
		Set<UUID> present = duties.findByDay(day)
			.stream()
			.filter(duty -> duty.view().covers(day, time))
			.map(StaffDuty::staffId)
			.collect(Collectors.toSet());
		if (present.isEmpty()) {
			return List.of();
		}
		Map<UUID, StaffUser> found = users.findAllById(present)
			.stream()
			.collect(Collectors.toMap(StaffUser::id, Function.identity()));
		return found.values()
			.stream()
			.map(StaffUser::view)
			.filter(StaffMember::active)
			.sorted(Comparator.comparing(StaffMember::name).thenComparing(StaffMember::id))
			.toList();
	}

	private void requireStaff(UUID staffId) {
		if (!users.existsById(staffId)) {
			throw ApiProblem.notFound("staff", "No staff account with id " + staffId + ".");
		}
	}

	private static String describe(List<DutyHours> hours) {
		if (hours.isEmpty()) {
			return "no duty hours";
		}
		return hours.stream()
			.map(stretch -> stretch.day().name().substring(0, 3) + " " + stretch.start() + "-" + stretch.end())
			.collect(Collectors.joining(", "));
	}

}
