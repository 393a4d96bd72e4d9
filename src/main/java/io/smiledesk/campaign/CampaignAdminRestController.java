package io.smiledesk.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.smiledesk.patient.Channel;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engagement platform's staff API, in its original shapes: the dashboard, campaigns
 * and their interactions, answering and settling, and running the daily job now. The
 * front office works campaigns; managers run the job.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.FRONT_OFFICE)
class CampaignAdminRestController {

	private final Campaigns campaigns;

	private final CampaignRun run;

	private final DashboardStats stats;

	private final RecallList recalls;

	CampaignAdminRestController(Campaigns campaigns, CampaignRun run, DashboardStats stats, RecallList recalls) {
		this.campaigns = campaigns;
		this.run = run;
		this.stats = stats;
		this.recalls = recalls;
	}

	@GetMapping("/dashboard-stats")
	@PreAuthorize(Access.ANY_STAFF)
	Map<String, Object> dashboard() {
		DashboardStats.Stats now = stats.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kpis", Map.of("appointments_booked_month", now.appointmentsBookedMonth(), "handoffs_requiring_action",
				now.handoffsRequiringAction(), "active_recovery_campaigns", now.activeRecoveryCampaigns()));
		body.put("conversion_rates", Map.of("recovery_rate_percent", now.recoveryRatePercent(), "recall_rate_percent",
				now.recallRatePercent()));
		body.put("recoveries", now.recoveries());
		body.put("pipeline_value_recovered", now.pipelineValueRecovered());
		body.put("definitions", Map.of("appointments_booked_month",
				"appointments booked (any route, whatever became of them) since the 1st of this month, clinic time",
				"handoffs_requiring_action", "campaigns in HANDOFF_REQUIRED", "active_recovery_campaigns",
				"RECOVERY campaigns not yet final", "recovery_rate_percent",
				"RECOVERY campaigns that led to a booking (BOOKING_INITIATED, BOOKING_COMPLETED or RECOVERED) "
						+ "over all RECOVERY campaigns started",
				"recall_rate_percent", "the same for RECALL campaigns", "recoveries", "campaigns in RECOVERED",
				"pipeline_value_recovered", "sum of estimated_value of RECOVERED campaigns"));
		return body;
	}

	@GetMapping("/campaigns")
	Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
		Page<CampaignView> found = campaigns.list(parse(status, CampaignStatus.class, "status"),
				parse(type, CampaignType.class, "type"), page - 1, limit);
		return Map.of("pagination", Map
			.of("total_items", found.getTotalElements(), "total_pages", found.getTotalPages(), "current_page", page),
				"campaigns",
				found.getContent()
					.stream()
					.map(campaign -> new ListItemJson(campaign.id(), campaign.patientName(), campaign.type(),
							campaign.status(), campaign.updatedAt()))
					.toList());
	}

	@PostMapping("/campaigns/recovery")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> recovery(@Valid @RequestBody RecoveryJson body) {
		CampaignView created = campaigns
			.startRecovery(new Campaigns.NewLead(body.patientName().strip(), body.patientEmail(), body.patientPhone(),
					body.preferredChannel(), body.initialInquiry(), body.estimatedValue()));
		return Map.of("message", "Recovery campaign created successfully.", "campaign_id", created.id());
	}

	@PostMapping("/campaigns/run")
	@PreAuthorize(Access.MANAGERS)
	Map<String, Object> runNow() {
		CampaignRun.Result result = run.runNow()
			.orElseThrow(() -> ApiProblem.conflict("campaign-run-in-progress",
					"The campaign run is in progress on another instance; try again in a minute."));
		return Map.of("campaigns_created", result.campaignsCreated(), "messages_queued", result.messagesQueued(),
				"campaigns_failed", result.campaignsFailed());
	}

	@GetMapping("/campaigns/{id}")
	Map<String, Object> details(@PathVariable UUID id) {
		Campaigns.Details details = campaigns.details(id);
		return Map.of("campaign_details", DetailsJson.of(details.campaign()), "conversation_history",
				details.interactions()
					.stream()
					.map(interaction -> new HistoryJson(interaction.direction(), interaction.content(),
							interaction.timestamp()))
					.toList());
	}

	@PostMapping("/campaigns/{id}/respond")
	Map<String, String> respond(@PathVariable UUID id, @Valid @RequestBody RespondJson body,
			@AuthenticationPrincipal Jwt staff) {
		campaigns.respond(id, staffId(staff), body.message().strip(),
				parse(body.newStatus(), CampaignStatus.class, "new_status"));
		return Map.of("message", "Response sent successfully.");
	}

	@PatchMapping("/campaigns/{id}/status")
	Map<String, Object> status(@PathVariable UUID id, @Valid @RequestBody StatusJson body,
			@AuthenticationPrincipal Jwt staff) {
		CampaignView changed = campaigns.changeStatus(id, staffId(staff),
				parse(body.status(), CampaignStatus.class, "status"));
		return Map.of("message", "Campaign status updated.", "campaign_id", changed.id(), "status", changed.status());
	}

	@GetMapping("/interactions/{campaignId}")
	Map<String, Object> interactions(@PathVariable UUID campaignId) {
		return Map.of("interactions", campaigns.interactions(campaignId).stream().map(InteractionJson::of).toList());
	}

	@PostMapping("/interactions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> record(@Valid @RequestBody NewInteractionJson body) {
		Interaction.Direction direction = parse(body.direction(), Interaction.Direction.class, "direction");
		AnalysisJson analysis = body.aiAnalysis();
		CampaignView.InteractionView recorded = campaigns.record(body.campaignId(), direction, body.content().strip(),
				analysis == null ? null : analysis.intent(),
				analysis == null ? null : parse(analysis.sentiment(), Sentiment.class, "ai_analysis.sentiment"));
		return Map.of("message", "Interaction created successfully.", "interaction_id", recorded.id());
	}

	@GetMapping("/recalls")
	Map<String, Object> recalls(@RequestParam(defaultValue = "60") @Min(0) @Max(365) int days) {
		return Map.of("recalls", recalls.upcoming(days));
	}

	@ExceptionHandler(CampaignNotFoundException.class)
	ApiProblem notFound(CampaignNotFoundException ex) {
		return ApiProblem.notFound("campaign", ex.getMessage());
	}

	@ExceptionHandler(IllegalCampaignTransitionException.class)
	ApiProblem illegal(IllegalCampaignTransitionException ex) {
		return new ApiProblem(HttpStatus.CONFLICT, "campaign-transition-not-allowed", "Conflict", ex.getMessage(),
				Map.of("current_status", ex.current().name(), "requested_status", ex.requested().name()));
	}

	@ExceptionHandler(CampaignConflictException.class)
	ApiProblem conflict(CampaignConflictException ex) {
		return ApiProblem.conflict(ex.type(), ex.getMessage());
	}

	private static <E extends Enum<E>> E parse(String value, Class<E> type, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field,
					"must be one of " + String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList()));
		}
	}

	private static UUID staffId(Jwt jwt) {
		return UUID.fromString(jwt.getSubject());
	}

	record ListItemJson(UUID campaignId, String patientName, CampaignType campaignType, CampaignStatus status,
			Instant lastUpdated) {
	}

	record RecoveryJson(@NotBlank @Size(max = 200) String patientName, @Size(max = 254) String patientEmail,
			@Size(max = 32) String patientPhone, Channel preferredChannel, @Size(max = 2000) String initialInquiry,
			@DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal estimatedValue) {
	}

	record RespondJson(@NotBlank @Size(max = 1600) String message, @Size(max = 40) String newStatus) {
	}

	record StatusJson(@NotBlank @Size(max = 40) String status) {
	}

	record AnalysisJson(@Size(max = 40) String intent, @Size(max = 10) String sentiment) {
	}

	record NewInteractionJson(@NotNull UUID campaignId, @NotBlank @Size(max = 10) String direction,
			@NotBlank @Size(max = 4000) String content, @Valid AnalysisJson aiAnalysis) {
	}

	record HistoryJson(String direction, String content, Instant timestamp) {
	}

	record InteractionJson(UUID interactionId, UUID campaignId, String direction, String content,
			Map<String, Object> aiAnalysis, Instant timestamp) {

		static InteractionJson of(CampaignView.InteractionView interaction) {
			Map<String, Object> analysis = new LinkedHashMap<>();
			analysis.put("intent", interaction.intent());
			analysis.put("sentiment", interaction.sentiment());
			return new InteractionJson(interaction.id(), interaction.campaignId(), interaction.direction(),
					interaction.content(), analysis, interaction.timestamp());
		}

	}

	record ChannelJson(String type, String threadId) {
	}

	record FollowUpJson(int attemptsMade, int maxAttempts, Instant nextAttemptAt) {
	}

	record FunnelJson(String status, String linkUrl, Instant submittedAt) {
	}

	record HandoffJson(String reason, String summary, Instant when) {
	}

	record DetailsJson(UUID campaignId, UUID patientId, String patientName, CampaignType campaignType,
			CampaignStatus status, String engagementSummary, ChannelJson channel, FollowUpJson followUpDetails,
			FunnelJson bookingFunnel, HandoffJson handoffDetails, BigDecimal estimatedValue, String initialInquiry,
			String dueService, UUID appointmentId, Instant createdAt, Instant updatedAt) {

		static DetailsJson of(CampaignView campaign) {
			return new DetailsJson(campaign.id(), campaign.patientId(), campaign.patientName(), campaign.type(),
					campaign.status(), campaign.engagementSummary(),
					campaign.channel() == null ? null
							: new ChannelJson(campaign.channel().name().toLowerCase(Locale.ROOT), campaign.threadId()),
					new FollowUpJson(campaign.attemptsMade(), campaign.maxAttempts(), campaign.nextAttemptAt()),
					campaign.funnelStatus() == null ? null
							: new FunnelJson(campaign.funnelStatus(), campaign.linkUrl(), campaign.submittedAt()),
					campaign.handoffAt() == null ? null
							: new HandoffJson(campaign.handoffReason(), campaign.handoffSummary(),
									campaign.handoffAt()),
					campaign.estimatedValue(), campaign.initialInquiry(), campaign.dueService(),
					campaign.appointmentId(), campaign.createdAt(), campaign.updatedAt());
		}

	}

}
