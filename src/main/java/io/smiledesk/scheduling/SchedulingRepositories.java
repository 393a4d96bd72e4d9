package io.smiledesk.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppointmentRepository extends JpaRepository<Appointment, UUID> {

	long countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(Instant from, Instant to);

	@Query("""
			select a from Appointment a
			where a.startsAt >= :from and a.startsAt < :to
			  and (:providerId is null or a.providerId = :providerId)
			  and (:patientId is null or a.patientId = :patientId)
			  and (a.status in :statuses)
			order by a.startsAt, a.providerId""")
	List<Appointment> findBetween(@Param("from") Instant from, @Param("to") Instant to,
			@Param("providerId") String providerId, @Param("patientId") UUID patientId,
			@Param("statuses") Collection<AppointmentStatus> statuses);

	List<Appointment> findByPatientIdOrderByStartsAtDesc(UUID patientId);

	@Query("select distinct a.patientId from Appointment a where a.patientId in ?1 and a.status in ?2 and a.startsAt > ?3")
	List<UUID> patientsWith(Collection<UUID> patientIds, Collection<AppointmentStatus> statuses, Instant after);

}

interface SlotHoldRepository extends JpaRepository<SlotHold, UUID> {

	@Modifying
	@Query("delete from SlotHold h where h.expiresAt <= :now")
	int deleteExpired(@Param("now") Instant now);

}
