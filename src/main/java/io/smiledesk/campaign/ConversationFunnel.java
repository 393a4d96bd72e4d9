package io.smiledesk.campaign;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where patients drop off on the way to a booking, for conversations patients started
 * (the chat and their own channels) and for campaigns' threads, from the read model
 * {@link FunnelRecorder} keeps. A journey counts at a stage when it got at least that
 * far: a later stage implies the earlier ones (a patient who booked through a campaign's
 * link chose the service and the time on the page).
 */
@Component
class ConversationFunnel {

	/** The stages, each with how many journeys got at least that far. */
	record Funnel(Instant since, Counts chat, Counts campaign) {
	}

	record Counts(long started, long serviceKnown, long timesOffered, long held, long booked) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0);

		// public: the console's template reads them
		public List<Long> values() {
			return List.of(started, serviceKnown, timesOffered, held, booked);
		}

		/** Booked over started, in percent with one decimal. */
		public double conversionPercent() {
			return DashboardStats.rate(booked, started);
		}

	}

	private final JdbcClient jdbc;

	ConversationFunnel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Journeys started at or after {@code since}. */
	Funnel since(Instant since) {
		Counts chat = Counts.NONE;
		Counts campaign = Counts.NONE;
		List<Row> rows = jdbc.sql("""
				select case when campaign_id is null then 0 else 1 end as campaign,
				    count(*) as started,
				    count(coalesce(service_known_at, times_offered_at, held_at, booked_at)) as service_known,
				    count(coalesce(times_offered_at, held_at, booked_at)) as times_offered,
				    count(coalesce(held_at, booked_at)) as held,
				    count(booked_at) as booked
				from conversation_funnel
				where clinic_id = ? and started_at >= ?
				group by case when campaign_id is null then 0 else 1 end""")
			.params(Clinics.DEFAULT, since.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Row(rs.getInt("campaign") == 1,
					new Counts(rs.getLong("started"), rs.getLong("service_known"), rs.getLong("times_offered"),
							rs.getLong("held"), rs.getLong("booked"))))
			.list();
		for (Row row : rows) {
			if (row.campaign()) {
				campaign = row.counts();
			}
			else {
				chat = row.counts();
			}
		}
		return new Funnel(since, chat, campaign);
	}

	private record Row(boolean campaign, Counts counts) {
	}

}
