package io.smiledesk.system;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code crypto-rotate}: re-encrypts every sensitive value that is not under the active
 * key, after which the old key can be removed from the configuration.
 */
@Component
class CryptoRotateCommand implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final TransactionTemplate transaction;

	private final EntityManagerFactory entities;

	CryptoRotateCommand(JdbcClient jdbc, FieldCipher cipher, TransactionTemplate transaction,
			EntityManagerFactory entities) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.cipher = cipher;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.getNonOptionArgs().contains("crypto-rotate")) {
			System.out.printf("crypto-rotate: re-encrypted %d values under the active key%n", rotate());
		}
	}

	int rotate() {
		int rotated = 0;
		for (EncryptedColumns.Column column : columns()) {
			rotated += transaction.execute(status -> {
				int count = 0;
				for (Row row : jdbc
					.sql("select " + column.id() + ", " + column.name() + " from " + column.table() + " where "
							+ column.name() + " is not null")
					.query((rs, index) -> new Row(rs.getObject(1), rs.getString(2)))
					.list()) {
					if (!cipher.isCurrent(row.value())) {
						// only if unchanged since read: a concurrent edit is already
						// under the active key
						count += jdbc
							.sql("update " + column.table() + " set " + column.name() + " = ? where " + column.id()
									+ " = ? and " + column.name() + " = ?")
							.params(cipher.encrypt(cipher.decrypt(row.value())), row.id(), row.value())
							.update();
					}
				}
				return count;
			});
		}
		return rotated;
	}

	/** The encrypted columns, by table, as the entities declare them. */
	List<EncryptedColumns.Column> columns() {
		return EncryptedColumns.of(entities.getMetamodel());
	}

	private record Row(Object id, String value) {
	}

}
