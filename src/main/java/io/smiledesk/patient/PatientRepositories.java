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

	Optional<Patient> findByEmail(String email);

	Optional<Patient> findByPhone(String phone);

	@Query("""
			select p from Patient p
			where lower(p.name) like :term escape '\\' or p.email like :term escape '\\' or p.phone like :phone escape '\\'
			order by p.name""")
	Page<Patient> search(@Param("term") String term, @Param("phone") String phone, Pageable page);

}

interface TreatmentRepository extends JpaRepository<Treatment, UUID> {

	List<Treatment> findByPatientIdOrderByPerformedOnDesc(UUID patientId);

}
