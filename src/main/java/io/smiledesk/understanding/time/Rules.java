package io.smiledesk.understanding.time;

import java.util.ArrayList;
import java.util.List;

/** The grammar's rules, collected from the rule families. */
final class Rules {

	private final List<Rule> rules = new ArrayList<>();

	void add(String name, Rule.Production production, Item... items) {
		rules.add(new Rule(name, production, items));
	}

	static List<Rule> grammar() {
		Rules rules = new Rules();
		NumberRules.addTo(rules);
		ClockRules.addTo(rules);
		PartOfDayRules.addTo(rules);
		DateRules.addTo(rules);
		PeriodRules.addTo(rules);
		RelativeRules.addTo(rules);
		ShiftRules.addTo(rules);
		RangeRules.addTo(rules);
		CombinationRules.addTo(rules);
		return List.copyOf(rules.rules);
	}

}
