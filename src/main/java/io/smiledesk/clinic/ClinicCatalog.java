package io.smiledesk.clinic;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read access to the clinic's set-up. The snapshot is cached because every availability
 * query needs all of it; staff changes invalidate it on commit, and it is reloaded at
 * least every 30 seconds for other instances' changes.
 */
@Service
public class ClinicCatalog {

	private static final long MAX_AGE_NANOS = 30_000_000_000L;

	private final ClinicRepository clinics;

	private final ClosureRepository closures;

	private final ProviderRepository providers;

	private final TimeOffRepository timeOff;

	private final DentalServiceRepository services;

	private final OperatoryRepository operatories;

	private final TransactionTemplate readOnly;

	private volatile Cached cached;

	/**
	 * Bumped by every change, so a snapshot read before a change is not cached after it.
	 */
	private final AtomicLong generation = new AtomicLong();

	ClinicCatalog(ClinicRepository clinics, ClosureRepository closures, ProviderRepository providers,
			TimeOffRepository timeOff, DentalServiceRepository services, OperatoryRepository operatories,
			TransactionTemplate transactions) {
		this.clinics = clinics;
		this.closures = closures;
		this.providers = providers;
		this.timeOff = timeOff;
		this.services = services;
		this.operatories = operatories;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	public boolean isConfigured() {
		return clinics.existsById(Clinic.ID);
	}

	public ClinicSnapshot snapshot() {
		Cached current = cached;
		if (current == null || System.nanoTime() - current.loadedAt > MAX_AGE_NANOS) {
			long before = generation.get();
			current = new Cached(readOnly.execute(status -> load()), System.nanoTime());
			if (generation.get() == before) {
				cached = current;
			}
		}
		return current.snapshot;
	}

	/**
	 * Drops the cached snapshot once the current transaction commits (immediately when
	 * there is none).
	 */
	void invalidate() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget();
				}
			});
		}
		else {
			forget();
		}
	}

	private void forget() {
		generation.incrementAndGet();
		cached = null;
	}

	private ClinicSnapshot load() {
		Clinic clinic = clinics.findById(Clinic.ID)
			.orElseThrow(() -> new IllegalStateException("The clinic has not been set up"));
		Map<String, List<TimeOff>> absences = timeOff.findAll()
			.stream()
			.collect(Collectors.groupingBy(TimeOff::providerId));
		List<ProviderInfo> providerViews = providers.findAll()
			.stream()
			.map(provider -> provider.view(absences.getOrDefault(provider.id(), List.of())))
			.sorted(Comparator.comparing(ProviderInfo::id))
			.toList();
		return new ClinicSnapshot(clinic.profile(), clinic.rules(), clinic.openingHours(),
				closures.findAll()
					.stream()
					.map(Closure::view)
					.sorted(Comparator.comparing(ClosureDays::startsOn))
					.toList(),
				services.findAll()
					.stream()
					.map(DentalService::view)
					.sorted(Comparator.comparing(ServiceInfo::name))
					.toList(),
				providerViews,
				operatories.findAll()
					.stream()
					.map(Operatory::view)
					.sorted(Comparator.comparing(OperatoryInfo::id))
					.toList());
	}

	private record Cached(ClinicSnapshot snapshot, long loadedAt) {
	}

}
