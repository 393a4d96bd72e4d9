package io.smiledesk.campaign;

import java.time.Instant;
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

interface CampaignRepository extends JpaRepository<Campaign, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Campaign c where c.id = ?1")
	Optional<Campaign> lock(UUID id);

	List<Campaign> findByPatientIdInAndStatusIn(Collection<UUID> patientIds, Collection<CampaignStatus> statuses);

	List<Campaign> findByPatientIdOrderByCreatedAtDesc(UUID patientId);

	@Query("select c from Campaign c where c.patientId = ?1 and c.status in ?2 order by c.updatedAt desc")
	List<Campaign> findRecent(UUID patientId, Collection<CampaignStatus> statuses, Pageable page);

	List<Campaign> findByConversationIdAndStatusIn(UUID conversationId, Collection<CampaignStatus> statuses);

	List<Campaign> findByConversationId(UUID conversationId);

	List<Campaign> findByAppointmentId(UUID appointmentId);

	@Query("select c.id from Campaign c where c.status in ?1 and c.nextAttemptAt <= ?2 order by c.nextAttemptAt, c.id")
	List<UUID> findDue(Collection<CampaignStatus> statuses, Instant now, Pageable page);

	@Query("select c from Campaign c where (?1 is null or c.status = ?1) and (?2 is null or c.campaignType = ?2) order by c.updatedAt desc, c.id")
	Page<Campaign> list(CampaignStatus status, CampaignType type, Pageable page);

	long countByStatusIn(Collection<CampaignStatus> statuses);

	long countByCampaignTypeAndStatusIn(CampaignType type, Collection<CampaignStatus> statuses);

	long countByCampaignType(CampaignType type);

}

interface InteractionRepository extends JpaRepository<Interaction, UUID> {

	List<Interaction> findByCampaignIdOrderByOccurredAtAscPositionAsc(UUID campaignId);

	boolean existsByCampaignIdAndMessageId(UUID campaignId, UUID messageId);

	Optional<Interaction> findFirstByCampaignIdOrderByOccurredAtDescPositionDesc(UUID campaignId);

	Optional<Interaction> findByCampaignIdAndMessageId(UUID campaignId, UUID messageId);

}
