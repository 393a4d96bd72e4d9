package io.smiledesk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.smiledesk.campaign.CampaignSamples;
import io.smiledesk.clinic.ClinicAdministration;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.insurance.CarrierList;
import io.smiledesk.payment.DepositRules;
import io.smiledesk.staff.DutyRoster;
import io.smiledesk.staff.StaffAccounts;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo clinic into an empty database, all or nothing. */
@Component
@Order(1)
public class DemoSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final ClinicCatalog catalog;

	private final ClinicAdministration administration;

	private final FakePatients fakePatients;

	private final DemoProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final DepositRules deposits;

	private final CampaignSamples campaigns;

	private final CarrierList carriers;

	private final StaffAccounts staff;

	private final DutyRoster roster;

	DemoSeeder(ClinicCatalog catalog, ClinicAdministration administration, FakePatients fakePatients,
			DemoProperties properties, PlatformTransactionManager transactions, Clock clock, DepositRules deposits,
			CampaignSamples campaigns, CarrierList carriers, StaffAccounts staff, DutyRoster roster) {
		this.staff = staff;
		this.roster = roster;
		this.deposits = deposits;
		this.campaigns = campaigns;
		this.carriers = carriers;
		this.catalog = catalog;
		this.administration = administration;
		this.fakePatients = fakePatients;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * The carriers the demo's insurance page names as in network, so "do you take Aetna?"
	 * is answered from the list staff keep; public for the tests that replay
	 * conversations with the demo clinic.
	 */
	public static void listCarriers(CarrierList carriers) {
		carriers.add("Delta Dental", null);
		carriers.add("Cigna", "62308");
		carriers.add("Aetna", "60054");
		carriers.add("MetLife", "65978");
		carriers.add("Guardian", "64246");
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled() || catalog.isConfigured()) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			DemoClinic.seed(administration, LocalDate.now(clock).getYear());
			// long and cosmetic visits take a deposit
			deposits.requireAmount("teeth_whitening", new BigDecimal("50.00"));
			deposits.requireAmount("crown_consultation", new BigDecimal("75.00"));
			listCarriers(carriers);
		});
		log.info("Seeded the demo clinic 'Brightside Dental'");
		// the demo staff were made just before (StaffBootstrap); the opening hours now
		log.info("Put {} demo staff on duty in opening hours",
				DemoDuty.seed(staff, roster, catalog.snapshot().openingHours()));
		if (properties.fakePatients() > 0) {
			FakePatients.Result result = fakePatients.generate(properties.fakePatients(), 42);
			log.info("Added {} fake patients and {} appointments", result.patients(), result.appointments());
			// the console's campaign pages: one or more campaigns in every status
			log.info("Added {} sample campaigns", campaigns.seed());
		}
	}

}
