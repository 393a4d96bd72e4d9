package io.smiledesk.campaign;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import io.smiledesk.system.Access;
import io.smiledesk.system.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's recall types: the front office reads them, managers change them (the
 * interval, the services a recall visit is, for whom).
 */
@RestController
@RequestMapping(path = "/api/v1/admin/recall-types", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(Access.FRONT_OFFICE)
class RecallTypeRestController {

	private final RecallTypes types;

	RecallTypeRestController(RecallTypes types) {
		this.types = types;
	}

	/**
	 * @param offered whether the clinic offers one of its services; recalls skip a type
	 * it does not
	 */
	record RecallTypeJson(String code, String name, List<String> services, String interval, String audience,
			boolean offered) {

		static RecallTypeJson of(CampaignProperties.RecallType type, boolean offered) {
			return new RecallTypeJson(type.code(), type.name(), type.services(), type.interval().toString(),
					type.audience(), offered);
		}

	}

	record ChangeJson(@NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 20) List<String> services,
			@NotBlank @Size(max = 20) String interval, @Size(max = 10) String audience) {
	}

	@GetMapping
	Map<String, Object> list() {
		return Map.of("recall_types",
				types.all().stream().map(type -> RecallTypeJson.of(type, types.offered(type))).toList());
	}

	@PutMapping("/{code}")
	@PreAuthorize(Access.MANAGERS)
	RecallTypeJson change(@PathVariable String code, @Valid @RequestBody ChangeJson body) {
		RecallTypes.Outcome outcome = types.change(code,
				new RecallTypes.Change(body.name(), body.services(), body.interval(), body.audience()));
		if (outcome instanceof RecallTypes.Outcome.Rejected rejected) {
			throw new InvalidInputException(rejected.field(), rejected.reason());
		}
		// a change is checked against the clinic's services: what it stores is offered
		return RecallTypeJson.of(((RecallTypes.Outcome.Changed) outcome).type(), true);
	}

}
