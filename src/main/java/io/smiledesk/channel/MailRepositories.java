package io.smiledesk.channel;

import java.util.List;
import java.util.UUID;

import io.smiledesk.conversation.ConversationChannel;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ImapMailboxRepository extends JpaRepository<ImapMailbox, ImapMailbox.Key> {

}

/**
 * What email threading needs to know of earlier messages: which thread an email id
 * belongs to, and every id in a conversation (for References).
 */
interface MailHistory extends Repository<ChannelThread, UUID> {

	@Query("select count(t) > 0 from ChannelThread t where t.channel = ?1 and t.threadKey = ?2")
	boolean threadExists(ConversationChannel channel, String threadKey);

	/** The thread of a message SmileDesk sent (a patient answering SmileDesk's reply). */
	@Query("select t.threadKey from ChannelThread t, OutboundMessage o where o.channel = ?1 and o.providerMessageId = ?2 and t.conversationId = o.conversationId")
	List<String> threadOfSent(ConversationChannel channel, String providerMessageId);

	@Query("select m.threadKey from InboundMessage m where m.channel = ?1 and m.providerMessageId = ?2")
	List<String> threadOfReceived(ConversationChannel channel, String providerMessageId);

	@Query("select t.threadKey from ChannelThread t, OutboundMessage o where o.id = ?1 and t.conversationId = o.conversationId")
	List<String> threadOfOutbound(UUID outboundId);

	/** Ids of the thread's messages either way, with when each was written, unordered. */
	@Query("select m.providerMessageId, m.receivedAt from InboundMessage m, ChannelThread t, OutboundMessage o where o.id = ?1 and t.conversationId = o.conversationId and m.channel = t.channel and m.threadKey = t.threadKey")
	List<Object[]> receivedIds(UUID outboundId);

	@Query("select s.providerMessageId, s.createdAt from OutboundMessage s, OutboundMessage o where o.id = ?1 and s.conversationId = o.conversationId and s.providerMessageId is not null and s.id <> o.id")
	List<Object[]> sentIds(UUID outboundId);

}
