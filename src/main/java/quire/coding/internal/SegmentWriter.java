package quire.coding.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import quire.coding.CodedSegment;

/**
 * Writes coded segments for use outside Quire: CSV (one row per segment, with a byte-order mark so
 * spreadsheet programs read UTF-8, and cells that a spreadsheet would run as formulas neutralised)
 * and Word (a heading, then each segment as a quote with its source).
 */
public final class SegmentWriter {

	private SegmentWriter() {
	}

	public static byte[] csv(List<CodedSegment> segments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.RFC4180.builder()
					.setHeader("code", "document", "group", "turn_index", "speaker", "coder", "start", "end", "text", "context_before",
							"context_after")
					.get())) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			for (CodedSegment s : segments) {
				csv.printRecord(safe(s.codePath()), safe(s.documentName()), safe(s.group() == null ? "" : s.group()),
						s.turnIndex(), safe(s.speaker() == null ? "" : s.speaker()), safe(s.coding().coder()),
						s.coding().start(), s.coding().end(), safe(s.text()), safe(s.before()), safe(s.after()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] docx(String title, List<CodedSegment> segments) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph heading = doc.createParagraph();
			heading.setStyle("Heading1");
			XWPFRun h = heading.createRun();
			h.setText(title);
			h.setBold(true);
			h.setFontSize(16);
			doc.createParagraph().createRun().setText(segments.size() + " coded segment" + (segments.size() == 1 ? "" : "s"));
			for (CodedSegment s : segments) {
				XWPFParagraph source = doc.createParagraph();
				XWPFRun r = source.createRun();
				r.setBold(true);
				r.setText(s.documentName() + (s.speaker() == null ? "" : " — " + s.speaker()) + " (turn " + (s.turnIndex() + 1)
						+ ", coded by " + s.coding().coder() + ")");
				XWPFParagraph quote = doc.createParagraph();
				quote.setIndentationLeft(567);
				XWPFRun q = quote.createRun();
				q.setItalic(true);
				q.setText("“" + s.text() + "”");
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A cell a spreadsheet would evaluate (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe. */
	static String safe(String cell) {
		if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
			return "'" + cell;
		}
		return cell;
	}

}
