package io.smiledesk.channel;

import java.time.Clock;

import io.smiledesk.conversation.ConversationChannel;

import org.springframework.stereotype.Component;

/** Opt-outs and opt-ins per channel and address (by its hash). */
@Component
class ConsentBook {

	private final ConsentRepository consents;

	private final Clock clock;

	ConsentBook(ConsentRepository consents, Clock clock) {
		this.consents = consents;
		this.clock = clock;
	}

	boolean optedOut(ConversationChannel channel, String addressHash) {
		return consents.findById(new Consent.Key(Clinics.DEFAULT, channel, addressHash))
			.map(Consent::optedOut)
			.orElse(false);
	}

	/** Records the choice; false when it was already so. */
	boolean set(ConversationChannel channel, String addressHash, boolean optedOut) {
		Consent consent = consents.findById(new Consent.Key(Clinics.DEFAULT, channel, addressHash)).orElse(null);
		if (consent == null) {
			if (!optedOut) {
				return false;
			}
			consents.save(new Consent(channel, addressHash, true, clock.instant()));
			return true;
		}
		if (consent.optedOut() == optedOut) {
			return false;
		}
		consent.change(optedOut, clock.instant());
		consents.save(consent);
		return true;
	}

}
