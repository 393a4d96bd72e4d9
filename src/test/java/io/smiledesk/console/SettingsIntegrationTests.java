package io.smiledesk.console;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smiledesk.clinic.ClinicAdministration;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ClosureDays;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import io.smiledesk.clinic.TimeRange;
import io.smiledesk.staff.StaffAccounts;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.test.ConsoleStaff;
import io.smiledesk.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The settings pages against the seeded Brightside Dental (Mon-Thu 8-17, Wed to 19, Fri
 * 8-15, Sat 9-13). The database is shared with the other integration tests, so every
 * change is undone after each test.
 */
@IntegrationTest
class SettingsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Clock clock;

	@Autowired
	ClinicCatalog catalog;

	@Autowired
	ClinicAdministration administration;

	ClinicSnapshot before;

	RequestPostProcessor manager;

	@BeforeEach
	void signIn() {
		before = catalog.snapshot();
		manager = ConsoleStaff.signedIn(accounts, clock, StaffRole.OFFICE_MANAGER);
	}

	@AfterEach
	void restoreTheSeededClinic() {
		ClinicSnapshot now = catalog.snapshot();
		administration.configure(before.profile(), before.rules(), before.openingHours());
		Set<Object> closures = before.closures().stream().map(ClosureDays::id).collect(Collectors.toSet());
		now.closures()
			.stream()
			.filter(closure -> !closures.contains(closure.id()))
			.forEach(closure -> administration.removeClosure(closure.id()));
		for (ProviderInfo provider : now.providers()) {
			before.provider(provider.id())
				.ifPresentOrElse(
						original -> administration.updateProvider(original.id(),
								new ClinicAdministration.ProviderDraft(original.id(), original.name(), original.role(),
										original.title(), original.bio(), original.languages(), original.active(),
										original.hours(), original.breaks())),
						() -> administration.deleteProvider(provider.id()));
		}
		for (ServiceInfo service : now.services()) {
			before.serviceById(service.id())
				.ifPresentOrElse(
						original -> administration.updateService(original.id(),
								new ClinicAdministration.ServiceDraft(original.id(), original.name(),
										original.description(), original.durationMinutes(), original.bufferMinutes(),
										original.price(), original.roles(), original.active())),
						() -> administration.deleteService(service.id()));
		}
		assertThat(catalog.snapshot()).isEqualTo(before);
	}

	// --- opening hours

	@Test
	void savesOpeningHoursWithTwoPeriodsAndClosedDays() throws Exception {
		mvc.perform(form("/console/settings/hours").param("day", "MONDAY", "MONDAY", "TUESDAY", "SATURDAY")
			.param("start", "08:00", "13:00", "09:00", "")
			.param("end", "12:00", "17:30", "15:00", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/settings"))
			.andExpect(flash().attribute("saved", "settings.saved.hours"));

		ClinicSnapshot clinic = catalog.snapshot();
		assertThat(clinic.openingHours().on(DayOfWeek.MONDAY)).containsExactly(TimeRange.of("08:00", "12:00"),
				TimeRange.of("13:00", "17:30"));
		assertThat(clinic.openingHours().on(DayOfWeek.TUESDAY)).containsExactly(TimeRange.of("09:00", "15:00"));
		assertThat(clinic.openingHours().on(DayOfWeek.WEDNESDAY)).isEmpty();
		assertThat(clinic.openingHours().on(DayOfWeek.SATURDAY)).isEmpty();
		mvc.perform(get("/console/settings").with(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"13:00\"")))
			.andExpect(content().string(containsString("Closed (no periods).")));
	}

	@Test
	void hoursEndingBeforeTheyStartAreRefusedNextToThePeriodAndNothingIsSaved() throws Exception {
		mvc.perform(form("/console/settings/hours").param("day", "MONDAY", "TUESDAY")
			.param("start", "08:00", "17:00")
			.param("end", "12:00", "09:05"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("start must be before end")))
			.andExpect(content().string(containsString("class=\"settings-period invalid\"")))
			.andExpect(content().string(containsString("value=\"09:05\"")))
			.andExpect(content().string(containsString("value=\"17:00\"")));

		assertThat(catalog.snapshot().openingHours()).isEqualTo(before.openingHours());
	}

	@Test
	void overlappingPeriodsAreRefused() throws Exception {
		mvc.perform(form("/console/settings/hours").param("day", "MONDAY", "MONDAY")
			.param("start", "08:00", "11:00")
			.param("end", "12:00", "17:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Overlapping time ranges on MONDAY")));

		assertThat(catalog.snapshot().openingHours()).isEqualTo(before.openingHours());
	}

	@Test
	void addsAPeriodRowForHtmx() throws Exception {
		mvc.perform(get("/console/settings").with(manager))
			.andExpect(content().string(containsString("hx-get=\"/console/settings/period?day=SUNDAY\"")))
			.andExpect(content().string(containsString("hx-target=\"#rows-SUNDAY\"")));
		mvc.perform(get("/console/settings/period").param("day", "SUNDAY").header("HX-Request", "true").with(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"day\" value=\"SUNDAY\"")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/console/settings/period").param("day", "FUNDAY").with(manager))
			.andExpect(status().isBadRequest());
	}

	// --- booking rules

	@Test
	void savesBookingRules() throws Exception {
		mvc.perform(rules("60", "120", "10", "48", "7"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("saved", "settings.saved.rules"));

		assertThat(catalog.snapshot().rules().minBookingNoticeMinutes()).isEqualTo(60);
		assertThat(catalog.snapshot().rules().maxBookingHorizonDays()).isEqualTo(120);
		assertThat(catalog.snapshot().rules().slotIntervalMinutes()).isEqualTo(10);
		assertThat(catalog.snapshot().rules().cancellationNoticeHours()).isEqualTo(48);
		assertThat(catalog.snapshot().rules().holdMinutes()).isEqualTo(7);
	}

	@Test
	void bookingRulesTheServiceRefusesAreShownNextToTheFieldWithTheTypedValues() throws Exception {
		// 7 is within the form's limits, but the service wants a multiple of 5
		mvc.perform(rules("60", "120", "7", "48", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"slotIntervalMinutes-error\"")))
			.andExpect(content().string(containsString("must be a multiple of 5 minutes")))
			.andExpect(content().string(containsString("value=\"7\"")));
		mvc.perform(rules("soon", "120", "15", "-1", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a whole number")))
			.andExpect(content().string(containsString("value=\"soon\"")))
			.andExpect(content().string(containsString("must be between 0 and 720")));

		assertThat(catalog.snapshot().rules()).isEqualTo(before.rules());
	}

	// --- closures

	@Test
	void addsAndRemovesAClosure() throws Exception {
		mvc.perform(form("/console/settings/closures").param("startsOn", "2025-10-13")
			.param("endsOn", "2025-10-14")
			.param("reason", "Staff training"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("saved", "settings.saved.closure"));
		ClosureDays added = catalog.snapshot()
			.closures()
			.stream()
			.filter(closure -> closure.reason().equals("Staff training"))
			.findFirst()
			.orElseThrow();
		assertThat(added.startsOn()).isEqualTo(LocalDate.of(2025, 10, 13));
		assertThat(added.endsOn()).isEqualTo(LocalDate.of(2025, 10, 14));
		mvc.perform(get("/console/settings").with(manager))
			.andExpect(content().string(containsString("Staff training")));

		mvc.perform(form("/console/settings/closures/" + added.id() + "/delete"))
			.andExpect(status().is3xxRedirection());

		assertThat(catalog.snapshot().closures()).isEqualTo(before.closures());
		mvc.perform(form("/console/settings/closures/" + added.id() + "/delete")).andExpect(status().isNotFound());
	}

	@Test
	void aClosureEndingBeforeItStartsIsRefusedByTheServiceAndKeptInTheForm() throws Exception {
		mvc.perform(form("/console/settings/closures").param("startsOn", "2025-10-14")
			.param("endsOn", "2025-10-13")
			.param("reason", "Backwards"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"endsOn-error\"")))
			.andExpect(content().string(containsString("must not be before starts_on")))
			.andExpect(content().string(containsString("value=\"Backwards\"")));
		mvc.perform(form("/console/settings/closures").param("startsOn", "next week")
			.param("endsOn", "")
			.param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a date like 2025-12-24")))
			.andExpect(content().string(containsString("value=\"next week\"")))
			.andExpect(content().string(containsString("id=\"reason-error\"")));

		assertThat(catalog.snapshot().closures()).isEqualTo(before.closures());
	}

	// --- providers

	@Test
	void createsAndEditsAProvider() throws Exception {
		mvc.perform(form("/console/settings/providers").param("name", "Dr. Nora Quist")
			.param("role", "HYGIENIST")
			.param("title", "RDH")
			.param("active", "true")
			.param("day", "THURSDAY")
			.param("start", "10:00")
			.param("end", "16:00"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/settings/providers/dr-nora-quist"));
		ProviderInfo created = catalog.snapshot().provider("dr-nora-quist").orElseThrow();
		assertThat(created.role().name()).isEqualTo("HYGIENIST");
		assertThat(created.active()).isTrue();
		assertThat(created.hours().on(DayOfWeek.THURSDAY)).containsExactly(TimeRange.of("10:00", "16:00"));

		// no "active" parameter: the box was unticked
		mvc.perform(form("/console/settings/providers/dr-nora-quist").param("name", "Dr. Nora Quist-Berg")
			.param("role", "HYGIENIST")
			.param("day", "FRIDAY")
			.param("start", "08:00")
			.param("end", "12:00")).andExpect(status().is3xxRedirection());

		ProviderInfo edited = catalog.snapshot().provider("dr-nora-quist").orElseThrow();
		assertThat(edited.name()).isEqualTo("Dr. Nora Quist-Berg");
		assertThat(edited.active()).isFalse();
		assertThat(edited.hours().on(DayOfWeek.THURSDAY)).isEmpty();
		assertThat(edited.hours().on(DayOfWeek.FRIDAY)).containsExactly(TimeRange.of("08:00", "12:00"));
		mvc.perform(get("/console/settings/providers").with(manager))
			.andExpect(content().string(containsString("Dr. Nora Quist-Berg")));
	}

	@Test
	void anInvalidProviderIsShownWithItsErrorsAndNotSaved() throws Exception {
		mvc.perform(form("/console/settings/providers/dr-maria-lopez").param("name", "")
			.param("role", "SURGEON")
			.param("title", "DDS")
			.param("day", "MONDAY")
			.param("start", "17:00")
			.param("end", "08:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString("is not a provider role")))
			.andExpect(content().string(containsString("value=\"17:00\"")));
		assertThat(catalog.snapshot().provider("dr-maria-lopez")).isEqualTo(before.provider("dr-maria-lopez"));

		mvc.perform(form("/console/settings/providers/no-such-provider").param("name", "Dr. Nobody")
			.param("role", "DENTIST")).andExpect(status().isNotFound());
		mvc.perform(get("/console/settings/providers/no-such-provider").with(manager)).andExpect(status().isNotFound());
		assertThat(catalog.snapshot().providers()).isEqualTo(before.providers());
	}

	@Test
	void aProvidersLanguagesAreEditedAsAListSeparatedByCommas() throws Exception {
		mvc.perform(get("/console/settings/providers/dr-aisha-patel").with(manager))
			.andExpect(content().string(containsString("value=\"English, Hindi, Gujarati\"")));

		mvc.perform(form("/console/settings/providers/dr-aisha-patel").param("name", "Dr. Aisha Patel")
			.param("role", "DENTIST")
			.param("languages", " English ,, Urdu ")
			.param("active", "true")
			.param("day", "TUESDAY")
			.param("start", "08:00")
			.param("end", "17:00")).andExpect(status().is3xxRedirection());

		assertThat(catalog.snapshot().provider("dr-aisha-patel").orElseThrow().languages()).containsExactly("English",
				"Urdu");
	}

	@Test
	void aLanguageListedTwiceIsShownNextToTheLanguagesAndNotSaved() throws Exception {
		mvc.perform(form("/console/settings/providers/dr-maria-lopez").param("name", "Dr. Maria Lopez")
			.param("role", "DENTIST")
			.param("languages", "Spanish, spanish")
			.param("day", "MONDAY")
			.param("start", "08:00")
			.param("end", "17:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"languages-error\"")))
			.andExpect(content().string(containsString("must not list a language twice")));

		assertThat(catalog.snapshot().provider("dr-maria-lopez")).isEqualTo(before.provider("dr-maria-lopez"));
	}

	@Test
	void aProviderIdAlreadyTakenIsRefusedNextToTheId() throws Exception {
		mvc.perform(form("/console/settings/providers").param("id", "dr-maria-lopez")
			.param("name", "Dr. Maria Lopez Again")
			.param("role", "DENTIST"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"id-error\"")))
			.andExpect(content().string(containsString("already exists")));

		assertThat(catalog.snapshot().providers()).isEqualTo(before.providers());
	}

	// --- services

	@Test
	void changesAServicesPrice() throws Exception {
		mvc.perform(service("filling", "Filling", "45", "10", "195.50", "DENTIST"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/settings/services/filling"))
			.andExpect(flash().attribute("saved", "settings.saved.service"));

		ServiceInfo filling = catalog.snapshot().serviceById("filling").orElseThrow();
		assertThat(filling.price()).isEqualByComparingTo(new BigDecimal("195.50"));
		assertThat(filling.durationMinutes()).isEqualTo(45);
		mvc.perform(get("/console/settings/services").with(manager))
			.andExpect(content().string(containsString("195.50")));
	}

	@Test
	void anInvalidServiceIsShownWithItsErrorsTheTypedValuesAndNotSaved() throws Exception {
		mvc.perform(service("filling", "Filling", "0", "10", "-5", "DENTIST"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"durationMinutes-error\"")))
			.andExpect(content().string(containsString("must be between 5 and 480")))
			.andExpect(content().string(containsString("id=\"price-error\"")))
			.andExpect(content().string(containsString("must not be negative")))
			.andExpect(content().string(containsString("value=\"-5\"")));
		// the form's limits allow 47 minutes; the service wants a multiple of 5
		mvc.perform(service("filling", "Filling", "47", "10", "180.00", "DENTIST"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a multiple of 5 minutes")))
			.andExpect(content().string(containsString("value=\"47\"")));
		mvc.perform(service("filling", "Filling", "45", "10", "180.00", "ORTHODONTIST"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"roles-error\"")))
			.andExpect(content().string(containsString("is not a provider role")));
		// no role ticked: the service refuses
		mvc.perform(form("/console/settings/services/filling").param("name", "Filling")
			.param("durationMinutes", "45")
			.param("bufferMinutes", "10")
			.param("price", "180.00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least one provider role must be allowed")));

		assertThat(catalog.snapshot().services()).isEqualTo(before.services());
		mvc.perform(service("no_such_service", "Nothing", "30", "0", "10.00", "DENTIST"))
			.andExpect(status().isNotFound());
	}

	@Test
	void createsAService() throws Exception {
		mvc.perform(form("/console/settings/services").param("name", "Night Guard Fitting")
			.param("description", "Impressions for a night guard.")
			.param("durationMinutes", "30")
			.param("bufferMinutes", "5")
			.param("price", "75")
			.param("roles", "DENTIST", "HYGIENIST")
			.param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/settings/services/night_guard_fitting"));

		ServiceInfo created = catalog.snapshot().serviceById("night_guard_fitting").orElseThrow();
		assertThat(created.price()).isEqualByComparingTo("75");
		assertThat(created.roles()).hasSize(2);
		assertThat(created.active()).isTrue();
	}

	// --- who may

	@Test
	void theFrontDeskIsRefusedEverySettingsAndAnalyticsPage() throws Exception {
		RequestPostProcessor frontDesk = ConsoleStaff.signedIn(accounts, clock, StaffRole.FRONT_DESK);
		for (String page : List.of("/console/settings", "/console/settings/period?day=MONDAY",
				"/console/settings/providers", "/console/settings/providers/new",
				"/console/settings/providers/dr-maria-lopez", "/console/settings/services",
				"/console/settings/services/new", "/console/settings/services/filling", "/console/analytics",
				"/console/analytics?from=2025-06-02&to=2025-08-04")) {
			mvc.perform(get(page).with(frontDesk)).andExpect(status().isForbidden());
		}
		for (String action : List.of("/console/settings/hours", "/console/settings/rules", "/console/settings/closures",
				"/console/settings/closures/" + before.closures().get(0).id() + "/delete",
				"/console/settings/providers", "/console/settings/providers/dr-maria-lopez",
				"/console/settings/services", "/console/settings/services/filling")) {
			mvc.perform(post(action).with(frontDesk)
				.with(csrf())
				.param("name", "Changed")
				.param("role", "DENTIST")
				.param("price", "1.00")
				.param("durationMinutes", "30")
				.param("bufferMinutes", "0")
				.param("roles", "DENTIST")
				.param("reason", "Closed")
				.param("startsOn", "2025-10-01")
				.param("endsOn", "2025-10-01")).andExpect(status().isForbidden());
		}
		assertThat(catalog.snapshot()).isEqualTo(before);
	}

	@Test
	void managersSeeTheSettings() throws Exception {
		for (StaffRole role : List.of(StaffRole.OFFICE_MANAGER, StaffRole.ADMIN)) {
			RequestPostProcessor staff = ConsoleStaff.signedIn(accounts, clock, role);
			mvc.perform(get("/console/settings").with(staff))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"hours-form\"")))
				.andExpect(content().string(containsString("New Year&#39;s Day")));
			mvc.perform(get("/console/settings/services/filling").with(staff))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"180.00\"")));
			mvc.perform(get("/console/settings/providers/dr-james-chen").with(staff))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"19:00\"")));
		}
	}

	private MockHttpServletRequestBuilder form(String path) {
		return post(path).with(manager).with(csrf());
	}

	private MockHttpServletRequestBuilder rules(String notice, String horizon, String interval, String cancellation,
			String hold) {
		return form("/console/settings/rules").param("minBookingNoticeMinutes", notice)
			.param("maxBookingHorizonDays", horizon)
			.param("slotIntervalMinutes", interval)
			.param("cancellationNoticeHours", cancellation)
			.param("holdMinutes", hold);
	}

	private MockHttpServletRequestBuilder service(String id, String name, String duration, String buffer, String price,
			String role) {
		return form("/console/settings/services/" + id).param("name", name)
			.param("description", "Tooth-coloured composite filling.")
			.param("durationMinutes", duration)
			.param("bufferMinutes", buffer)
			.param("price", price)
			.param("roles", role)
			.param("active", "true");
	}

}
