package io.smiledesk.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words about deposits, from one bundle ({@code i18n/payment.properties}), so the
 * API, the chat, Stripe's payment page and the patient's messages say the same.
 */
@Component
class DepositWording {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' h:mm a",
			Locale.ENGLISH);

	private final MessageSource messages;

	DepositWording(MessageSource messages) {
		this.messages = messages;
	}

	String policy(Duration notice) {
		return text("deposit.policy", notice.toHours());
	}

	String item(String serviceName) {
		return text("deposit.item", serviceName);
	}

	String releasedSubject() {
		return text("deposit.released.subject");
	}

	String released(Money money, String serviceName, Instant start, ZoneId zone) {
		return text("deposit.released", money.amount().toPlainString() + " " + money.currency(), serviceName,
				WHEN.format(start.atZone(zone)));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ENGLISH);
	}

}
