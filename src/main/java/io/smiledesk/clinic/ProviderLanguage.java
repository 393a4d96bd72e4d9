package io.smiledesk.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One language a provider speaks, with the clinic it belongs to. */
@Embeddable
class ProviderLanguage {

	@Column(name = "clinic_id", nullable = false)
	private int clinicId;

	@Column(name = "language", nullable = false, length = 40)
	private String language;

	protected ProviderLanguage() {
	}

	ProviderLanguage(int clinicId, String language) {
		this.clinicId = clinicId;
		this.language = language;
	}

	String language() {
		return language;
	}

}
