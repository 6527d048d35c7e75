package quire.fidelity.internal;

import quire.tabular.SpreadsheetCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import quire.fidelity.Behaviour;
import quire.fidelity.Global;

/**
 * Writes coding-lab rows in the layout {@link LabCsv} reads: RFC 4180, comma-separated, CRLF line ends, a header
 * {@code Session,Counsellor,Coder,CCT,SST,Partnership,Empathy,GI,Persuade,PwP,Q,SR,CR,AF,Seek,Emph,Confront}, then
 * one line per row. An id that a spreadsheet would take for a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is written with a leading apostrophe, so opening the file in a
 * spreadsheet cannot run it.
 */
public final class LabCsvWriter {

	/** The header row as written. */
	public static final List<String> HEADER = header();

	private LabCsvWriter() {
	}

	/** The rows as CSV text. */
	public static String text(List<LabRow> rows) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().get())) {
			printer.printRecord(HEADER);
			for (LabRow row : rows) {
				List<Object> cells = new ArrayList<>();
				cells.add(SpreadsheetCells.neutralise(row.sessionId()));
				cells.add(SpreadsheetCells.neutralise(row.counsellorId()));
				cells.add(SpreadsheetCells.neutralise(row.coderId()));
				for (Global g : Global.values()) {
					cells.add(row.globals().get(g));
				}
				for (Behaviour b : Behaviour.values()) {
					cells.add(row.counts().get(b));
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e); // cannot happen for a StringBuilder
		}
		return out.toString();
	}

	/**
	 * The rows as a file: UTF-8 bytes with a byte order mark (spreadsheets need it to recognise UTF-8, and
	 * {@link LabCsv} accepts it).
	 */
	public static byte[] write(List<LabRow> rows) {
		byte[] text = text(rows).getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[text.length + 3];
		bytes[0] = (byte) 0xEF;
		bytes[1] = (byte) 0xBB;
		bytes[2] = (byte) 0xBF;
		System.arraycopy(text, 0, bytes, 3, text.length);
		return bytes;
	}


	private static List<String> header() {
		List<String> h = new ArrayList<>(List.of("Session", "Counsellor", "Coder"));
		for (Global g : Global.values()) {
			h.add(g.shortName());
		}
		for (Behaviour b : Behaviour.values()) {
			h.add(b.shortName());
		}
		return List.copyOf(h);
	}

}
