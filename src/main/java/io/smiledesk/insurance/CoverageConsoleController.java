package io.smiledesk.insurance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's coverages in the console: everyone reads them (the reading is audited), the
 * front office records one, through {@link Coverages} as the staff API does.
 */
@Controller
@ConsolePage
@RequestMapping("/console/patients/{id}/insurance")
@PreAuthorize(Access.ANY_STAFF)
class CoverageConsoleController {

	private static final Map<String, String> FIELDS = Map.of("plan_id", "planId", "ends_on", "endsOn",
			"subscriber.date_of_birth", "dateOfBirth", "subscriber.member_id", "memberId", "coverage-overlaps",
			"priority");

	private final Coverages coverages;

	private final InsurancePlans plans;

	CoverageConsoleController(Coverages coverages, InsurancePlans plans) {
		this.coverages = coverages;
		this.plans = plans;
	}

	record CoverageRow(UUID id, String priority, String carrier, String plan, String groupNumber, String subscriber,
			String memberId, String relationship, LocalDate effectiveOn, LocalDate endsOn, String maximum,
			String deductible, int preventive, int basic, int major, int orthodontic) {

		static CoverageRow of(Coverages.CoverageView view) {
			PlanTerms terms = view.plan().terms();
			return new CoverageRow(view.coverage().id(), view.coverage().priority().json(), view.carrier().name(),
					view.plan().name(), view.plan().groupNumber() == null ? "-" : view.plan().groupNumber(),
					view.subscriber().name(), view.subscriber().memberId(), view.coverage().relationship().json(),
					view.coverage().effectiveOn(), view.coverage().endsOn(), terms.annualMaximum().toString(),
					terms.deductible().toString(), terms.percent(BenefitCategory.PREVENTIVE),
					terms.percent(BenefitCategory.BASIC), terms.percent(BenefitCategory.MAJOR),
					terms.percent(BenefitCategory.ORTHODONTIC));
		}

	}

	/** A plan to choose, named with its carrier. */
	record PlanOption(UUID id, String label) {
	}

	record CoverageForm(@NotNull UUID planId, @NotBlank @Size(max = 40) String memberId,
			@NotBlank @Size(max = 120) String subscriberName,
			@Past @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
			@NotBlank @Pattern(regexp = "primary|secondary", message = "must be primary or secondary") String priority,
			@NotBlank @Pattern(regexp = "self|spouse|child|other",
					message = "must be self, spouse, child or other") String relationship,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {

		static CoverageForm blank() {
			return new CoverageForm(null, "", "", null, "primary", "self", null, null);
		}

		Coverages.NewCoverage request() {
			return new Coverages.NewCoverage(planId, new Coverages.NewSubscriber(memberId, subscriberName, dateOfBirth),
					Coverage.Priority.valueOf(priority.toUpperCase(Locale.ROOT)),
					Coverage.Relationship.valueOf(relationship.toUpperCase(Locale.ROOT)), effectiveOn, endsOn);
		}

	}

	@GetMapping
	String page(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return show(id, CoverageForm.blank(), model, response);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping
	String add(@PathVariable UUID id, @Valid @ModelAttribute("coverage") CoverageForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!coverages.knows(id)) {
			return InsuranceForms.notFound(model, response);
		}
		if (!errors.hasErrors()) {
			Result<Coverages.CoverageView> result = coverages.add(id, form.request());
			if (result instanceof Result.Done<Coverages.CoverageView>) {
				redirect.addFlashAttribute("notice", "coverages.notice.added");
				return "redirect:/console/patients/" + id + "/insurance";
			}
			Result.Refused<Coverages.CoverageView> refused = (Result.Refused<Coverages.CoverageView>) result;
			InsuranceForms.reject(refused, errors, FIELDS);
			response.setStatus(InsuranceForms.status(refused));
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return show(id, form, model, response);
	}

	/** Ends a coverage on a day; a refusal comes back on the page with its reason. */
	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{coverage}/end")
	String end(@PathVariable UUID id, @PathVariable UUID coverage,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!coverages.knows(id)) {
			return InsuranceForms.notFound(model, response);
		}
		if (endsOn == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("endError", "ends_on: Give a date.");
			return show(id, CoverageForm.blank(), model, response);
		}
		Result<Coverages.CoverageView> result = coverages.end(id, coverage, endsOn);
		if (result instanceof Result.Refused<Coverages.CoverageView> refused
				&& refused.reason() == Result.Reason.NOT_FOUND) {
			return InsuranceForms.notFound(model, response);
		}
		if (result instanceof Result.Refused<Coverages.CoverageView> refused) {
			response.setStatus(InsuranceForms.status(refused));
			model.addAttribute("endError", refused.subject() + ": " + refused.detail());
			return show(id, CoverageForm.blank(), model, response);
		}
		redirect.addFlashAttribute("notice", "coverages.notice.ended");
		return "redirect:/console/patients/" + id + "/insurance";
	}

	private String show(UUID id, CoverageForm form, Model model, HttpServletResponse response) {
		var found = coverages.ofPatient(id);
		if (found.isEmpty()) {
			return InsuranceForms.notFound(model, response);
		}
		model.addAttribute("patient", found.get().patient());
		model.addAttribute("coverages", found.get().coverages().stream().map(CoverageRow::of).toList());
		model.addAttribute("mayPost", InsuranceForms.frontOffice());
		model.addAttribute("plans", planOptions());
		if (!model.containsAttribute("coverage")) {
			model.addAttribute("coverage", form);
		}
		return "console/insurance/coverages";
	}

	private List<PlanOption> planOptions() {
		List<PlanOption> options = new ArrayList<>();
		for (Carrier carrier : plans.carriers()) {
			plans.plansOf(carrier.id())
				.forEach(plan -> options.add(new PlanOption(plan.id(), carrier.name() + " · " + plan.name()
						+ (plan.groupNumber() == null ? "" : " (" + plan.groupNumber() + ")"))));
		}
		return options;
	}

}
