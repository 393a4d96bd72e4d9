package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A carrier's plan in the console: the front office adds one or changes its group and
 * terms, through {@link InsurancePlans} as the staff API does; everyone else reads the
 * terms on the carrier's page.
 */
@Controller
@ConsolePage
@PreAuthorize(Access.FRONT_OFFICE)
class PlanConsoleController {

	private static final Map<String, String> FIELDS = Map.of("annual_maximum", "annualMaximum", "deductible",
			"deductible", "coverage_percent.preventive", "preventive", "coverage_percent.basic", "basic",
			"coverage_percent.major", "major", "coverage_percent.orthodontic", "orthodontic",
			"benefit_year_start_month", "benefitYearStartMonth");

	private final InsurancePlans plans;

	PlanConsoleController(InsurancePlans plans) {
		this.plans = plans;
	}

	record PlanForm(@NotBlank @Size(max = 120) String name, @Size(max = 40) String groupNumber,
			@NotNull BigDecimal annualMaximum, @NotNull BigDecimal deductible,
			@NotNull @Min(0) @Max(100) Integer preventive, @NotNull @Min(0) @Max(100) Integer basic,
			@NotNull @Min(0) @Max(100) Integer major, @NotNull @Min(0) @Max(100) Integer orthodontic,
			@Min(1) @Max(12) Integer benefitYearStartMonth) {

		static PlanForm blank() {
			return new PlanForm("", "", null, null, 100, 80, 50, 0, null);
		}

		static PlanForm of(Plan plan) {
			PlanTerms terms = plan.terms();
			return new PlanForm(plan.name(), plan.groupNumber(), terms.annualMaximum().amount(),
					terms.deductible().amount(), terms.percent(BenefitCategory.PREVENTIVE),
					terms.percent(BenefitCategory.BASIC), terms.percent(BenefitCategory.MAJOR),
					terms.percent(BenefitCategory.ORTHODONTIC), plan.benefitYearStart().getValue());
		}

		InsurancePlans.Terms terms() {
			return new InsurancePlans.Terms(annualMaximum, deductible, preventive, basic, major, orthodontic,
					benefitYearStartMonth);
		}

	}

	@GetMapping("/console/insurance/carriers/{carrierId}/plans/new")
	String blank(@PathVariable UUID carrierId, Model model, HttpServletResponse response) {
		return page(plans.carrier(carrierId), null, PlanForm.blank(), model, response);
	}

	@PostMapping("/console/insurance/carriers/{carrierId}/plans")
	String add(@PathVariable UUID carrierId, @Valid @ModelAttribute("plan") PlanForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Carrier> carrier = plans.carrier(carrierId);
		if (carrier.isEmpty()) {
			return InsuranceForms.notFound(model, response);
		}
		if (!errors.hasErrors()) {
			Result<Plan> result = plans.addPlan(carrierId, form.name(), form.groupNumber(), form.terms());
			if (result instanceof Result.Done<Plan>) {
				redirect.addFlashAttribute("notice", "plans.notice.added");
				return "redirect:/console/insurance/carriers/" + carrierId;
			}
			refused((Result.Refused<Plan>) result, errors, response);
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return page(carrier, null, form, model, response);
	}

	@GetMapping("/console/insurance/plans/{id}")
	String edit(@PathVariable UUID id, Model model, HttpServletResponse response) {
		Optional<Plan> plan = plans.plan(id);
		return plan.map(found -> page(plans.carrier(found.carrierId()), found, PlanForm.of(found), model, response))
			.orElseGet(() -> InsuranceForms.notFound(model, response));
	}

	@PostMapping("/console/insurance/plans/{id}")
	String change(@PathVariable UUID id, @Valid @ModelAttribute("plan") PlanForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Plan> plan = plans.plan(id);
		if (plan.isEmpty()) {
			return InsuranceForms.notFound(model, response);
		}
		if (!errors.hasErrors()) {
			Result<Plan> result = plans.changePlan(id, form.name(), form.groupNumber(), form.terms());
			if (result instanceof Result.Done<Plan> done) {
				redirect.addFlashAttribute("notice", "plans.notice.changed");
				return "redirect:/console/insurance/carriers/" + done.value().carrierId();
			}
			refused((Result.Refused<Plan>) result, errors, response);
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return page(plans.carrier(plan.get().carrierId()), plan.get(), form, model, response);
	}

	private static void refused(Result.Refused<Plan> refused, BindingResult errors, HttpServletResponse response) {
		InsuranceForms.reject(refused, errors, FIELDS);
		response.setStatus(InsuranceForms.status(refused));
	}

	private static String page(Optional<Carrier> carrier, Plan plan, PlanForm form, Model model,
			HttpServletResponse response) {
		if (carrier.isEmpty()) {
			return InsuranceForms.notFound(model, response);
		}
		model.addAttribute("carrierId", carrier.get().id());
		model.addAttribute("carrierName", carrier.get().name());
		model.addAttribute("planId", plan == null ? null : plan.id());
		if (!model.containsAttribute("plan")) {
			model.addAttribute("plan", form);
		}
		return "console/insurance/plan";
	}

}
