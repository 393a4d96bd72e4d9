package io.smiledesk.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The practice's figures for a range of clinic-local dates, week by week (weeks start on
 * Monday; the first and last may be cut short by the range).
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param timeZone the clinic's time zone the dates are in
 * @param weeks one entry per week touching the range, oldest first
 * @param handoffsByReason handoffs requested in the range by kind, most frequent first
 * @param busiestHours appointments (not cancelled) starting in the range per clinic-local
 * weekday and hour; only cells with appointments
 * @param busiestHour the cell with the most appointments (the earliest on a tie); null
 * when there are none
 */
public record PracticeReport(LocalDate from, LocalDate to, String timeZone, List<Week> weeks,
		List<ReasonCount> handoffsByReason, List<HourCount> busiestHours, HourCount busiestHour) {

	/**
	 * One week's figures.
	 *
	 * @param startsOn the Monday the week starts on
	 * @param bookingsBySource bookings made that week by where they came from (chat,
	 * ai_agent_form for the website's form and the booking API, manual_admin for staff,
	 * portal)
	 * @param bookings all bookings made that week
	 * @param chatConversations conversations started that week
	 * @param chatBookings of those, the ones in which the assistant booked an appointment
	 * @param chatConversion chatBookings / chatConversations; null without conversations
	 * @param completed appointments that week that took place
	 * @param noShows appointments that week the patient missed
	 * @param noShowRate noShows / (completed + noShows); null without either
	 */
	public record Week(LocalDate startsOn, Map<String, Integer> bookingsBySource, int bookings, int chatConversations,
			int chatBookings, Double chatConversion, int completed, int noShows, Double noShowRate) {
	}

	public record ReasonCount(String reason, int count) {
	}

	public record HourCount(DayOfWeek weekday, int hour, int count) {
	}

}
