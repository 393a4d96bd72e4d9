package io.smiledesk.console;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffMember;

import org.springframework.stereotype.Component;

/**
 * What the operations pages (handoffs, knowledge base) show besides their own data: the
 * clinic's time zone for times, and staff names for account ids.
 */
@Component
class OperationsView {

	private final ClinicCatalog catalog;

	private final StaffAccounts accounts;

	OperationsView(ClinicCatalog catalog, StaffAccounts accounts) {
		this.catalog = catalog;
		this.accounts = accounts;
	}

	/** Times are shown in the clinic's zone (UTC until the clinic is set up). */
	ZoneId zone() {
		try {
			return catalog.snapshot().zone();
		}
		catch (IllegalStateException notSetUp) {
			return ZoneOffset.UTC;
		}
	}

	/**
	 * Account id (as text, the way audit entries and documents record it) to name, in
	 * name order.
	 */
	Map<String, String> staffNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (StaffMember member : accounts.list()) {
			names.put(member.id().toString(), member.name());
		}
		return names;
	}

}
