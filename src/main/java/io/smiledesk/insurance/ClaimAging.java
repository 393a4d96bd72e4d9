package io.smiledesk.insurance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.smiledesk.payment.Money;

/**
 * Open claims (sent or received, not yet answered) by days since they were sent: 0-30,
 * 31-60, 61-90 and over 90. A pure function.
 */
final class ClaimAging {

	private ClaimAging() {
	}

	record Bucket(String label, List<Claim> claims, Money total) {
	}

	record Report(LocalDate asOf, List<Bucket> buckets, Money total) {
	}

	private static final String[] LABELS = { "0-30", "31-60", "61-90", "90+" };

	static Report of(List<Claim> claims, LocalDate today, String currency) {
		List<List<Claim>> grouped = new ArrayList<>();
		for (int i = 0; i < LABELS.length; i++) {
			grouped.add(new ArrayList<>());
		}
		for (Claim claim : claims) {
			if (!claim.status().open() || !claim.currency().equals(currency)) {
				continue;
			}
			long days = Math.max(0, claim.daysSinceSent(today).orElse(0));
			grouped.get(index(days)).add(claim);
		}
		List<Bucket> buckets = new ArrayList<>();
		Money total = Money.zero(currency);
		for (int i = 0; i < LABELS.length; i++) {
			Money sum = grouped.get(i).stream().map(Claim::total).reduce(Money.zero(currency), Money::plus);
			buckets.add(new Bucket(LABELS[i], List.copyOf(grouped.get(i)), sum));
			total = total.plus(sum);
		}
		return new Report(today, List.copyOf(buckets), total);
	}

	static int index(long days) {
		return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
	}

}
