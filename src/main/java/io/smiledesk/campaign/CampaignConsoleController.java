package io.smiledesk.campaign;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.staff.StaffPrincipal;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's campaigns, beside the module they show: the dashboard's figures and
 * charts, the funnel of conversations towards a booking, the list of campaigns, a
 * campaign's deep-dive with its thread (answer it, move it), and who is due for a recall.
 * The front office works campaigns, like the staff API; managers start the run by hand.
 * Charts read their figures from data attributes (the Content-Security-Policy allows no
 * inline script); static/assets/campaigns.js draws them with Chart.js.
 */
@Controller
@ConsolePage
@RequestMapping("/console/campaigns")
@PreAuthorize(Access.FRONT_OFFICE)
class CampaignConsoleController {

	static final int PAGE_SIZE = 25;

	/** The funnel's periods, in days; the first is the default. */
	static final List<Integer> FUNNEL_DAYS = List.of(90, 30, 365);

	static final int RECALL_DAYS = 60;

	private static final Set<StaffRole> RUNNERS = Set.of(StaffRole.ADMIN, StaffRole.OFFICE_MANAGER);

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Campaigns campaigns;

	private final CampaignRun run;

	private final DashboardStats stats;

	private final ConversationFunnel funnel;

	private final RecallList recalls;

	private final ClinicCatalog catalog;

	private final MessageSource messages;

	private final java.time.Clock clock;

	CampaignConsoleController(Campaigns campaigns, CampaignRun run, DashboardStats stats, ConversationFunnel funnel,
			RecallList recalls, ClinicCatalog catalog, MessageSource messages, java.time.Clock clock) {
		this.campaigns = campaigns;
		this.run = run;
		this.stats = stats;
		this.funnel = funnel;
		this.recalls = recalls;
		this.catalog = catalog;
		this.messages = messages;
		this.clock = clock;
	}

	record RespondForm(@NotBlank @Size(max = 1600) String message, CampaignStatus newStatus) {
	}

	record StatusForm(@NotNull CampaignStatus status) {
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) CampaignStatus status,
			@RequestParam(required = false) CampaignType type, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "90") int days, @AuthenticationPrincipal StaffPrincipal staff, Model model,
			Locale locale) {
		DashboardStats.Stats now = stats.now();
		int period = FUNNEL_DAYS.contains(days) ? days : FUNNEL_DAYS.get(0);
		ConversationFunnel.Funnel journeys = funnel.since(clock.instant().minus(Duration.ofDays(period)));
		Page<CampaignView> found = campaigns.list(status, type, Math.max(0, page - 1), PAGE_SIZE);
		if (found.isEmpty() && found.getTotalPages() > 0 && page > found.getTotalPages()) {
			found = campaigns.list(status, type, found.getTotalPages() - 1, PAGE_SIZE);
		}
		model.addAttribute("stats", now);
		model.addAttribute("funnel", journeys);
		model.addAttribute("funnelDays", period);
		model.addAttribute("funnelPeriods", FUNNEL_DAYS);
		model.addAttribute("stages",
				Arrays.stream(FunnelRecorder.Stage.values()).map(FunnelRecorder.Stage::json).toList());
		model.addAttribute("campaigns", found);
		model.addAttribute("statuses", CampaignStatus.values());
		model.addAttribute("types", CampaignType.values());
		model.addAttribute("status", status);
		model.addAttribute("type", type);
		model.addAttribute("canRun", staff != null && RUNNERS.contains(staff.role()));
		model.addAttribute("zone", catalog.snapshot().zone());
		model.addAttribute("currency", catalog.snapshot().profile().currency());
		model.addAttribute("kpiChart",
				chart(List.of(text("campaigns.kpi.booked-month", locale), text("campaigns.kpi.handoffs", locale),
						text("campaigns.kpi.active-recovery", locale), text("campaigns.kpi.recoveries", locale)),
						List.of(series(text("campaigns.chart.count", locale), List.of(now.appointmentsBookedMonth(),
								now.handoffsRequiringAction(), now.activeRecoveryCampaigns(), now.recoveries())))));
		model.addAttribute("ratesChart",
				chart(List.of(text("campaigns.rate.recovery", locale), text("campaigns.rate.recall", locale)),
						List.of(series(text("campaigns.chart.percent", locale),
								List.of(now.recoveryRatePercent(), now.recallRatePercent())))));
		model.addAttribute("funnelChart",
				chart(Arrays.stream(FunnelRecorder.Stage.values())
					.map(stage -> text("campaigns.funnel.stage." + stage.json(), locale))
					.toList(),
						List.of(series(text("campaigns.funnel.chat", locale), journeys.chat().values()),
								series(text("campaigns.funnel.campaign", locale), journeys.campaign().values()))));
		return "console/campaigns/dashboard";
	}

	@PostMapping("/run")
	@PreAuthorize(Access.MANAGERS)
	String runNow(RedirectAttributes redirect) {
		run.runNow().ifPresentOrElse(result -> {
			redirect.addFlashAttribute("runCreated", result.campaignsCreated());
			redirect.addFlashAttribute("runQueued", result.messagesQueued());
			redirect.addFlashAttribute("runFailed", result.campaignsFailed());
		}, () -> redirect.addFlashAttribute("runProblem", "campaigns.run.in-progress"));
		return "redirect:/console/campaigns";
	}

	@GetMapping("/{id}")
	String details(@PathVariable UUID id, Model model) {
		return details(id, new RespondForm(null, null), new StatusForm(null), model);
	}

	@PostMapping("/{id}/respond")
	String respond(@PathVariable UUID id, @Valid @ModelAttribute("respond") RespondForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal staff, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return details(id, form, new StatusForm(null), model);
		}
		try {
			campaigns.respond(id, staff.id(), form.message().strip(), form.newStatus());
		}
		catch (CampaignConflictException | IllegalCampaignTransitionException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problem", problem(ex, locale));
			return details(id, form, new StatusForm(null), model);
		}
		redirect.addFlashAttribute("notice", "campaigns.respond.sent");
		return "redirect:/console/campaigns/" + id;
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable UUID id, @Valid @ModelAttribute("statusForm") StatusForm form,
			BindingResult errors, @AuthenticationPrincipal StaffPrincipal staff, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return details(id, new RespondForm(null, null), form, model);
		}
		try {
			campaigns.changeStatus(id, staff.id(), form.status());
		}
		catch (CampaignConflictException | IllegalCampaignTransitionException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problem", problem(ex, locale));
			return details(id, new RespondForm(null, null), form, model);
		}
		redirect.addFlashAttribute("notice", "campaigns.status.changed");
		return "redirect:/console/campaigns/" + id;
	}

	@GetMapping("/recalls")
	String recalls(@RequestParam(defaultValue = "" + RECALL_DAYS) int days, Model model) {
		int ahead = Math.max(0, Math.min(365, days));
		model.addAttribute("recalls", recalls.upcoming(ahead));
		model.addAttribute("days", ahead);
		model.addAttribute("today", LocalDate.now(clock.withZone(catalog.snapshot().zone())));
		model.addAttribute("zone", catalog.snapshot().zone());
		return "console/campaigns/recalls";
	}

	@ExceptionHandler(CampaignNotFoundException.class)
	String notFound(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("message", "error.not-found");
		return "console/error";
	}

	private String details(UUID id, RespondForm respond, StatusForm status, Model model) {
		Campaigns.Details details = campaigns.details(id);
		CampaignStatus current = details.campaign().status();
		model.addAttribute("campaign", details.campaign());
		model.addAttribute("patientLabel", details.campaign().patientName() != null ? details.campaign().patientName()
				: messages.getMessage("campaigns.patient.unknown", null, LocaleContextHolder.getLocale()));
		model.addAttribute("interactions", details.interactions());
		if (!model.containsAttribute("respond")) {
			model.addAttribute("respond", respond);
		}
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", status);
		}
		model.addAttribute("nextStatuses", Arrays.stream(CampaignStatus.values()).filter(current::allows).toList());
		model.addAttribute("zone", catalog.snapshot().zone());
		model.addAttribute("currency", catalog.snapshot().profile().currency());
		return "console/campaigns/details";
	}

	/** The same reason the staff API gives, in the console's words where it has them. */
	private String problem(RuntimeException ex, Locale locale) {
		if (ex instanceof IllegalCampaignTransitionException illegal) {
			return messages.getMessage("campaigns.problem.transition",
					new Object[] { text("campaigns.status." + illegal.current(), locale),
							text("campaigns.status." + illegal.requested(), locale) },
					ex.getMessage(), locale);
		}
		return messages.getMessage("campaigns.problem." + ((CampaignConflictException) ex).type(), null,
				ex.getMessage(), locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** A chart's labels and series as JSON for a data attribute. */
	private static String chart(List<String> labels, List<Map<String, Object>> series) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", labels);
		data.put("series", series);
		return JSON.writeValueAsString(data);
	}

	private static Map<String, Object> series(String label, List<?> values) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("data", values);
		return series;
	}

}
