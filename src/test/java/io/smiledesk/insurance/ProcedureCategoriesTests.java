package io.smiledesk.insurance;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureCategoriesTests {

	@ParameterizedTest
	@CsvSource({ "D0120, PREVENTIVE", "D0150, PREVENTIVE", "D1110, PREVENTIVE", "D1351, PREVENTIVE", "D2140, BASIC",
			"D2391, BASIC", "D2394, BASIC", "D2740, MAJOR", "D2750, MAJOR", "D2950, MAJOR", "D2940, BASIC",
			"D3330, BASIC", "D4341, BASIC", "D5110, MAJOR", "D6010, MAJOR", "D6750, MAJOR", "D7140, BASIC",
			"D8080, ORTHODONTIC", "D9110, BASIC", "D9972, NOT_COVERED", "d1110, PREVENTIVE", "filling, NOT_COVERED",
			"D12, NOT_COVERED" })
	void groupsCdtCodesAsPlansUsuallyDo(String code, BenefitCategory expected) {
		assertThat(ProcedureCategories.defaults().categoryOf(code)).isEqualTo(expected);
	}

	@Test
	void anOverrideFromTheSettingsWins() {
		ProcedureCategories categories = new ProcedureCategories(Map.of("D4910", BenefitCategory.PREVENTIVE));

		assertThat(categories.categoryOf("D4910")).isEqualTo(BenefitCategory.PREVENTIVE);
		assertThat(categories.categoryOf("D4341")).isEqualTo(BenefitCategory.BASIC);
		assertThat(ProcedureCategories.defaults().categoryOf(null)).isEqualTo(BenefitCategory.NOT_COVERED);
	}

}
