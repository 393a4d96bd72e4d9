package io.smiledesk.staff;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.smiledesk.staff.StaffEvents.StaffAccountChanged;
import io.smiledesk.system.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and managing staff accounts (administrators only). */
@Service
@Transactional
public class StaffAccounts {

	private final StaffUserRepository users;

	private final StaffAuthentication authentication;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffAccounts(StaffUserRepository users, StaffAuthentication authentication, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.authentication = authentication;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	public StaffMember create(String name, String email, StaffRole role, String password) {
		String normalised = StaffAuthentication.normalise(email);
		if (!normalised.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			throw new InvalidInputException("email", "is not a valid email address");
		}
		PasswordPolicy.problem(password, normalised).ifPresent(problem -> {
			throw new InvalidInputException("password", problem);
		});
		if (users.findByEmail(normalised).isPresent()) {
			throw StaffRefused.conflict("staff-exists", "A staff account with this email already exists.");
		}
		StaffUser user = users.save(new StaffUser(name, normalised, role, passwords.encode(password), clock.instant()));
		events.publishEvent(new StaffAccountChanged(user.id(), "created as " + role));
		return user.view();
	}

	@Transactional(readOnly = true)
	public List<StaffMember> list() {
		return users.findAllByOrderByName().stream().map(StaffUser::view).toList();
	}

	@Transactional(readOnly = true)
	public boolean exists(String email) {
		return users.findByEmail(StaffAuthentication.normalise(email)).isPresent();
	}

	public StaffMember update(UUID id, String name, StaffRole role, boolean active) {
		StaffUser user = find(id);
		boolean losesAdmin = user.role() == StaffRole.ADMIN && user.active() && (role != StaffRole.ADMIN || !active);
		if (losesAdmin && users.findAllByOrderByName()
			.stream()
			.filter(other -> other.role() == StaffRole.ADMIN && other.active())
			.count() <= 1) {
			throw StaffRefused.conflict("last-administrator",
					"This is the last active administrator; make someone else an administrator first.");
		}
		user.update(name, role, active, clock.instant());
		if (!active) {
			authentication.logoutEverywhere(id);
		}
		events.publishEvent(new StaffAccountChanged(id, "role " + role + ", active " + active));
		return user.view();
	}

	public StaffMember unlock(UUID id) {
		StaffUser user = find(id);
		user.unlock(clock.instant());
		events.publishEvent(new StaffAccountChanged(id, "unlocked"));
		return user.view();
	}

	private StaffUser find(UUID id) {
		return users.findById(id).orElseThrow(() -> StaffRefused.notFound(id));
	}

}
