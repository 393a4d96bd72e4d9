package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.scheduling.Appointments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures on the campaigns dashboard. A campaign counts as converted once a booking
 * came of it (booked, confirmed or the visit done: {@code BOOKING_INITIATED},
 * {@code BOOKING_COMPLETED}, {@code RECOVERED}); a rate is converted campaigns of a type
 * over all campaigns of that type ever started, in percent with one decimal.
 */
@Component
class DashboardStats {

	static final Set<CampaignStatus> CONVERTED = EnumSet.of(CampaignStatus.BOOKING_INITIATED,
			CampaignStatus.BOOKING_COMPLETED, CampaignStatus.RECOVERED);

	record Stats(long appointmentsBookedMonth, long handoffsRequiringAction, long activeRecoveryCampaigns,
			double recoveryRatePercent, double recallRatePercent, long recoveries, BigDecimal pipelineValueRecovered,
			long recoveryCampaigns, long recallCampaigns) {
	}

	private final CampaignRepository campaigns;

	private final Appointments appointments;

	private final JdbcClient jdbc;

	private final ClinicCatalog catalog;

	private final Clock clock;

	DashboardStats(CampaignRepository campaigns, Appointments appointments, JdbcClient jdbc, ClinicCatalog catalog,
			Clock clock) {
		this.campaigns = campaigns;
		this.appointments = appointments;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	Stats now() {
		ZoneId zone = catalog.snapshot().zone();
		LocalDate first = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
		long booked = appointments.bookedBetween(first.atStartOfDay(zone).toInstant(),
				first.plusMonths(1).atStartOfDay(zone).toInstant());
		long recovery = campaigns.countByCampaignType(CampaignType.RECOVERY);
		long recall = campaigns.countByCampaignType(CampaignType.RECALL);
		BigDecimal value = jdbc
			.sql("select coalesce(sum(estimated_value), 0) from campaign where clinic_id = ? and status = 'RECOVERED'")
			.param(Clinics.DEFAULT)
			.query(BigDecimal.class)
			.single();
		return new Stats(booked, campaigns.countByStatusIn(Set.of(CampaignStatus.HANDOFF_REQUIRED)),
				campaigns.countByCampaignTypeAndStatusIn(CampaignType.RECOVERY, CampaignStatus.ACTIVE),
				rate(campaigns.countByCampaignTypeAndStatusIn(CampaignType.RECOVERY, CONVERTED), recovery),
				rate(campaigns.countByCampaignTypeAndStatusIn(CampaignType.RECALL, CONVERTED), recall),
				campaigns.countByStatusIn(Set.of(CampaignStatus.RECOVERED)), value.setScale(2, RoundingMode.HALF_UP),
				recovery, recall);
	}

	static double rate(long converted, long total) {
		return total == 0 ? 0.0
				: BigDecimal.valueOf(converted * 100)
					.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
					.doubleValue();
	}

}
