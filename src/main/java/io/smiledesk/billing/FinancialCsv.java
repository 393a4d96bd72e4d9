package io.smiledesk.billing;

import java.math.BigDecimal;

/**
 * The financial report as CSV (RFC 4180): one line per provider and currency, then
 * totals.
 */
final class FinancialCsv {

	static final String HEADER = "from,to,provider_id,provider,currency,production,collections,adjustments,"
			+ "write_offs,outstanding";

	private FinancialCsv() {
	}

	static String of(FinancialReport.Report report) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (FinancialReport.Line line : report.lines()) {
			append(csv, report, line.providerId(), line.providerId().isEmpty() ? "unassigned" : line.providerName(),
					line);
		}
		for (FinancialReport.Line total : report.totals()) {
			append(csv, report, "", "total", total);
		}
		return csv.toString();
	}

	private static void append(StringBuilder csv, FinancialReport.Report report, String id, String name,
			FinancialReport.Line line) {
		csv.append(report.first())
			.append(',')
			.append(report.last())
			.append(',')
			.append(quoted(id))
			.append(',')
			.append(quoted(name))
			.append(',')
			.append(line.currency());
		for (BigDecimal figure : new BigDecimal[] { line.production(), line.collections(), line.adjustments(),
				line.writeOffs(), line.outstanding() }) {
			csv.append(',').append(figure.setScale(2).toPlainString());
		}
		csv.append("\r\n");
	}

	/**
	 * Quoted when it needs to be; a leading =, +, - or @ is defused so a spreadsheet
	 * never runs a name as a formula.
	 */
	static String quoted(String value) {
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
