package io.smiledesk.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import io.smiledesk.clinic.ClinicProfile;

/**
 * A visit's statement as a one-column PDF (Apache PDFBox, standard Helvetica): the
 * clinic, the patient and visit, line items, deposits applied, adjustments, payments and
 * the balance. Text the standard fonts cannot draw is replaced, never fatal.
 */
final class InvoicePdf {

	private static final float MARGIN = 56;

	private static final float AMOUNT_RIGHT = PDRectangle.LETTER.getWidth() - MARGIN;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private PDDocument document;

	private PDPageContentStream content;

	private float y;

	static byte[] render(LedgerBook.InvoiceView invoice, ClinicProfile clinic) {
		return new InvoicePdf().write(invoice, clinic);
	}

	private byte[] write(LedgerBook.InvoiceView invoice, ClinicProfile clinic) {
		try (PDDocument pdf = new PDDocument()) {
			document = pdf;
			newPage();
			ZoneId zone = clinic.timeZone();
			Statement statement = invoice.statement();
			text(bold, 16, clinic.name(), MARGIN);
			line(12);
			if (clinic.address() != null) {
				text(regular, 9, String.join(", ", clinic.address().line(), clinic.address().city(),
						clinic.address().postalCode()), MARGIN);
				line(12);
			}
			line(14);
			text(bold, 13, "Statement", MARGIN);
			line(18);
			label("Patient", invoice.patient() == null ? "-" : invoice.patient().name());
			label("Visit", DAY.format(invoice.visitAt().atZone(zone)) + " - " + invoice.service()
					+ (invoice.provider() == null ? "" : " with " + invoice.provider()));
			label("Statement no.", invoice.id().toString());
			line(10);
			text(bold, 10, "Procedures", MARGIN);
			line(14);
			for (LedgerLine charge : statement.charges()) {
				row((charge.code() == null ? "" : charge.code() + "  ") + charge.description(),
						charge.amount().amount());
			}
			rule();
			row("Charges", statement.chargesTotal().amount());
			row("Deposit applied", statement.depositsApplied().amount().negate());
			if (statement.adjustments().signum() != 0) {
				row("Adjustments", statement.adjustments().amount());
			}
			if (statement.writeOffs().signum() != 0) {
				row("Written off", statement.writeOffs().amount().negate());
			}
			for (LedgerLine payment : statement.payments()) {
				row(DAY.format(payment.postedAt().atZone(zone)) + "  " + payment.description(),
						payment.amount().amount());
			}
			rule();
			text(bold, 12, "Balance due (" + invoice.currency() + ")", MARGIN);
			amount(bold, 12, statement.balance().amount());
			if (invoice.estimate() != null) {
				line(22);
				row("Estimated insurance payment", invoice.estimate().insurerShare().amount());
				row("Estimated patient portion", invoice.estimate().patientShare().amount());
				text(regular, 8, "Estimates, not a guarantee of payment: the balance changes when the insurer pays.",
						MARGIN);
			}
			content.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void label(String label, String value) throws IOException {
		text(regular, 10, label, MARGIN);
		text(regular, 10, value, MARGIN + 90);
		line(14);
	}

	private void row(String label, BigDecimal value) throws IOException {
		text(regular, 10, label, MARGIN);
		amount(regular, 10, value);
		line(14);
	}

	private void amount(PDType1Font font, float size, BigDecimal value) throws IOException {
		String shown = value.toPlainString();
		text(font, size, shown, AMOUNT_RIGHT - font.getStringWidth(shown) / 1000 * size);
	}

	private void rule() throws IOException {
		content.moveTo(MARGIN, y + 10);
		content.lineTo(AMOUNT_RIGHT, y + 10);
		content.stroke();
		line(4);
	}

	private void text(PDType1Font font, float size, String text, float x) throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(drawable(font, text == null ? "" : text));
		content.endText();
	}

	private void line(float height) throws IOException {
		y -= height;
		if (y < MARGIN) {
			content.close();
			newPage();
		}
	}

	private void newPage() throws IOException {
		PDPage page = new PDPage(PDRectangle.LETTER);
		document.addPage(page);
		content = new PDPageContentStream(document, page);
		y = PDRectangle.LETTER.getHeight() - MARGIN;
	}

	/** The standard fonts draw WinAnsi only: other characters become '?'. */
	private static String drawable(PDType1Font font, String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(codePoint -> {
			String character = new String(Character.toChars(codePoint));
			try {
				font.encode(character);
				out.append(character);
			}
			catch (IOException | IllegalArgumentException ex) {
				out.append('?');
			}
		});
		return out.toString();
	}

}
