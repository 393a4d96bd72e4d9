package io.smiledesk.console;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.smiledesk.knowledge.ClinicQuestions;
import io.smiledesk.knowledge.KnowledgeDocumentView;
import io.smiledesk.knowledge.KnowledgeDocuments;
import io.smiledesk.knowledge.KnowledgeSearch;
import io.smiledesk.staff.StaffPrincipal;
import io.smiledesk.staff.StaffRole;
import io.smiledesk.system.Access;
import io.smiledesk.system.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base, which is what the assistant tells patients: everyone reads it, the
 * front office writes it, only managers delete a document (as in the REST API). Editors
 * see a live preview and can try a question against the answers the chat gives.
 */
@Controller
@RequestMapping("/console/knowledge")
@PreAuthorize(Access.ANY_STAFF)
class KnowledgeController {

	static final int MAX_QUESTION = 500;

	static final int CHUNKS_SHOWN = 5;

	private static final Set<StaffRole> EDITORS = Set.of(StaffRole.ADMIN, StaffRole.OFFICE_MANAGER,
			StaffRole.FRONT_DESK);

	private static final Set<StaffRole> DELETERS = Set.of(StaffRole.ADMIN, StaffRole.OFFICE_MANAGER);

	private final KnowledgeDocuments documents;

	private final KnowledgeSearch search;

	private final List<ClinicQuestions> questions;

	private final OperationsView view;

	KnowledgeController(KnowledgeDocuments documents, KnowledgeSearch search, List<ClinicQuestions> questions,
			OperationsView view) {
		this.documents = documents;
		this.search = search;
		this.questions = questions;
		this.view = view;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("documents", documents.list());
		model.addAttribute("names", view.staffNames());
		model.addAttribute("zone", view.zone());
		roles(staff, model);
		return "console/knowledge/list";
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@GetMapping("/new")
	String create(Model model) {
		model.addAttribute("document", new DocumentForm("", "", "", null));
		return "console/knowledge/edit";
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping
	String create(@Valid @ModelAttribute("document") DocumentForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				KnowledgeDocumentView created = documents.create(form.draft(), staff.id().toString());
				redirect.addFlashAttribute("notice", "knowledge.done.created");
				return "redirect:/console/knowledge/" + created.id();
			}
			catch (InvalidInputException ex) {
				errors.rejectValue(ex.field(), "invalid", ex.getMessage());
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return "console/knowledge/edit";
	}

	/** Editors get the form; everyone else the document as patients' answers use it. */
	@GetMapping("/{id}")
	String document(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
		KnowledgeDocumentView found = find(id);
		roles(staff, model);
		model.addAttribute("found", found);
		model.addAttribute("names", view.staffNames());
		model.addAttribute("zone", view.zone());
		model.addAttribute("html", KnowledgeMarkdown.html(found.body()));
		if (!model.containsAttribute("document")) {
			model.addAttribute("document",
					new DocumentForm(found.title(), found.body(), String.join(", ", found.tags()), found.version()));
		}
		return "console/knowledge/edit";
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("document") DocumentForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal staff, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (!errors.hasErrors()) {
			try {
				Optional<KnowledgeDocumentView> updated = documents.update(id, form.draft(), form.version(),
						staff.id().toString());
				if (updated.isEmpty()) {
					throw new ConsoleErrors.NotFound("Document");
				}
				redirect.addFlashAttribute("notice", "knowledge.done.saved");
				return "redirect:/console/knowledge/" + id;
			}
			catch (InvalidInputException ex) {
				errors.rejectValue(ex.field(), "invalid", ex.getMessage());
			}
			catch (ObjectOptimisticLockingFailureException ex) {
				errors.reject("knowledge.conflict");
				status = HttpStatus.CONFLICT;
			}
		}
		response.setStatus(status.value());
		return document(id, staff, model);
	}

	@PreAuthorize(Access.MANAGERS)
	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable UUID id, Model model) {
		model.addAttribute("found", find(id));
		return "console/knowledge/delete";
	}

	@PreAuthorize(Access.MANAGERS)
	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		if (!documents.delete(id)) {
			throw new ConsoleErrors.NotFound("Document");
		}
		redirect.addFlashAttribute("notice", "knowledge.done.deleted");
		return "redirect:/console/knowledge";
	}

	/** The Markdown being typed, rendered the way the console shows documents. */
	@PostMapping("/preview")
	String preview(@RequestParam(defaultValue = "") String body, Model model, HttpServletResponse response) {
		if (body.getBytes(StandardCharsets.UTF_8).length > KnowledgeDocuments.MAX_BODY_BYTES) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("tooLong", true);
		}
		else {
			model.addAttribute("html", KnowledgeMarkdown.html(body));
		}
		return "console/knowledge/parts :: preview";
	}

	/**
	 * What the assistant would answer a patient: the same answer sources, in the same
	 * order, as the chat; and the best chunks the search found, with their scores.
	 */
	@PostMapping("/try")
	String tryQuestion(@RequestParam(defaultValue = "") String question, Model model, HttpServletResponse response) {
		String asked = question.strip();
		model.addAttribute("question", asked);
		if (asked.isEmpty() || asked.length() > MAX_QUESTION) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("invalid", true);
			return "console/knowledge/parts :: answer";
		}
		model.addAttribute("answer", answer(asked).orElse(null));
		model.addAttribute("chunks", search.search(asked, CHUNKS_SHOWN));
		return "console/knowledge/parts :: answer";
	}

	private Optional<ClinicQuestions.Answer> answer(String question) {
		for (ClinicQuestions source : questions) {
			Optional<ClinicQuestions.Answer> answer = source.answer(question);
			if (answer.isPresent()) {
				return answer;
			}
		}
		return Optional.empty();
	}

	private KnowledgeDocumentView find(UUID id) {
		return documents.find(id).orElseThrow(() -> new ConsoleErrors.NotFound("Document"));
	}

	private static void roles(StaffPrincipal staff, Model model) {
		model.addAttribute("canEdit", EDITORS.contains(staff.role()));
		model.addAttribute("canDelete", DELETERS.contains(staff.role()));
	}

	/**
	 * @param tags comma-separated
	 * @param version the version the editor started from, to refuse overwriting a change
	 * made meanwhile
	 */
	record DocumentForm(@NotBlank @Size(max = KnowledgeDocuments.MAX_TITLE) String title, @NotBlank String body,
			@Size(max = 1_100) String tags, Long version) {

		KnowledgeDocuments.Draft draft() {
			List<String> list = tags == null ? List.of()
					: Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
			return new KnowledgeDocuments.Draft(title, body, list);
		}

	}

}
