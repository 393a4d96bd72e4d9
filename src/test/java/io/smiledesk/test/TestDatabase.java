package io.smiledesk.test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each Spring test context its own empty database: an in-memory H2 database, or
 * (system property {@code smiledesk.test.database=postgres}) its own schema in
 * {@code smiledesk_test_<pid>} on 127.0.0.1:5432, a database of this test run's own: two
 * runs at once (a developer's and CI's) never drop each other's tables. Databases left by
 * runs whose process has ended are dropped at the start of the next run.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 5432;

	private static final String PREFIX = "smiledesk_test_";

	private static final String DATABASE = PREFIX + ProcessHandle.current().pid();

	private static final AtomicInteger SCHEMAS = new AtomicInteger();

	private static volatile boolean recreated;

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("smiledesk.test.database"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!postgres()) {
			TestPropertyValues
				.of("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
						"spring.datasource.username=sa", "spring.datasource.password=")
				.applyTo(context);
			return;
		}
		recreateOnce();
		String schema = "ctx_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
		TestPropertyValues
			.of("spring.datasource.url=jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE
					+ "?reWriteBatchedInserts=true&currentSchema=" + schema, "spring.datasource.username=postgres",
					"spring.datasource.password=", "spring.flyway.schemas=" + schema,
					"spring.flyway.default-schema=" + schema,
					// a dozen cached contexts must fit in PostgreSQL's default 100
					// connections: an idle context shrinks back to one within 30 s, and a
					// busy one has room for its asynchronous listeners (at 6, two Stripe
					// events handled at once waited out the 30 s connection timeout)
					"spring.datasource.hikari.maximum-pool-size=10", "spring.datasource.hikari.minimum-idle=1",
					"spring.datasource.hikari.idle-timeout=30000")
			.applyTo(context);
	}

	public static boolean postgresAnswers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	private static synchronized void recreateOnce() {
		if (recreated) {
			return;
		}
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			java.util.List<String> stale = new java.util.ArrayList<>();
			try (java.sql.ResultSet names = statement
				.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
				while (names.next()) {
					String name = names.getString(1);
					if (name.substring(PREFIX.length()).matches("\\d+")
							&& ProcessHandle.of(Long.parseLong(name.substring(PREFIX.length()))).isEmpty()) {
						stale.add(name);
					}
				}
			}
			for (String name : stale) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the PostgreSQL test database", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropOwn, "drop-test-database"));
		recreated = true;
	}

	/** Best effort at the end of the run; the next run drops it otherwise. */
	private static void dropOwn() {
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
		}
		catch (SQLException ex) {
			// left for the next run
		}
	}

	private static Connection admin() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", "postgres", "");
	}

}
