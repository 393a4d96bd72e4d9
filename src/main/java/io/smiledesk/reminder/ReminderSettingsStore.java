package io.smiledesk.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's reminder settings; {@link ReminderSettings#DEFAULTS} until staff save
 * theirs.
 */
@Repository
class ReminderSettingsStore {

	private final JdbcClient jdbc;

	ReminderSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	ReminderSettings load() {
		List<ReminderSettings> saved = jdbc.sql("""
				select channel_order, skip_if_booked_within_minutes, missed_you from reminder_settings
				where clinic_id = ?""").param(Clinics.DEFAULT).query((rs, row) -> {
			List<ReminderRule> rules = jdbc.sql("""
					select code, offset_minutes, asks_confirmation, enabled from reminder_rule where clinic_id = ?""")
				.param(Clinics.DEFAULT)
				.query((r, n) -> new ReminderRule(r.getString("code"), Duration.ofMinutes(r.getInt("offset_minutes")),
						r.getBoolean("asks_confirmation"), r.getBoolean("enabled")))
				.list();
			List<ReminderChannel> channels = Arrays.stream(rs.getString("channel_order").split(","))
				.map(name -> ReminderChannel.valueOf(name.strip().toUpperCase(Locale.ROOT)))
				.toList();
			return new ReminderSettings(rules, channels, Duration.ofMinutes(rs.getInt("skip_if_booked_within_minutes")),
					rs.getBoolean("missed_you"));
		}).list();
		return saved.isEmpty() ? ReminderSettings.DEFAULTS : saved.get(0);
	}

	@Transactional
	void save(ReminderSettings settings, Instant now) {
		jdbc.sql("delete from reminder_rule where clinic_id = ?").param(Clinics.DEFAULT).update();
		jdbc.sql("delete from reminder_settings where clinic_id = ?").param(Clinics.DEFAULT).update();
		for (ReminderRule rule : settings.rules()) {
			jdbc.sql("""
					insert into reminder_rule (clinic_id, code, offset_minutes, asks_confirmation, enabled)
					values (?, ?, ?, ?, ?)""")
				.params(Clinics.DEFAULT, rule.code(), (int) rule.before().toMinutes(), rule.asksConfirmation(),
						rule.enabled())
				.update();
		}
		jdbc.sql("""
				insert into reminder_settings (clinic_id, channel_order, skip_if_booked_within_minutes, missed_you,
				    updated_at) values (?, ?, ?, ?, ?)""")
			.params(Clinics.DEFAULT,
					settings.channels()
						.stream()
						.map(channel -> channel.name().toLowerCase(Locale.ROOT))
						.collect(Collectors.joining(",")),
					(int) settings.skipIfBookedWithin().toMinutes(), settings.missedYou(), now.atOffset(ZoneOffset.UTC))
			.update();
	}

}
