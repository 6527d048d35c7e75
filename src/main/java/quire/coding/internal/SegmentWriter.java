package quire.coding.internal;

import quire.tabular.SpreadsheetCells;
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
import quire.corpus.Turn;

/**
 * Writes coded segments for use outside Quire: CSV (one row per segment, its turn numbered from 1
 * as on every page; start and end are character offsets from 0 in the document's text; with a byte-order mark so
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
					.setHeader("code", "document", "group", "turn", "speaker", "coder", "start", "end", "text", "context_before",
							"context_after")
					.get())) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			for (CodedSegment s : segments) {
				csv.printRecord(SpreadsheetCells.neutralise(s.codePath()), SpreadsheetCells.neutralise(s.documentName()), SpreadsheetCells.neutralise(s.group() == null ? "" : s.group()),
						Turn.number(s.turnIndex()), SpreadsheetCells.neutralise(s.speaker() == null ? "" : s.speaker()), SpreadsheetCells.neutralise(s.coding().coder()),
						s.coding().start(), s.coding().end(), SpreadsheetCells.neutralise(s.text()), SpreadsheetCells.neutralise(s.before()), SpreadsheetCells.neutralise(s.after()));
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
				r.setText(s.documentName() + (s.speaker() == null ? "" : " — " + s.speaker()) + " (turn " + Turn.number(s.turnIndex())
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


}
