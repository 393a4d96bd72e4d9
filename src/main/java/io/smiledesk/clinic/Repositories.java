package io.smiledesk.clinic;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClinicRepository extends JpaRepository<Clinic, Integer> {

}

interface ClosureRepository extends JpaRepository<Closure, UUID> {

}

interface ProviderRepository extends JpaRepository<Provider, String> {

}

interface TimeOffRepository extends JpaRepository<TimeOff, UUID> {

	List<TimeOff> findByProviderIdOrderByStartsAt(String providerId);

}

interface DentalServiceRepository extends JpaRepository<DentalService, String> {

}

interface OperatoryRepository extends JpaRepository<Operatory, String> {

}
