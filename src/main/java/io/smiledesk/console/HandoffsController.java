package io.smiledesk.console;

import java.time.Duration;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.smiledesk.conversation.ConversationStatus;
import io.smiledesk.conversation.ConversationSummary;
import io.smiledesk.conversation.HandoffClock;
import io.smiledesk.conversation.Conversations;
import io.smiledesk.conversation.MessageView;
import io.smiledesk.staff.StaffPrincipal;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handoff queue and transcripts, live: conversations the assistant handed to staff,
 * urgent first, and the actions the REST API offers (take over, reply, hand back, close),
 * open to every member of staff as there.
 */
@Controller
@RequestMapping("/console/handoffs")
@PreAuthorize(Access.ANY_STAFF)
class HandoffsController {

	static final int QUEUE_LIMIT = 100;

	static final int RECENT_LIMIT = 15;

	static final int TRANSCRIPT_LIMIT = 500;

	private final Conversations conversations;

	private final HandoffStream stream;

	private final OperationsView view;

	private final Clock clock;

	private final HandoffClock handoffClock;

	HandoffsController(Conversations conversations, HandoffStream stream, OperationsView view, Clock clock,
			HandoffClock handoffClock) {
		this.handoffClock = handoffClock;
		this.conversations = conversations;
		this.stream = stream;
		this.view = view;
		this.clock = clock;
	}

	/**
	 * A conversation in a list, with how long the patient has waited and for whom.
	 *
	 * @param overdue unclaimed and waiting past its service level ({@link HandoffClock})
	 */
	record Row(ConversationSummary conversation, Long waitingMinutes, String assignee, boolean overdue) {
	}

	@GetMapping
	String queue(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Map<String, String> names = view.staffNames();
		model.addAttribute("waiting",
				rows(conversations.queue(EnumSet.of(ConversationStatus.HANDOFF_REQUIRED), QUEUE_LIMIT), names));
		model.addAttribute("withStaff",
				rows(conversations.queue(EnumSet.of(ConversationStatus.HUMAN_ACTIVE), QUEUE_LIMIT), names));
		model.addAttribute("recent", rows(
				conversations.recent(EnumSet.of(ConversationStatus.ACTIVE, ConversationStatus.CLOSED), RECENT_LIMIT),
				names));
		model.addAttribute("zone", view.zone());
		return htmx != null ? "console/handoffs/queue :: queue" : "console/handoffs/queue";
	}

	/** Server-sent events: which conversation changed, never what it says. */
	@GetMapping(path = "/events", produces = "text/event-stream")
	ResponseEntity<SseEmitter> events(@AuthenticationPrincipal StaffPrincipal staff) {
		return stream.connect(staff.id())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build());
	}

	/** Opening a conversation is audited (it holds personal data). */
	@GetMapping("/{id}")
	String conversation(@PathVariable UUID id, Model model) {
		if (!model.containsAttribute("reply")) {
			model.addAttribute("reply", new ReplyForm(""));
		}
		return detail(id, model);
	}

	/** The live part of an open conversation: its status and messages. */
	@GetMapping("/{id}/transcript")
	String transcript(@PathVariable UUID id, Model model) {
		try {
			model.addAttribute("status", conversations.status(id));
			model.addAttribute("messages", transcriptOf(id));
		}
		catch (ApiProblem ex) {
			throw notFoundOr(ex);
		}
		model.addAttribute("conversationId", id);
		model.addAttribute("names", view.staffNames());
		model.addAttribute("zone", view.zone());
		return "console/handoffs/conversation :: transcript";
	}

	@PostMapping("/{id}/claim")
	String claim(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
		return act(id, redirect, "handoffs.done.claimed", () -> conversations.claim(id, staff.id()));
	}

	@PostMapping("/{id}/take-over")
	String takeOver(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
		return act(id, redirect, "handoffs.done.taken-over", () -> conversations.takeOver(id, staff.id()));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable UUID id, @Valid @ModelAttribute("reply") ReplyForm reply, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal staff, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return detail(id, model);
		}
		return act(id, redirect, "handoffs.done.replied",
				() -> conversations.reply(id, staff.id(), reply.text().strip()));
	}

	@PostMapping("/{id}/hand-back")
	String handBack(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
		return act(id, redirect, "handoffs.done.handed-back", () -> conversations.handBack(id, staff.id()));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
		return act(id, redirect, "handoffs.done.closed", () -> conversations.close(id, staff.id()));
	}

	/**
	 * Runs a staff action; a refusal (replying before taking over, acting on a closed
	 * conversation) comes back as a message on the conversation's page.
	 */
	private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (ApiProblem ex) {
			if (ex.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
				throw new ConsoleErrors.NotFound("Conversation");
			}
			String type = String.valueOf(ex.getBody().getType());
			redirect.addFlashAttribute("problem", "handoffs.problem." + type.substring(type.lastIndexOf('/') + 1));
			redirect.addFlashAttribute("problemDetail", ex.getBody().getDetail());
		}
		return "redirect:/console/handoffs/" + id;
	}

	/**
	 * A browser that went away while its event stream was open: nothing to answer, and
	 * not a console failure.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void streamGone() {
	}

	private String detail(UUID id, Model model) {
		ConversationSummary conversation = conversations.view(id)
			.orElseThrow(() -> new ConsoleErrors.NotFound("Conversation"));
		Map<String, String> names = view.staffNames();
		model.addAttribute("conversation", rows(List.of(conversation), names).get(0));
		model.addAttribute("conversationId", id);
		model.addAttribute("status", conversation.status());
		model.addAttribute("messages", transcriptOf(id));
		model.addAttribute("names", names);
		model.addAttribute("zone", view.zone());
		return "console/handoffs/conversation";
	}

	private List<MessageView> transcriptOf(UUID id) {
		return conversations.messages(id, 0, TRANSCRIPT_LIMIT).getContent();
	}

	private List<Row> rows(List<ConversationSummary> found, Map<String, String> names) {
		Set<UUID> overdue = handoffClock.overdue(found);
		return found.stream()
			.map(conversation -> new Row(conversation,
					conversation.handoffAt() == null ? null
							: Math.max(0, Duration.between(conversation.handoffAt(), clock.instant()).toMinutes()),
					conversation.assignedTo() == null ? null : names.get(conversation.assignedTo().toString()),
					overdue.contains(conversation.id())))
			.toList();
	}

	private static RuntimeException notFoundOr(ApiProblem ex) {
		return ex.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? new ConsoleErrors.NotFound("Conversation")
				: ex;
	}

	/** A reply to the patient, as long as a chat message may be. */
	record ReplyForm(@NotBlank @Size(max = 2000) String text) {
	}

}
