package io.smiledesk.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who gets a freed time first, as a pure function: only entries whose window (days and
 * parts of day) holds the time, that have not lapsed, whose service fits the time (the
 * caller's test against availability) and, for a move, that are earlier than the
 * appointment they have; then whoever was not offered a time recently, then whoever has
 * waited longest.
 */
final class Ranking {

	/**
	 * @param moving the entry wants an existing appointment moved earlier
	 * @param movingStart that appointment's start, or null when it is no longer open
	 */
	record Candidate(UUID entryId, String serviceId, LocalDate earliest, LocalDate latest, Set<PartOfDay> parts,
			Instant expiresAt, Instant createdAt, Instant lastOfferedAt, boolean moving, Instant movingStart) {
	}

	private final ZoneId zone;

	private final Duration recentlyOffered;

	Ranking(ZoneId zone, Duration recentlyOffered) {
		this.zone = zone;
		this.recentlyOffered = recentlyOffered;
	}

	List<Candidate> rank(Instant start, Instant now, List<Candidate> candidates, Predicate<Candidate> fits) {
		ZonedDateTime local = start.atZone(zone);
		LocalDate day = local.toLocalDate();
		PartOfDay part = PartOfDay.of(local.toLocalTime());
		Instant recent = now.minus(recentlyOffered);
		return candidates.stream()
			.filter(candidate -> !day.isBefore(candidate.earliest()) && !day.isAfter(candidate.latest()))
			.filter(candidate -> candidate.parts().contains(part))
			.filter(candidate -> now.isBefore(candidate.expiresAt()))
			.filter(candidate -> !candidate.moving()
					|| (candidate.movingStart() != null && start.isBefore(candidate.movingStart())))
			.sorted(Comparator
				.comparing((Candidate candidate) -> candidate.lastOfferedAt() != null
						&& candidate.lastOfferedAt().isAfter(recent))
				.thenComparing(Candidate::createdAt)
				.thenComparing(Candidate::entryId))
			.filter(fits)
			.toList();
	}

}
