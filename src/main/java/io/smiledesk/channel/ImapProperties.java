package io.smiledesk.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's own mailbox, for clinics without Google Workspace. Unset host, nothing is
 * read. The password comes from the environment ({@code SMILEDESK_IMAP_PASSWORD}).
 *
 * @param port the server's port; unset, 993 with SSL and 143 without
 * @param folder the folder patients' mail arrives in
 * @param pollInterval how often the mailbox is polled, with IDLE too (a safety net)
 * @param idle whether to wait for new mail with IMAP IDLE where the server supports it
 * @param idleRenew how long one IDLE command may last before it is renewed (servers drop
 * it after about 30 minutes)
 * @param timeout connecting to and reading from the server, outside IDLE
 */
@ConfigurationProperties("smiledesk.channels.imap")
record ImapProperties(String host, Integer port, String username, String password, @DefaultValue("INBOX") String folder,
		@DefaultValue("true") boolean ssl, @DefaultValue("PT1M") Duration pollInterval,
		@DefaultValue("true") boolean idle, @DefaultValue("PT9M") Duration idleRenew,
		@DefaultValue("PT30S") Duration timeout) {

	boolean enabled() {
		return ChannelProperties.present(host);
	}

	int portOrDefault() {
		return port != null ? port : ssl ? 993 : 143;
	}

	/** The cursor's name: one mailbox folder on one server for one user. */
	String mailboxKey() {
		return (username == null ? "" : username) + "@" + host + ":" + portOrDefault() + "/" + folder;
	}

}
