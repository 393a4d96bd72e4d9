package io.smiledesk.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * Encrypts patient contact details, dates of birth and appointment notes written before
 * encryption existed, and fills the lookup hashes. A Spring bean so that Flyway runs it
 * with the configured keys.
 */
@Component
public class V10__EncryptSensitiveData extends BaseJavaMigration {

	private final FieldCipher cipher;

	V10__EncryptSensitiveData(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (PreparedStatement select = connection
			.prepareStatement("select id, email, phone, date_of_birth from patient");
				PreparedStatement update = connection.prepareStatement(
						"update patient set email = ?, phone = ?, email_hash = ?, phone_hash = ?, date_of_birth_enc = ? "
								+ "where id = ?");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				String email = rows.getString("email");
				String phone = rows.getString("phone");
				java.sql.Date birth = rows.getDate("date_of_birth");
				update.setString(1, cipher.encrypt(email));
				update.setString(2, cipher.encrypt(phone));
				update.setString(3, email == null ? null : cipher.blindIndex(email.toLowerCase(Locale.ROOT)));
				update.setString(4, cipher.blindIndex(phone));
				update.setString(5, birth == null ? null : cipher.encrypt(birth.toLocalDate().toString()));
				update.setObject(6, rows.getObject("id"));
				update.executeUpdate();
			}
		}
		try (PreparedStatement select = connection
			.prepareStatement("select id, notes from appointment where notes is not null");
				PreparedStatement update = connection.prepareStatement("update appointment set notes = ? where id = ?");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				update.setString(1, cipher.encrypt(rows.getString("notes")));
				update.setObject(2, rows.getObject("id"));
				update.executeUpdate();
			}
		}
	}

}
