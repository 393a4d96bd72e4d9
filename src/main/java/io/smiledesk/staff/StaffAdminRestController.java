package io.smiledesk.staff;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/admin/staff", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.ADMIN)
class StaffAdminRestController {

	private final StaffAccounts accounts;

	StaffAdminRestController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	List<StaffMember> list() {
		return accounts.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	StaffMember create(@Valid @RequestBody NewAccount request) {
		return accounts.create(request.name().trim(), request.email(), request.role(), request.password());
	}

	@PutMapping("/{id}")
	StaffMember update(@PathVariable UUID id, @Valid @RequestBody AccountChange request) {
		return accounts.update(id, request.name().trim(), request.role(), request.active());
	}

	@PostMapping("/{id}/unlock")
	StaffMember unlock(@PathVariable UUID id) {
		return accounts.unlock(id);
	}

	@ExceptionHandler(StaffRefused.class)
	ApiProblem refused(StaffRefused refused) {
		return StaffProblems.of(refused);
	}

	record NewAccount(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 254) String email,
			@NotNull StaffRole role, @NotBlank @Size(max = 128) String password) {
	}

	record AccountChange(@NotBlank @Size(max = 200) String name, @NotNull StaffRole role, boolean active) {
	}

}
