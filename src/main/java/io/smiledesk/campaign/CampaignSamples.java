package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.patient.Channel;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientType;
import io.smiledesk.patient.Patients;
import io.smiledesk.patient.TreatmentRecord;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns for the demo clinic, so the console's campaign pages have something to show
 * on a first start: at least one in every status, each with the thread that led there,
 * moved through the aggregate's own transitions. They are history, not work: the active
 * ones wait days before their next follow-up, and no event is announced (nobody did
 * anything).
 */
@Component
public class CampaignSamples {

	/** One step of a sample's thread: what was said, how long after the start. */
	private record Said(int hoursIn, boolean incoming, String text, String intent, Sentiment sentiment) {

		static Said sent(int hoursIn, String text) {
			return new Said(hoursIn, false, text, FollowUps.FOLLOW_UP, null);
		}

		static Said reply(int hoursIn, String text, String intent, Sentiment sentiment) {
			return new Said(hoursIn, true, text, intent, sentiment);
		}

		/** The assistant's answer to a reply. */
		static Said answer(int hoursIn, String text) {
			return new Said(hoursIn, false, text, null, null);
		}

		/** What staff noted by hand. */
		static Said note(int hoursIn, String text) {
			return new Said(hoursIn, false, text, "staff_note", null);
		}

	}

	private record Sample(String name, String phone, CampaignType type, String service, String inquiry,
			BigDecimal value, int daysAgo, List<Said> thread, CampaignStatus status) {
	}

	private static final List<Sample> SAMPLES = List.of(
			new Sample("Olivia Bennett", "+12015550301", CampaignType.RECOVERY, "Teeth Whitening",
					"Asked about whitening before her sister's wedding", new BigDecimal("350.00"), 1,
					List.of(Said.sent(0,
							"Hi Olivia, this is Brightside Dental. You asked us about teeth whitening a while ago.")),
					CampaignStatus.ATTEMPTING_RECOVERY),
			new Sample("Marcus Reed", "+12015550302", CampaignType.RECALL, "Annual Cleaning", null, null, 5,
					List.of(Said.sent(0, "Hi Marcus, your check-up and cleaning at Brightside Dental is due."),
							Said.sent(72, "Hi Marcus, a reminder that your check-up and cleaning is due.")),
					CampaignStatus.ATTEMPTING_RECOVERY),
			new Sample("Priya Shah", "+12015550303", CampaignType.RECALL, "Annual Cleaning", null, null, 2,
					List.of(Said.sent(0, "Hi Priya, your check-up and cleaning at Brightside Dental is due."),
							Said.reply(3, "Yes, but only after school hours please", "booking_request",
									Sentiment.POSITIVE),
							Said.answer(3, "Of course. Weekdays from 3:30 pm work; pick a time or book here.")),
					CampaignStatus.RE_ENGAGED),
			new Sample("Daniel Okafor", "+12015550304", CampaignType.RECOVERY, "Crown Consultation",
					"Called about a crown on a cracked molar", new BigDecimal("1200.00"), 4,
					List.of(Said.sent(0, "Hi Daniel, this is Brightside Dental. You asked us about a crown."),
							Said.reply(20, "Does my Delta Dental PPO cover most of a crown? I can't find it anywhere",
									"question", Sentiment.NEUTRAL),
							Said.answer(20, "Thank you, Daniel. A member of our team will reply shortly.")),
					CampaignStatus.HANDOFF_REQUIRED),
			new Sample(
					"Sofia Alvarez", "+12015550305", CampaignType.RECALL, "Annual Cleaning", null, null, 6,
					List.of(Said.sent(0, "Hola Sofia, le toca su limpieza y revisión en Brightside Dental."),
							Said.reply(
									5, "Sí, por favor, un martes por la mañana", "booking_request", Sentiment.POSITIVE),
							Said.answer(5, "Perfecto. Reserve aquí o elija una hora.")),
					CampaignStatus.BOOKING_INITIATED),
			new Sample("James Carter", "+12015550306", CampaignType.RECOVERY, "Teeth Whitening",
					"Wanted whitening, put off by the price", new BigDecimal("350.00"), 9,
					List.of(Said.sent(0, "Hi James, this is Brightside Dental. You asked us about teeth whitening."),
							Said.reply(30, "ok go on then, what's free next week?", "booking_request",
									Sentiment.POSITIVE),
							Said.answer(30, "Great! Thursday at 10:00 am or Friday at 2:00 pm; or book here.")),
					CampaignStatus.BOOKING_COMPLETED),
			new Sample("Emma Walsh", "+12015550307", CampaignType.RECALL, "Annual Cleaning", null,
					new BigDecimal("120.00"), 20,
					List.of(Said.sent(0, "Hi Emma, your check-up and cleaning at Brightside Dental is due."),
							Said.reply(2, "Thanks for the reminder! Booked through the link", "booking_request",
									Sentiment.POSITIVE)),
					CampaignStatus.RECOVERED),
			new Sample("Noah Fischer", "+12015550308", CampaignType.RECOVERY, "Root Canal",
					"Toothache last spring, never booked the root canal", new BigDecimal("950.00"), 25,
					List.of(Said.sent(0, "Hi Noah, this is Brightside Dental. You asked us about a root canal."),
							Said.sent(72, "Hi Noah, just checking in about your root canal."),
							Said.reply(80, "Sorry, been busy. Yes I should get it done", "booking_request",
									Sentiment.NEUTRAL)),
					CampaignStatus.RECOVERED),
			new Sample("Hannah Lee", "+12015550309", CampaignType.RECOVERY, "Filling",
					"Asked whether a filling could wait", new BigDecimal("180.00"), 45,
					List.of(Said.sent(0, "Hi Hannah, this is Brightside Dental. You asked us about a filling."),
							Said.sent(72, "Hi Hannah, just checking in."), Said.sent(240, "Hi Hannah, still here."),
							Said.sent(576, "Hi Hannah, our last note about your filling.")),
					CampaignStatus.RECOVERY_FAILED),
			new Sample("Liam O'Brien", "+12015550310", CampaignType.RECALL, "Annual Cleaning", null, null, 12,
					List.of(Said.sent(0, "Hi Liam, your check-up and cleaning at Brightside Dental is due."),
							Said.reply(6, "No thanks, we moved to Boston and found a dentist there", "service_denial",
									Sentiment.NEUTRAL),
							Said.answer(6, "Thank you for letting us know, Liam. All the best!")),
					CampaignStatus.RECOVERY_DECLINED),
			new Sample("Grace Kim", "+12015550311", CampaignType.RECOVERY, "Crown Consultation",
					"Lost a crown, asked for a quote", new BigDecimal("1200.00"), 15,
					List.of(Said.sent(0, "Hi Grace, this is Brightside Dental. You asked us about a crown."),
							Said.reply(4, "I'm really unhappy with how long the last one took, who can I talk to?",
									"other", Sentiment.NEGATIVE),
							Said.answer(4, "Thank you, Grace. A member of our team will reply shortly."),
							Said.note(28, "Called Grace back: she will book after her trip.")),
					CampaignStatus.MANUAL_FOLLOWUP_COMPLETE));

	private final CampaignRepository campaigns;

	private final InteractionRepository interactions;

	private final Patients patients;

	private final CampaignLinks links;

	private final CampaignProperties properties;

	private final ClinicCatalog catalog;

	private final Clock clock;

	CampaignSamples(CampaignRepository campaigns, InteractionRepository interactions, Patients patients,
			CampaignLinks links, CampaignProperties properties, ClinicCatalog catalog, Clock clock) {
		this.campaigns = campaigns;
		this.interactions = interactions;
		this.patients = patients;
		this.links = links;
		this.properties = properties;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Adds the samples (their patients too); returns how many campaigns it added. */
	@Transactional
	public int seed() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(catalog.snapshot().zone()));
		int added = 0;
		for (Sample sample : SAMPLES) {
			Patients.Contact contact = patients.contact(null, sample.phone());
			if (patients.identify(contact).isPresent()) {
				continue;
			}
			PatientId patient = patients.register(new Patients.NewPatient(sample.name(), contact, null,
					sample.type() == CampaignType.RECALL ? PatientType.EXISTING : PatientType.COLD_LEAD, Channel.SMS))
				.id();
			Instant start = now.minus(Duration.ofDays(sample.daysAgo()));
			LocalDate startDay = today.minusDays(sample.daysAgo());
			if (sample.type() == CampaignType.RECALL) {
				// the cleaning that made them due, and the next once this campaign ends
				LocalDate visit = startDay.minusMonths(6).minusDays(1);
				patients.recordTreatment(patient, new TreatmentRecord(null, "Annual Cleaning", visit,
						"6-month check-up and cleaning", startDay, null));
				if (sample.status() == CampaignStatus.RECOVERED) {
					patients.scheduleFollowUp(patient, today.plusMonths(6));
				}
			}
			Campaign campaign = new Campaign(patient.value(), sample.type(), sample.service(), sample.inquiry(),
					sample.value(), properties.maxAttempts(sample.type()), start, startDay, start);
			campaigns.save(campaign);
			play(campaign, sample, start);
			campaigns.save(campaign);
			added++;
		}
		return added;
	}

	/** Writes the thread and moves the campaign the way the run and the replies would. */
	private void play(Campaign campaign, Sample sample, Instant start) {
		String thread = sample.phone();
		int position = 0;
		Instant last = start;
		for (Said said : sample.thread()) {
			Instant at = start.plus(Duration.ofHours(said.hoursIn()));
			last = at;
			Interaction interaction = new Interaction(campaign.id(), null, position++,
					said.incoming() ? Interaction.Direction.INCOMING : Interaction.Direction.OUTGOING, said.text(), at);
			interaction.analysed(said.intent(), said.sentiment());
			interactions.save(interaction);
			if (FollowUps.FOLLOW_UP.equals(said.intent())) {
				campaign.attempted(ConversationChannel.SMS, thread, null,
						at.plus(properties.waitAfter(campaign.attemptsMade() + 1)), at);
				campaign.linkSent(links.url(campaign.id()), at);
			}
			else if (said.incoming()) {
				if (campaign.status() == CampaignStatus.ATTEMPTING_RECOVERY) {
					campaign.moveTo(CampaignStatus.RE_ENGAGED, at);
				}
				campaign.heardFrom("Replied (" + said.intent().replace('_', ' ') + ", "
						+ said.sentiment().name().toLowerCase(java.util.Locale.ROOT) + "): \"" + said.text() + "\"",
						at.plus(properties.waitAfter(Math.max(1, campaign.attemptsMade()))), at);
			}
		}
		settle(campaign, sample.status(), last.plus(Duration.ofHours(1)));
	}

	private void settle(Campaign campaign, CampaignStatus status, Instant at) {
		switch (status) {
			case ATTEMPTING_RECOVERY, RE_ENGAGED -> {
			}
			case HANDOFF_REQUIRED -> campaign.handOff("campaign_reply: a question the knowledge base does not answer",
					campaign.engagementSummary(), at);
			case BOOKING_INITIATED -> campaign.booked(null, true, null, at);
			case BOOKING_COMPLETED -> {
				campaign.booked(null, false, null, at);
				campaign.moveTo(CampaignStatus.BOOKING_COMPLETED, at);
			}
			case RECOVERED -> {
				campaign.booked(null, true, null, at);
				campaign.moveTo(CampaignStatus.RECOVERED, at.plus(Duration.ofDays(7)));
			}
			case RECOVERY_FAILED -> {
				Instant failedAt = at.plus(Duration.ofDays(14));
				campaign.heardFrom("No reply after " + campaign.attemptsMade() + " messages.", null, failedAt);
				campaign.moveTo(CampaignStatus.RECOVERY_FAILED, failedAt);
			}
			case RECOVERY_DECLINED -> campaign.moveTo(CampaignStatus.RECOVERY_DECLINED, at);
			case MANUAL_FOLLOWUP_COMPLETE -> {
				campaign.handOff("campaign_reply: the patient asked for a person", campaign.engagementSummary(), at);
				campaign.moveTo(CampaignStatus.MANUAL_FOLLOWUP_COMPLETE, at.plus(Duration.ofDays(1)));
			}
		}
	}

}
