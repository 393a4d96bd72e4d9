package io.smiledesk.system;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/** JPA column converter: text encrypted at rest with {@link FieldCipher}. */
@Component
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

	private final FieldCipher cipher;

	EncryptedText(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public String convertToDatabaseColumn(String value) {
		return cipher.encrypt(value);
	}

	@Override
	public String convertToEntityAttribute(String stored) {
		return cipher.decrypt(stored);
	}

}
