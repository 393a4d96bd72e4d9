package io.smiledesk.system;

import java.util.List;

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

	/** Encrypted columns, by table; each table has a uuid primary key "id". */
	static final List<Column> COLUMNS = List.of(new Column("patient", "email"), new Column("patient", "phone"),
			new Column("patient", "date_of_birth_enc"), new Column("appointment", "notes"),
			new Column("conversation", "state"), new Column("conversation", "handoff_summary"),
			new Column("conversation_message", "text"), new Column("conversation_message", "metadata"));

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final TransactionTemplate transaction;

	CryptoRotateCommand(JdbcClient jdbc, FieldCipher cipher, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.transaction = transaction;
	}

	record Column(String table, String name) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.getNonOptionArgs().contains("crypto-rotate")) {
			System.out.printf("crypto-rotate: re-encrypted %d values under the active key%n", rotate());
		}
	}

	int rotate() {
		int rotated = 0;
		for (Column column : COLUMNS) {
			rotated += transaction.execute(status -> {
				int count = 0;
				for (Row row : jdbc
					.sql("select id, " + column.name() + " from " + column.table() + " where " + column.name()
							+ " is not null")
					.query((rs, index) -> new Row(rs.getObject(1), rs.getString(2)))
					.list()) {
					if (!cipher.isCurrent(row.value())) {
						// only if unchanged since read: a concurrent edit is already
						// under the active key
						count += jdbc
							.sql("update " + column.table() + " set " + column.name() + " = ? where id = ? and "
									+ column.name() + " = ?")
							.params(cipher.encrypt(cipher.decrypt(row.value())), row.id(), row.value())
							.update();
					}
				}
				return count;
			});
		}
		return rotated;
	}

	private record Row(Object id, String value) {
	}

}
