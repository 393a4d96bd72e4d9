package io.smiledesk.insurance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The carriers the clinic works with, in the console: everyone reads them with their
 * plans, the front office adds and corrects them, through {@link InsurancePlans} as the
 * staff API does.
 */
@Controller
@ConsolePage
@RequestMapping("/console/insurance/carriers")
@PreAuthorize(Access.ANY_STAFF)
class CarrierConsoleController {

	private static final Map<String, String> FIELDS = Map.of("carrier-exists", "name");

	private final InsurancePlans plans;

	CarrierConsoleController(InsurancePlans plans) {
		this.plans = plans;
	}

	record CarrierForm(@NotBlank @Size(max = 120) String name, @Size(max = 40) String payerId) {

		static CarrierForm of(Carrier carrier) {
			return new CarrierForm(carrier.name(), carrier.payerId());
		}

	}

	/** A plan as the pages show it (records: templates call public accessors only). */
	record PlanRow(UUID id, String name, String groupNumber, String maximum, String deductible, int preventive,
			int basic, int major, int orthodontic) {

		static PlanRow of(Plan plan) {
			PlanTerms terms = plan.terms();
			return new PlanRow(plan.id(), plan.name(), plan.groupNumber() == null ? "-" : plan.groupNumber(),
					terms.annualMaximum().toString(), terms.deductible().toString(),
					terms.percent(BenefitCategory.PREVENTIVE), terms.percent(BenefitCategory.BASIC),
					terms.percent(BenefitCategory.MAJOR), terms.percent(BenefitCategory.ORTHODONTIC));
		}

	}

	record CarrierRow(UUID id, String name, String payerId, List<PlanRow> plans) {
	}

	@GetMapping
	String list(Model model) {
		return list(new CarrierForm("", ""), model);
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping
	String add(@Valid @ModelAttribute("carrier") CarrierForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			Result<Carrier> result = plans.addCarrier(form.name(), form.payerId());
			if (result instanceof Result.Done<Carrier> done) {
				redirect.addFlashAttribute("notice", "carriers.notice.added");
				return "redirect:/console/insurance/carriers/" + done.value().id();
			}
			Result.Refused<Carrier> refused = (Result.Refused<Carrier>) result;
			InsuranceForms.reject(refused, errors, FIELDS);
			response.setStatus(InsuranceForms.status(refused));
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return list(form, model);
	}

	@GetMapping("/{id}")
	String carrier(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return plans.carrier(id)
			.map(carrier -> carrier(carrier, CarrierForm.of(carrier), model))
			.orElseGet(() -> InsuranceForms.notFound(model, response));
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{id}")
	String change(@PathVariable UUID id, @Valid @ModelAttribute("carrier") CarrierForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			Result<Carrier> result = plans.changeCarrier(id, form.name(), form.payerId());
			if (result instanceof Result.Done<Carrier>) {
				redirect.addFlashAttribute("notice", "carriers.notice.changed");
				return "redirect:/console/insurance/carriers/" + id;
			}
			Result.Refused<Carrier> refused = (Result.Refused<Carrier>) result;
			if (refused.reason() == Result.Reason.NOT_FOUND) {
				return InsuranceForms.notFound(model, response);
			}
			InsuranceForms.reject(refused, errors, FIELDS);
			response.setStatus(InsuranceForms.status(refused));
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return plans.carrier(id)
			.map(carrier -> carrier(carrier, form, model))
			.orElseGet(() -> InsuranceForms.notFound(model, response));
	}

	private String list(CarrierForm form, Model model) {
		model.addAttribute("carriers",
				plans.carriers()
					.stream()
					.map(carrier -> new CarrierRow(carrier.id(), carrier.name(),
							carrier.payerId() == null ? "-" : carrier.payerId(),
							plans.plansOf(carrier.id()).stream().map(PlanRow::of).toList()))
					.toList());
		model.addAttribute("mayPost", InsuranceForms.frontOffice());
		if (!model.containsAttribute("carrier")) {
			model.addAttribute("carrier", form);
		}
		return "console/insurance/carriers";
	}

	private String carrier(Carrier carrier, CarrierForm form, Model model) {
		model.addAttribute("carrierId", carrier.id());
		model.addAttribute("carrierName", carrier.name());
		model.addAttribute("plans", plans.plansOf(carrier.id()).stream().map(PlanRow::of).toList());
		model.addAttribute("mayPost", InsuranceForms.frontOffice());
		if (!model.containsAttribute("carrier")) {
			model.addAttribute("carrier", form);
		}
		return "console/insurance/carrier";
	}

}
