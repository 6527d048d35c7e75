package quire.fidelity.internal;

import quire.tabular.SpreadsheetCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-utterance MITI export: one row per coded counsellor utterance and coder (session,
 * counsellor, coder, utterance number, turn, document offsets, behaviour codes, text). UTF-8 with a
 * byte-order mark for spreadsheet programs; cells a spreadsheet would run as formulas are neutralised.
 */
public final class UtteranceCsv {

	/** One row of the export. */
	public record Row(String session, String counsellor, String coder, int utterance, int turn, int start, int end,
			String behaviours, String text) {
	}

	private UtteranceCsv() {
	}

	public static byte[] write(List<Row> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder()
			.setHeader("session", "counsellor", "coder", "utterance", "turn", "start", "end", "behaviours", "text")
			.get())) {
			for (Row r : rows) {
				csv.printRecord(SpreadsheetCells.neutralise(r.session()), SpreadsheetCells.neutralise(r.counsellor()), SpreadsheetCells.neutralise(r.coder()), r.utterance(), r.turn(), r.start(),
						r.end(), r.behaviours(), SpreadsheetCells.neutralise(r.text()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}


}
