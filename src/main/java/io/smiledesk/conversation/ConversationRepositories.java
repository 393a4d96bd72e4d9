package io.smiledesk.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ConversationRepository extends JpaRepository<Conversation, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Conversation c where c.id = ?1")
	Optional<Conversation> lock(UUID id);

	@Query("select c from Conversation c where c.status in ?1 order by c.urgency desc nulls last, c.handoffAt asc, c.updatedAt asc")
	List<Conversation> findByStatuses(Collection<ConversationStatus> statuses, Pageable page);

	List<Conversation> findByPatientIdOrderByUpdatedAtDesc(UUID patientId);

	@Query("select c.patientId, max(c.updatedAt) from Conversation c where c.patientId in ?1 group by c.patientId")
	List<Object[]> lastUpdatedByPatient(Collection<UUID> patientIds);

	List<Conversation> findByStatusInOrderByUpdatedAtDesc(Collection<ConversationStatus> statuses, Pageable page);

	Page<Conversation> findByChannelInAndStatusInOrderByUpdatedAtDesc(Collection<ConversationChannel> channels,
			Collection<ConversationStatus> statuses, Pageable page);

}

interface MessageRepository extends JpaRepository<ConversationMessage, UUID> {

	@Query("select m from ConversationMessage m where m.conversationId = ?1 order by m.position")
	Page<ConversationMessage> findPage(UUID conversationId, Pageable page);

	@Query("select m from ConversationMessage m where m.conversationId = ?1 order by m.position desc")
	List<ConversationMessage> findLatest(UUID conversationId, Pageable page);

	boolean existsByConversationIdAndExternalId(UUID conversationId, String externalId);

}

interface EscalationRepository extends JpaRepository<HandoffEscalation, UUID> {

	boolean existsByConversationIdAndRequestedAt(UUID conversationId, java.time.Instant requestedAt);

	List<HandoffEscalation> findByConversationIdAndAnsweredAtIsNull(UUID conversationId);

	List<HandoffEscalation> findAllByOrderByEscalatedAtDesc(Pageable page);

}

interface AssignmentRepository extends JpaRepository<HandoffAssignment, UUID> {

	boolean existsByConversationIdAndRequestedAt(UUID conversationId, java.time.Instant requestedAt);

	boolean existsByConversationIdAndRequestedAtAndMethod(UUID conversationId, java.time.Instant requestedAt,
			AssignmentMethod method);

	/** Those of the conversations whose current request was claimed from the queue. */
	@Query("select distinct c.id from Conversation c, HandoffAssignment a where c.id in ?1 and a.conversationId = c.id"
			+ " and a.requestedAt = c.handoffAt and a.method = ?2")
	List<UUID> claimedNow(Collection<UUID> conversationIds, AssignmentMethod claimed);

	@Query("select coalesce(max(a.turn), 0) from HandoffAssignment a")
	long lastTurn();

	/** Each member of staff's latest turn, as [staff id, turn] pairs. */
	@Query("select a.staffId, max(a.turn) from HandoffAssignment a where a.staffId in ?1 group by a.staffId")
	List<Object[]> lastTurns(Collection<UUID> staffIds);

}
