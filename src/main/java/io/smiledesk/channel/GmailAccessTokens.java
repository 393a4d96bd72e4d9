package io.smiledesk.channel;

import java.time.Clock;

import io.smiledesk.system.GoogleOAuthTokens;

import org.springframework.stereotype.Component;

/**
 * OAuth access tokens for the Gmail API: the static one configured, or one obtained with
 * the mailbox's refresh token and kept until a minute before it expires (the shared
 * {@link GoogleOAuthTokens}, with the mailbox's credentials). Access tokens last an hour,
 * so a long-running server needs the refresh token.
 */
@Component
class GmailAccessTokens {

	private final GoogleOAuthTokens tokens;

	GmailAccessTokens(GmailProperties properties, Clock clock) {
		this.tokens = new GoogleOAuthTokens(new GoogleOAuthTokens.Credentials(properties.accessToken(),
				properties.clientId(), properties.clientSecret(), properties.refreshToken(), properties.tokenUrl()),
				clock);
	}

	/**
	 * A token good for the next minute at least.
	 * @throws GmailApi.Failure when the token endpoint refuses or cannot be reached
	 */
	String current() {
		try {
			return tokens.current();
		}
		catch (GoogleOAuthTokens.Refused ex) {
			throw new GmailApi.Failure(ex.status(), ex.getMessage());
		}
	}

	/** Forgets a token Gmail refused, so that the next call fetches another. */
	void refused() {
		tokens.refused();
	}

}
