package io.smiledesk.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GmailPushRepository extends JpaRepository<GmailPush, UUID> {

	boolean existsByPubsubMessageId(String pubsubMessageId);

	@Query("select p.id from GmailPush p where p.processedAt is null and p.nextAttemptAt <= ?1 order by p.receivedAt, p.id")
	List<UUID> findDue(Instant now, Pageable page);

	@Modifying
	@Query("delete from GmailPush p where p.processedAt < ?1")
	int deleteProcessedBefore(Instant before);

}

interface GmailMailboxRepository extends JpaRepository<GmailMailbox, Integer> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from GmailMailbox m where m.clinicId = ?1")
	Optional<GmailMailbox> lock(int clinicId);

}
