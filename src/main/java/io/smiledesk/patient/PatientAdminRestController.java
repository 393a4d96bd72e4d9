package io.smiledesk.patient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import io.smiledesk.clinic.ClinicCatalog;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;
import io.smiledesk.system.InvalidInputException;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@PreAuthorize(Access.ANY_STAFF)
@RestController
@Validated
@RequestMapping(path = "/api/v1/admin/patients", produces = MediaType.APPLICATION_JSON_VALUE)
class PatientAdminRestController {

	private final Patients patients;

	private final ClinicCatalog catalog;

	private final Clock clock;

	PatientAdminRestController(Patients patients, ClinicCatalog catalog, Clock clock) {
		this.patients = patients;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping
	PatientPage search(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		Page<PatientSummary> result = patients.search(q, page, size);
		return new PatientPage(result.getContent().stream().map(PatientJson::of).toList(), result.getNumber(),
				result.getSize(), result.getTotalElements());
	}

	@GetMapping("/{id}")
	PatientDetail patient(@PathVariable UUID id) {
		PatientId patientId = new PatientId(id);
		PatientSummary patient = patients.view(patientId)
			.orElseThrow(() -> ApiProblem.notFound("patient", "No patient with id " + id + "."));
		return new PatientDetail(PatientJson.of(patient), patients.history(patientId));
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PatientJson create(@Valid @RequestBody PatientRequest request) {
		return PatientJson.of(patients.register(request.toNewPatient(patients)));
	}

	@PreAuthorize(Access.FRONT_OFFICE)
	@PutMapping("/{id}")
	PatientJson update(@PathVariable UUID id, @Valid @RequestBody PatientRequest request) {
		return PatientJson.of(patients.update(new PatientId(id), request.toNewPatient(patients)));
	}

	@PreAuthorize(Access.ADMIN)
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		patients.delete(new PatientId(id));
	}

	@PreAuthorize(Access.CLINICIANS)
	@PostMapping("/{id}/treatments")
	@ResponseStatus(HttpStatus.CREATED)
	TreatmentRecord addTreatment(@PathVariable UUID id, @Valid @RequestBody TreatmentRequest request) {
		if (request.performedOn().isAfter(LocalDate.now(clock.withZone(catalog.snapshot().zone())))) {
			throw new InvalidInputException("performed_on", "must not be in the future");
		}
		if (request.nextFollowUpDate() != null && request.nextFollowUpDate().isBefore(request.performedOn())) {
			throw new InvalidInputException("next_follow_up_date", "must not be before performed_on");
		}
		return patients.recordTreatment(new PatientId(id), new TreatmentRecord(null, request.procedure(),
				request.performedOn(), request.nextRecommended(), request.nextFollowUpDate(), null));
	}

	record PatientRequest(@NotBlank @Size(max = 200) String name, @Size(max = 254) String email,
			@Size(max = 32) String phone, @Past LocalDate dateOfBirth, PatientType patientType,
			Channel preferredChannel) {

		Patients.NewPatient toNewPatient(Patients patients) {
			return new Patients.NewPatient(name.trim(), patients.contact(email, phone), dateOfBirth, patientType,
					preferredChannel);
		}

	}

	record TreatmentRequest(@NotBlank @Size(max = 200) String procedure, @NotNull LocalDate performedOn,
			@Size(max = 200) String nextRecommended, LocalDate nextFollowUpDate) {
	}

	record PatientJson(UUID patientId, String name, String email, String phone, LocalDate dateOfBirth,
			PatientType patientType, Channel preferredChannel, LocalDate nextFollowUpDate, Instant createdAt,
			Instant updatedAt) {

		static PatientJson of(PatientSummary patient) {
			return new PatientJson(patient.id().value(), patient.name(), patient.email(), patient.phone(),
					patient.dateOfBirth(), patient.patientType(), patient.preferredChannel(),
					patient.nextFollowUpDate(), patient.createdAt(), patient.updatedAt());
		}

	}

	record PatientDetail(PatientJson patient, List<TreatmentRecord> treatmentHistory) {
	}

	record PatientPage(List<PatientJson> patients, int page, int size, long total) {
	}

}
