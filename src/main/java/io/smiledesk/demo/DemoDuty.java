package io.smiledesk.demo;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import io.smiledesk.clinic.TimeRange;
import io.smiledesk.clinic.WeeklyHours;
import io.smiledesk.staff.DutyHours;
import io.smiledesk.staff.DutyRoster;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;

/**
 * Puts the demo staff on duty during the clinic's opening hours, so that a demo handoff
 * is routed to someone in turn rather than left unassigned. Someone already given hours
 * keeps them.
 */
final class DemoDuty {

	static final String DEMO_DOMAIN = "@brightside-dental.example";

	private DemoDuty() {
	}

	/** Returns how many members of staff were put on duty. */
	static int seed(StaffAccounts accounts, DutyRoster roster, WeeklyHours opening) {
		List<DutyHours> week = week(opening);
		if (week.isEmpty()) {
			return 0;
		}
		int seeded = 0;
		for (StaffMember member : accounts.list()) {
			if (member.active() && member.email().endsWith(DEMO_DOMAIN) && roster.hours(member.id()).isEmpty()) {
				roster.replace(member.id(), week);
				seeded++;
			}
		}
		return seeded;
	}

	static List<DutyHours> week(WeeklyHours opening) {
		List<DutyHours> week = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			for (TimeRange open : opening.on(day)) {
				week.add(new DutyHours(day, open.start(), open.end()));
			}
		}
		return week;
	}

}
