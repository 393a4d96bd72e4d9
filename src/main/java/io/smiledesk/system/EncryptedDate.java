package io.smiledesk.system;

import java.time.LocalDate;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * JPA column converter: a date (a date of birth) encrypted at rest with
 * {@link FieldCipher}.
 */
@Component
@Converter
public class EncryptedDate implements AttributeConverter<LocalDate, String> {

	private final FieldCipher cipher;

	EncryptedDate(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public String convertToDatabaseColumn(LocalDate value) {
		return value == null ? null : cipher.encrypt(value.toString());
	}

	@Override
	public LocalDate convertToEntityAttribute(String stored) {
		return stored == null ? null : LocalDate.parse(cipher.decrypt(stored));
	}

}
