package io.smiledesk.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffUserRepository extends JpaRepository<StaffUser, UUID> {

	Optional<StaffUser> findByEmail(String email);

	List<StaffUser> findAllByOrderByName();

}

interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

	Optional<RefreshToken> findByTokenHash(String tokenHash);

	/**
	 * Marks the token used unless it already was: 1 for the one request that gets to use
	 * it, 0 for any other.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update RefreshToken t set t.usedAt = :now where t.id = :id and t.usedAt is null")
	int markUsed(@Param("id") UUID id, @Param("now") Instant now);

	List<RefreshToken> findByFamilyId(UUID familyId);

	List<RefreshToken> findByUserId(UUID userId);

}

interface StaffDutyRepository extends JpaRepository<StaffDuty, UUID> {

	List<StaffDuty> findByStaffId(UUID staffId);

	List<StaffDuty> findByDay(java.time.DayOfWeek day);

	@Modifying(flushAutomatically = true)
	@Query("delete from StaffDuty d where d.staffId = :staffId")
	void deleteByStaff(@Param("staffId") UUID staffId);

}
