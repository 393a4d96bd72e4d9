package io.smiledesk.campaign;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ServiceInfo;

import org.springframework.stereotype.Component;

/**
 * What the clinic's recall types (by default prophylaxis every 6 months and a day,
 * periodontal maintenance every 4, children's cleanings every 6; managers edit them) mean
 * for a visit: which visits count as one, when the next is due, and what the patient is
 * told is due.
 */
@Component
class Recalls {

	private final RecallTypes types;

	Recalls(RecallTypes types) {
		this.types = types;
	}

	/** The recall type a visit of this service is, for a patient born on that day. */
	Optional<CampaignProperties.RecallType> typeOf(String serviceName, LocalDate birth, LocalDate visit) {
		return typeOf(types.inForce(), serviceName, birth, visit);
	}

	/**
	 * As {@link #typeOf(String, LocalDate, LocalDate)}, among types read once per page.
	 */
	static Optional<CampaignProperties.RecallType> typeOf(List<CampaignProperties.RecallType> types, String serviceName,
			LocalDate birth, LocalDate visit) {
		boolean child = birth != null && Period.between(birth, visit).getYears() < 14;
		Optional<CampaignProperties.RecallType> forAge = types.stream()
			.filter(type -> matches(type, serviceName) && ("child".equals(type.audience()) == child))
			.findFirst();
		return forAge
			.or(() -> types.stream().filter(type -> matches(type, serviceName) && type.audience() == null).findFirst());
	}

	/** When the next visit is due after one on {@code visit}. */
	LocalDate nextDue(CampaignProperties.RecallType type, LocalDate visit) {
		return visit.plus(type.interval());
	}

	/** The service a recall books: the type's first service the clinic offers. */
	Optional<ServiceInfo> service(CampaignProperties.RecallType type, ClinicSnapshot clinic) {
		return type.services().stream().map(clinic::service).flatMap(Optional::stream).findFirst();
	}

	/**
	 * The types in force, those with a service the clinic offers (one read, for a page of
	 * patients).
	 */
	List<CampaignProperties.RecallType> all() {
		return types.inForce();
	}

	private static boolean matches(CampaignProperties.RecallType type, String serviceName) {
		return serviceName != null && type.services()
			.stream()
			.anyMatch(service -> service.toLowerCase(Locale.ROOT).equals(serviceName.toLowerCase(Locale.ROOT)));
	}

}
