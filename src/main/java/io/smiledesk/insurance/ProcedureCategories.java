package io.smiledesk.insurance;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which benefit category a CDT code falls in: the usual plan grouping by code range
 * (diagnostic and preventive, fillings and other basic work, crowns, prosthetics and
 * implants, orthodontics), with per-code overrides first. A code that is not a CDT code
 * is not covered.
 */
final class ProcedureCategories {

	private static final Pattern CDT = Pattern.compile("D\\d{4}");

	private final Map<String, BenefitCategory> overrides;

	ProcedureCategories(Map<String, BenefitCategory> overrides) {
		this.overrides = Map.copyOf(overrides);
	}

	static ProcedureCategories defaults() {
		return new ProcedureCategories(Map.of());
	}

	BenefitCategory categoryOf(String code) {
		String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		BenefitCategory override = overrides.get(normalized);
		if (override != null) {
			return override;
		}
		return byRange(normalized).orElse(BenefitCategory.NOT_COVERED);
	}

	private static Optional<BenefitCategory> byRange(String code) {
		if (!CDT.matcher(code).matches()) {
			return Optional.empty();
		}
		int number = Integer.parseInt(code.substring(1));
		BenefitCategory category;
		if (number < 2000) {
			// D0xxx diagnostic, D1xxx preventive
			category = BenefitCategory.PREVENTIVE;
		}
		else if (number < 2400) {
			// amalgam and resin restorations, D2140-D2394
			category = BenefitCategory.BASIC;
		}
		else if (number < 2900) {
			// inlays, onlays, crowns (D25xx-D27xx)
			category = BenefitCategory.MAJOR;
		}
		else if (number >= 2950 && number <= 2962) {
			// core build-ups, posts, veneers go with the crown
			category = BenefitCategory.MAJOR;
		}
		else if (number < 5000) {
			// other restorative, endodontics (D3), periodontics (D4)
			category = BenefitCategory.BASIC;
		}
		else if (number < 7000) {
			// removable (D5) and fixed (D62-D67) prosthodontics, implants (D60xx)
			category = BenefitCategory.MAJOR;
		}
		else if (number < 8000) {
			// oral surgery: extractions
			category = BenefitCategory.BASIC;
		}
		else if (number < 9000) {
			category = BenefitCategory.ORTHODONTIC;
		}
		else if (number >= 9970 && number <= 9975) {
			// enamel microabrasion and bleaching: cosmetic
			category = BenefitCategory.NOT_COVERED;
		}
		else {
			// adjunctive: palliative care, anaesthesia, consultations
			category = BenefitCategory.BASIC;
		}
		return Optional.of(category);
	}

}
