package io.smiledesk.patient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PatientRepository extends JpaRepository<Patient, UUID> {

	Optional<Patient> findByEmailHash(String emailHash);

	Optional<Patient> findByPhoneHash(String phoneHash);

	/**
	 * By a fragment of the name, or by an exact email or phone (contact details are
	 * encrypted).
	 */
	@Query("""
			select p from Patient p
			where lower(p.name) like :term escape '\\' or p.emailHash = :emailHash or p.phoneHash = :phoneHash
			order by p.name""")
	Page<Patient> search(@Param("term") String term, @Param("emailHash") String emailHash,
			@Param("phoneHash") String phoneHash, Pageable page);

	@Query("select p.id from Patient p where p.patientType = ?1 order by p.createdAt, p.id")
	List<UUID> idsOfType(PatientType type, Pageable page);

	@Query("select p.id from Patient p where p.patientType = io.smiledesk.patient.PatientType.EXISTING and p.nextFollowUpDate <= ?1 order by p.nextFollowUpDate, p.id")
	List<UUID> dueForFollowUp(java.time.LocalDate by, Pageable page);

}

interface TreatmentRepository extends JpaRepository<Treatment, UUID> {

	List<Treatment> findByPatientIdOrderByPerformedOnDesc(UUID patientId);

	List<Treatment> findByPatientIdInOrderByPerformedOnDesc(java.util.Collection<UUID> patientIds);

}
