package io.smiledesk.channel;

/**
 * A TwiML document, written by hand: a handful of verbs, every text and attribute
 * escaped. (Twilio's builders would bring an XML data format that changes Spring MVC's
 * content negotiation.)
 */
final class Twiml {

	private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");

	Twiml say(String text, String language) {
		xml.append("<Say language=\"").append(escape(language)).append("\">").append(escape(text)).append("</Say>");
		return this;
	}

	/** Listens for speech or a key press, then posts what it heard to {@code action}. */
	Twiml gather(String action, String language, String prompt) {
		xml.append("<Gather input=\"speech dtmf\" method=\"POST\" speechTimeout=\"auto\" numDigits=\"1\" action=\"")
			.append(escape(action))
			.append("\" language=\"")
			.append(escape(language))
			.append("\">");
		if (prompt != null) {
			say(prompt, language);
		}
		xml.append("</Gather>");
		return this;
	}

	Twiml redirect(String url) {
		xml.append("<Redirect method=\"POST\">").append(escape(url)).append("</Redirect>");
		return this;
	}

	Twiml dial(String number) {
		xml.append("<Dial>").append(escape(number)).append("</Dial>");
		return this;
	}

	Twiml hangup() {
		xml.append("<Hangup/>");
		return this;
	}

	String xml() {
		return xml + "</Response>";
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					// characters XML 1.0 does not allow are dropped
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
