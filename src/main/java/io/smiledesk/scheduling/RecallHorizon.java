package io.smiledesk.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.smiledesk.clinic.ServiceInfo;

/**
 * How far ahead patients may book: the clinic's horizon, or longer for a recall visit
 * (the next cleaning in six months is booked at the end of this one, past a 90-day
 * horizon).
 */
record RecallHorizon(Set<String> services, Duration recall) {

	static final RecallHorizon NONE = new RecallHorizon(Set.of(), Duration.ZERO);

	static RecallHorizon of(List<String> services, Duration recall) {
		return new RecallHorizon(services.stream().map(RecallHorizon::key).collect(Collectors.toSet()), recall);
	}

	Duration forService(ServiceInfo service, Duration clinic) {
		boolean recallVisit = services.contains(key(service.id())) || services.contains(key(service.name()));
		return recallVisit && recall.compareTo(clinic) > 0 ? recall : clinic;
	}

	private static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
