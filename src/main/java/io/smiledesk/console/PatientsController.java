package io.smiledesk.console;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.smiledesk.conversation.Conversations;
import io.smiledesk.patient.PatientId;
import io.smiledesk.patient.PatientSummary;
import io.smiledesk.patient.Patients;
import io.smiledesk.system.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding a patient and their record: contact details, appointments, treatment history
 * and conversations. Every member of staff may read (the searches and the record views
 * are audited by the patient module); the front office books from here.
 */
@Controller
class PatientsController {

	private static final int MAX_QUERY = 200;

	private static final int PAGE_SIZE = 25;

	private final Patients patients;

	private final Conversations conversations;

	private final ScheduleViews views;

	PatientsController(Patients patients, Conversations conversations, ScheduleViews views) {
		this.patients = patients;
		this.conversations = conversations;
		this.views = views;
	}

	@ModelAttribute("can")
	ScheduleAccess can() {
		return ScheduleAccess.current();
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping("/console/patients")
	String search(@RequestParam(required = false) String q, Model model, HttpServletResponse response) {
		String query = q == null ? "" : q;
		model.addAttribute("q", query);
		if (query.length() > MAX_QUERY) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("queryError", "patients.search.too-long");
			model.addAttribute("results", List.of());
		}
		else {
			model.addAttribute("results", patients.search(query, 0, PAGE_SIZE).getContent());
		}
		return Boolean.TRUE.equals(model.getAttribute("htmx")) ? "console/patients/search :: results"
				: "console/patients/search";
	}

	@PreAuthorize(Access.ANY_STAFF)
	@GetMapping("/console/patients/{id}")
	String profile(@PathVariable UUID id, Model model) {
		PatientId patientId = new PatientId(id);
		PatientSummary patient = patients.view(patientId).orElseThrow(() -> new ConsoleErrors.NotFound("Patient"));
		model.addAttribute("patient", patient);
		model.addAttribute("visits", views.visits(id));
		model.addAttribute("treatments", patients.history(patientId));
		model.addAttribute("conversations", conversations.forPatient(patientId));
		model.addAttribute("zone", views.clinic().zone());
		return "console/patients/profile";
	}

}
