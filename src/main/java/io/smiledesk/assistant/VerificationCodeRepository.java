package io.smiledesk.assistant;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface VerificationCodeRepository extends JpaRepository<VerificationCode, UUID> {

	Optional<VerificationCode> findFirstByConversationIdOrderByCreatedAtDesc(UUID conversationId);

	@Modifying
	@Query("delete from VerificationCode v where v.expiresAt < ?1")
	int deleteExpired(Instant now);

}
