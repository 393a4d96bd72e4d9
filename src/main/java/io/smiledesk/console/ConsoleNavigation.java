package io.smiledesk.console;

import java.util.List;
import java.util.Set;

import io.smiledesk.staff.StaffRole;

/**
 * The console's sections and who sees them in the navigation; the pages themselves are
 * guarded by method security, the navigation only leaves out what a role cannot open.
 */
public enum ConsoleNavigation {

	TODAY("nav.today", "/console"), CALENDAR("nav.calendar", "/console/calendar"),
	PATIENTS("nav.patients", "/console/patients"), HANDOFFS("nav.handoffs", "/console/handoffs"),
	INBOX("nav.inbox", "/console/inbox"),
	CAMPAIGNS("nav.campaigns", "/console/campaigns", StaffRole.ADMIN, StaffRole.OFFICE_MANAGER, StaffRole.FRONT_DESK),
	WAITLIST("nav.waitlist", "/console/waitlist", StaffRole.ADMIN, StaffRole.OFFICE_MANAGER, StaffRole.FRONT_DESK),
	DEPOSITS("nav.deposits", "/console/deposits", StaffRole.ADMIN, StaffRole.OFFICE_MANAGER, StaffRole.FRONT_DESK),
	FINANCES("nav.financial", "/console/reports/financial", StaffRole.ADMIN, StaffRole.OFFICE_MANAGER,
			StaffRole.FRONT_DESK),
	FEES("nav.fees", "/console/billing/fees", StaffRole.ADMIN, StaffRole.OFFICE_MANAGER, StaffRole.FRONT_DESK),
	// clinical roles read claims too
	INSURANCE("nav.insurance", "/console/insurance/claims"), KNOWLEDGE("nav.knowledge", "/console/knowledge"),
	SETTINGS("nav.settings", "/console/settings", StaffRole.ADMIN, StaffRole.OFFICE_MANAGER),
	ANALYTICS("nav.analytics", "/console/analytics", StaffRole.ADMIN, StaffRole.OFFICE_MANAGER),
	AUDIT("nav.audit", "/console/audit", StaffRole.ADMIN);

	private final String label;

	private final String path;

	private final Set<StaffRole> roles;

	ConsoleNavigation(String label, String path, StaffRole... roles) {
		this.label = label;
		this.path = path;
		this.roles = roles.length == 0 ? Set.of(StaffRole.values()) : Set.of(roles);
	}

	public String label() {
		return this.label;
	}

	public String path() {
		return this.path;
	}

	boolean visibleTo(StaffRole role) {
		return this.roles.contains(role);
	}

	static List<ConsoleNavigation> forRole(StaffRole role) {
		return java.util.Arrays.stream(values()).filter(item -> item.visibleTo(role)).toList();
	}

	/** The section a request path belongs to, for highlighting it in the navigation. */
	static ConsoleNavigation of(String requestPath) {
		ConsoleNavigation best = TODAY;
		for (ConsoleNavigation item : values()) {
			if (requestPath.startsWith(item.path) && item.path.length() > best.path.length()) {
				best = item;
			}
		}
		return best;
	}

}
