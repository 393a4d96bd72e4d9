package io.smiledesk.channel;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.conversation.ConversationChannel;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageDeliveries;
import io.smiledesk.system.Access;
import io.smiledesk.system.ConsolePage;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's inbox, beside the module it shows: conversations on every channel with
 * their latest message and how it was delivered, and the messages that did not go out,
 * each with a button to send it again. Live through the handoff screens' event stream.
 */
@Controller
@ConsolePage
@RequestMapping("/console/inbox")
@PreAuthorize(Access.ANY_STAFF)
class InboxConsoleController {

	static final int PAGE_SIZE = 50;

	private static final Set<OutboundMessage.Status> NOT_OUT = EnumSet.of(OutboundMessage.Status.FAILED,
			OutboundMessage.Status.UNDELIVERED, OutboundMessage.Status.NOT_SENT);

	private final Conversations conversations;

	private final Outbox outbox;

	private final OutboundRepository outbound;

	private final ClinicCatalog catalog;

	InboxConsoleController(Conversations conversations, Outbox outbox, OutboundRepository outbound,
			ClinicCatalog catalog) {
		this.conversations = conversations;
		this.outbox = outbox;
		this.outbound = outbound;
		this.catalog = catalog;
	}

	/** A conversation in the list, with its latest message's delivery, if it was sent. */
	record Row(Conversations.InboxEntry entry, MessageDeliveries.Delivery delivery) {
	}

	/** A message that did not go out; the recipient is shown masked. */
	record Undelivered(UUID messageId, UUID conversationId, ConversationChannel channel, String to, String status,
			int attempts, String error, java.time.Instant updatedAt) {
	}

	@GetMapping
	@Transactional(readOnly = true)
	String inbox(@RequestParam(required = false) ConversationChannel channel,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<Conversations.InboxEntry> entries = conversations
			.inbox(channel == null ? Set.of() : Set.of(channel), Set.of(), 0, PAGE_SIZE)
			.getContent();
		Map<UUID, MessageDeliveries.Delivery> deliveries = outbox.of(entries.stream()
			.filter(entry -> entry.lastMessage() != null)
			.map(entry -> entry.lastMessage().id())
			.toList());
		model.addAttribute("rows", entries.stream()
			.map(entry -> new Row(entry, entry.lastMessage() == null ? null : deliveries.get(entry.lastMessage().id())))
			.toList());
		model.addAttribute("undelivered",
				outbound.findByStatusInOrderByUpdatedAtDesc(NOT_OUT, PageRequest.of(0, PAGE_SIZE))
					.stream()
					.map(message -> new Undelivered(message.conversationMessageId(), message.conversationId(),
							message.channel(), mask(message.recipient()), message.status().json(), message.attempts(),
							message.lastError(), message.updatedAt()))
					.toList());
		model.addAttribute("channels", ConversationChannel.values());
		model.addAttribute("channel", channel);
		model.addAttribute("zone", catalog.snapshot().zone());
		return htmx != null ? "console/inbox :: inbox" : "console/inbox";
	}

	@PostMapping("/messages/{id}/retry")
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		outbox.retry(id).ifPresentOrElse(retried -> {
			if (retried.accepted()) {
				redirect.addFlashAttribute("notice", "inbox.retried");
			}
			else {
				redirect.addFlashAttribute("problem", "inbox.not-retryable");
				redirect.addFlashAttribute("problemArgument", retried.delivery().status());
			}
		}, () -> redirect.addFlashAttribute("problem", "inbox.not-retryable"));
		return "redirect:/console/inbox";
	}

	// +12015550123 as +1•••••••123, ana@example.com as a•••@example.com
	static String mask(String address) {
		int at = address.indexOf('@');
		if (at > 0) {
			return address.charAt(0) + "•••" + address.substring(at);
		}
		int keep = Math.min(3, address.length());
		return address.substring(0, Math.min(2, address.length())) + "•".repeat(Math.max(0, address.length() - 5))
				+ address.substring(address.length() - keep);
	}

}
