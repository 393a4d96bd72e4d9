package io.smiledesk.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code audit-verify}: checks the whole chain, prints the result, exits 1 when it is
 * broken.
 */
@Component
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

	private final AuditTrail trail;

	private int exitCode;

	AuditVerifyCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains("audit-verify")) {
			return;
		}
		AuditTrail.Verification result = trail.verify();
		exitCode = result.valid() ? 0 : 1;
		if (result.valid()) {
			System.out.printf("audit-verify: OK, %d entries, chain intact%n", result.entriesChecked());
		}
		else {
			System.out.printf("audit-verify: BROKEN at entry %d (%s); %d entries before it are intact%n",
					result.firstBrokenId(), result.problem(), result.entriesChecked());
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
