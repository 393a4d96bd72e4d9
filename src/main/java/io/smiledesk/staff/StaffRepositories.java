package io.smiledesk.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUserRepository extends JpaRepository<StaffUser, UUID> {

	Optional<StaffUser> findByEmail(String email);

	List<StaffUser> findAllByOrderByName();

}

interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

	Optional<RefreshToken> findByTokenHash(String tokenHash);

	List<RefreshToken> findByFamilyId(UUID familyId);

	List<RefreshToken> findByUserId(UUID userId);

}
