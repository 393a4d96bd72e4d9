package io.smiledesk.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WaitlistEntryRepository extends JpaRepository<WaitlistEntry, UUID> {

	/** Entries waiting whose window covers the day. */
	@Query("select e from WaitlistEntry e where e.status = ?1 and e.earliest <= ?2 and e.latest >= ?2 and e.expiresAt > ?3")
	List<WaitlistEntry> findCovering(EntryStatus status, LocalDate day, Instant now);

	@Query("select e from WaitlistEntry e order by e.createdAt desc, e.id")
	List<WaitlistEntry> listed(Pageable page);

	List<WaitlistEntry> findByStatusOrderByCreatedAtAscIdAsc(EntryStatus status, Pageable page);

	List<WaitlistEntry> findByPatientIdAndServiceIdAndStatus(UUID patientId, String serviceId, EntryStatus status);

	List<WaitlistEntry> findByStatusAndExpiresAtLessThanEqual(EntryStatus status, Instant now);

	List<WaitlistEntry> findByAppointmentIdAndStatus(UUID appointmentId, EntryStatus status);

}

interface FreedSlotRepository extends JpaRepository<FreedSlot, UUID> {

	/**
	 * The one place that decides who was first: only one offer moves the slot out of
	 * OPEN.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update FreedSlot s set s.status = io.smiledesk.waitlist.FreedSlot.Status.CLAIMED, s.claimedByOfferId = ?2, s.claimedAt = ?3 where s.id = ?1 and s.status = io.smiledesk.waitlist.FreedSlot.Status.OPEN")
	int claim(UUID slotId, UUID offerId, Instant now);

	/** Gives back a claim whose booking did not finish (the instance stopped). */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update FreedSlot s set s.status = io.smiledesk.waitlist.FreedSlot.Status.OPEN, s.claimedByOfferId = null where s.status = io.smiledesk.waitlist.FreedSlot.Status.CLAIMED and s.claimedAt < ?1")
	int releaseStaleClaims(Instant before);

	List<FreedSlot> findByStatusOrderByFreedAt(FreedSlot.Status status);

	@Query("select s from FreedSlot s where s.startsAt >= ?1 and s.startsAt < ?2 order by s.startsAt, s.id")
	List<FreedSlot> startingBetween(Instant from, Instant to, Pageable page);

	Optional<FreedSlot> findBySourceIdAndStartsAt(UUID sourceId, Instant startsAt);

}

interface WaitlistOfferRepository extends JpaRepository<WaitlistOffer, UUID> {

	List<WaitlistOffer> findBySlotId(UUID slotId);

	List<WaitlistOffer> findBySlotIdInOrderBySentAtAscIdAsc(Collection<UUID> slotIds);

	List<WaitlistOffer> findBySlotIdAndStatus(UUID slotId, OfferStatus status);

	List<WaitlistOffer> findByEntryIdInAndStatus(Collection<UUID> entryIds, OfferStatus status);

	List<WaitlistOffer> findByStatusAndExpiresAtLessThanEqual(OfferStatus status, Instant now);

	@Query("select o from WaitlistOffer o where o.sentAt >= ?1 and o.sentAt < ?2 order by o.sentAt, o.id")
	List<WaitlistOffer> sentBetween(Instant from, Instant to, Pageable page);

	/** The latest offer written to a conversation: the one a reply there answers. */
	Optional<WaitlistOffer> findFirstByConversationIdOrderBySentAtDesc(UUID conversationId);

}
