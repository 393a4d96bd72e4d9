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
 * {@code smiledesk_test} on 127.0.0.1:5432, which is recreated once per test run.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 5432;

	private static final String DATABASE = "smiledesk_test";

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
					// connections
					"spring.datasource.hikari.maximum-pool-size=6", "spring.datasource.hikari.minimum-idle=1")
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
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the PostgreSQL test database", ex);
		}
		recreated = true;
	}

}
