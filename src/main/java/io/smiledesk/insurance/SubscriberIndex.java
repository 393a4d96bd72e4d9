package io.smiledesk.insurance;

import io.smiledesk.system.FieldCipher;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives subscribers written before member ids were encrypted their lookup hash, once at
 * start (the migration cannot compute a keyed hash); afterwards there are none to fill.
 */
@Component
class SubscriberIndex implements ApplicationRunner {

	private final SubscriberRepository subscribers;

	private final FieldCipher cipher;

	SubscriberIndex(SubscriberRepository subscribers, FieldCipher cipher) {
		this.subscribers = subscribers;
		this.cipher = cipher;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		fill();
	}

	@Transactional
	int fill() {
		int filled = 0;
		for (Subscriber subscriber : subscribers.findByMemberIdHashIsNull()) {
			subscriber.index(cipher.blindIndex(Subscriber.normalise(subscriber.memberId())));
			filled++;
		}
		return filled;
	}

}
