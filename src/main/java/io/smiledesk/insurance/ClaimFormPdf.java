package io.smiledesk.insurance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A claim printed for mailing (Apache PDFBox, as billing's statements): the carrier and
 * payer id, the subscriber and plan, the patient and relationship, the billing dentist,
 * and the procedures with their fees. Text the standard fonts cannot draw is replaced.
 */
final class ClaimFormPdf {

	private static final float MARGIN = 56;

	private static final float RIGHT = PDRectangle.LETTER.getWidth() - MARGIN;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private PDDocument document;

	private PDPageContentStream content;

	private float y;

	static byte[] render(Claims.ClaimView view, String patientName, ClinicProfile clinic) {
		return new ClaimFormPdf().write(view, patientName, clinic);
	}

	private byte[] write(Claims.ClaimView view, String patientName, ClinicProfile clinic) {
		Claim claim = view.claim();
		Coverages.CoverageView coverage = view.coverage();
		try (PDDocument pdf = new PDDocument()) {
			document = pdf;
			newPage();
			text(bold, 15, "Dental claim", MARGIN);
			line(20);
			heading("Insurance company");
			label("Carrier", coverage == null ? "-" : coverage.carrier().name());
			label("Payer id", coverage == null ? "-" : orDash(coverage.carrier().payerId()));
			heading("Policyholder / subscriber");
			label("Name", coverage == null ? "-" : coverage.subscriber().name());
			label("Member id", coverage == null ? "-" : coverage.subscriber().memberId());
			label("Date of birth", coverage == null || coverage.subscriber().dateOfBirth() == null ? "-"
					: DAY.format(coverage.subscriber().dateOfBirth()));
			label("Plan / group no.",
					coverage == null ? "-" : coverage.plan().name() + " / " + orDash(coverage.plan().groupNumber()));
			heading("Patient");
			label("Name", orDash(patientName));
			label("Relationship", coverage == null ? "-" : coverage.coverage().relationship().json());
			label("Coverage", coverage == null ? "-" : coverage.coverage().priority().json());
			heading("Billing dentist");
			label("Practice", clinic.name());
			if (clinic.address() != null) {
				label("Address", String.join(", ", clinic.address().line(), clinic.address().city(),
						clinic.address().postalCode()));
			}
			heading("Procedures");
			text(bold, 9, "Date", MARGIN);
			text(bold, 9, "Code", MARGIN + 70);
			text(bold, 9, "Description", MARGIN + 120);
			amount(bold, 9, "Fee (" + claim.currency() + ")");
			line(14);
			for (ClaimLine procedure : claim.lines()) {
				text(regular, 9, DAY.format(claim.serviceDate()), MARGIN);
				text(regular, 9, orDash(procedure.procedureCode()), MARGIN + 70);
				text(regular, 9, procedure.description(), MARGIN + 120);
				amount(regular, 9, procedure.fee(claim.currency()).amount().toPlainString());
				line(14);
			}
			content.moveTo(MARGIN, y + 10);
			content.lineTo(RIGHT, y + 10);
			content.stroke();
			line(4);
			text(bold, 11, "Total fee", MARGIN);
			amount(bold, 11, claim.total().amount().toPlainString());
			line(24);
			text(regular, 8, "Claim " + claim.id() + " - status " + claim.status().json()
					+ (claim.sentOn() == null ? "" : ", sent " + DAY.format(claim.sentOn())), MARGIN);
			content.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void heading(String title) throws IOException {
		line(6);
		text(bold, 10, title, MARGIN);
		line(14);
	}

	private void label(String label, String value) throws IOException {
		text(regular, 9, label, MARGIN);
		text(regular, 9, value, MARGIN + 110);
		line(13);
	}

	private void amount(PDType1Font font, float size, String shown) throws IOException {
		String drawable = drawable(font, shown);
		text(font, size, drawable, RIGHT - font.getStringWidth(drawable) / 1000 * size);
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

	private static String orDash(String text) {
		return text == null || text.isBlank() ? "-" : text;
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
