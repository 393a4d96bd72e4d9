package io.smiledesk.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CarrierRepository extends JpaRepository<Carrier, UUID> {

	List<Carrier> findByClinicIdOrderByName(int clinicId);

	Optional<Carrier> findByClinicIdAndNameIgnoreCase(int clinicId, String name);

}

interface PlanRepository extends JpaRepository<Plan, UUID> {

	boolean existsByClinicIdAndCurrency(int clinicId, String currency);

	List<Plan> findByClinicIdAndCarrierIdOrderByName(int clinicId, UUID carrierId);

}

interface SubscriberRepository extends JpaRepository<Subscriber, UUID> {

	Optional<Subscriber> findByClinicIdAndPlanIdAndMemberIdHash(int clinicId, UUID planId, String memberIdHash);

	List<Subscriber> findByMemberIdHashIsNull();

}

interface CoverageRepository extends JpaRepository<Coverage, UUID> {

	List<Coverage> findByClinicIdAndPatientIdOrderByPriorityAscEffectiveOnDesc(int clinicId, UUID patientId);

}

interface ClaimRepository extends JpaRepository<Claim, UUID> {

	boolean existsByClinicIdAndCurrency(int clinicId, String currency);

	List<Claim> findByClinicIdOrderByCreatedAtDesc(int clinicId);

	List<Claim> findByClinicIdAndStatusInOrderBySentOn(int clinicId, Collection<ClaimStatus> statuses);

	boolean existsByClinicIdAndCoverageId(int clinicId, UUID coverageId);

	Optional<Claim> findByClinicIdAndInvoiceIdAndCoverageId(int clinicId, UUID invoiceId, UUID coverageId);

	/** What the insurer paid on a coverage's claims for visits in [from, to). */
	@Query("""
			select coalesce(sum(l.paid), 0) from Claim c join c.lines l
			where c.clinicId = :clinic and c.coverageId = :coverage and c.serviceDate >= :from
			and c.serviceDate < :to and c.invoiceId <> :excluded""")
	BigDecimal paidInYear(@Param("clinic") int clinic, @Param("coverage") UUID coverage, @Param("from") LocalDate from,
			@Param("to") LocalDate to, @Param("excluded") UUID excluded);

	/** How much of the deductible claims not denied took, for visits in [from, to). */
	@Query("""
			select coalesce(sum(l.deductibleApplied), 0) from Claim c join c.lines l
			where c.clinicId = :clinic and c.coverageId = :coverage and c.serviceDate >= :from
			and c.serviceDate < :to and c.invoiceId <> :excluded
			and c.status <> io.smiledesk.insurance.ClaimStatus.DENIED""")
	BigDecimal deductibleInYear(@Param("clinic") int clinic, @Param("coverage") UUID coverage,
			@Param("from") LocalDate from, @Param("to") LocalDate to, @Param("excluded") UUID excluded);

}
