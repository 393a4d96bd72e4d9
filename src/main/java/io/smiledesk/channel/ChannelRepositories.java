package io.smiledesk.channel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import io.smiledesk.conversation.ConversationChannel;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InboundRepository extends JpaRepository<InboundMessage, UUID> {

	boolean existsByChannelAndProviderMessageId(ConversationChannel channel, String providerMessageId);

	/** Due now, oldest first, so that one thread's messages are answered in order. */
	@Query("select m.id from InboundMessage m where (m.status = 'RECEIVED' or m.status = 'PROCESSING') and m.nextAttemptAt <= ?1 order by m.receivedAt, m.id")
	List<UUID> findDue(Instant now, Pageable page);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from InboundMessage m where m.id = ?1")
	Optional<InboundMessage> lock(UUID id);

}

interface ThreadRepository extends JpaRepository<ChannelThread, UUID> {

	Optional<ChannelThread> findByChannelAndThreadKey(ConversationChannel channel, String threadKey);

	Optional<ChannelThread> findByConversationId(UUID conversationId);

	List<ChannelThread> findByConversationIdIn(Collection<UUID> conversationIds);

}

interface OutboundRepository extends JpaRepository<OutboundMessage, UUID> {

	@Query("select m.id from OutboundMessage m where (m.status = 'PENDING' and m.nextAttemptAt <= ?1) or (m.status = 'SENDING' and m.claimedUntil <= ?1) order by m.createdAt, m.id")
	List<UUID> findDue(Instant now, Pageable page);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from OutboundMessage m where m.id = ?1")
	Optional<OutboundMessage> lock(UUID id);

	Optional<OutboundMessage> findByProviderMessageId(String providerMessageId);

	Optional<OutboundMessage> findByConversationMessageId(UUID conversationMessageId);

	boolean existsByIdempotencyKey(String idempotencyKey);

	List<OutboundMessage> findByStatusInOrderByUpdatedAtDesc(Collection<OutboundMessage.Status> statuses,
			Pageable page);

	List<OutboundMessage> findByConversationMessageIdIn(Collection<UUID> conversationMessageIds);

	@Query("select m.createdAt from OutboundMessage m where m.kind = 'PROACTIVE' and m.recipientHash = ?1 and m.createdAt >= ?2")
	List<Instant> proactiveSince(String recipientHash, Instant since);

}

interface ConsentRepository extends JpaRepository<Consent, Consent.Key> {

}

interface DeadLetterRepository extends JpaRepository<DeadLetter, UUID> {

	List<DeadLetter> findAllByOrderByReceivedAtDesc(Pageable page);

}
