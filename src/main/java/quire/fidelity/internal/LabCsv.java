package quire.fidelity.internal;

import quire.tabular.NumberText;
import quire.tabular.SpreadsheetCells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import quire.fidelity.Behaviour;
import quire.fidelity.Global;
import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;
import quire.tabular.DelimitedText;

/**
 * Reads a coding lab's MITI results: a CSV file with one row per coded session giving the session id, the
 * counsellor id, the coder id, the four global ratings and the ten behaviour counts.
 * <p>
 * <b>Encoding and layout.</b> The file must be UTF-8, with or without a byte order mark; anything else (UTF-16,
 * Windows-1252, an Excel workbook) is refused with one error saying how to save it. The delimiter is a comma, a
 * semicolon (Excel in many European locales) or a tab, whichever occurs most often outside quotes in the header
 * line (comma on a tie). Quoting follows RFC 4180. Line 1 is the header; line numbers in errors are the physical
 * lines where a row starts, so a quoted cell spanning lines does not shift them. Lines with only blank cells are
 * skipped.
 * <p>
 * <b>Columns</b> are recognised by header, ignoring case, blanks and the separators {@code _ - .}: the globals and
 * behaviours by their manual names, short names and usual abbreviations ({@link Global#parse},
 * {@link Behaviour#parse}), and the ids as {@value #SESSION} ("session", "session id", "session_id", "session no",
 * "session number"), {@value #COUNSELLOR} ("counsellor", "counselor", "counsellor id", "counselor id",
 * "caseworker", "caseworker id", "therapist", "clinician", "interviewer") and {@value #CODER} ("coder", "coder id",
 * "rater", "rater id", "coder name"). A mapping {@code header → field} given by the user (the CLI's {@code --map})
 * overrides recognition for the headers it names: the field is anything recognised above, or {@value #IGNORE} to
 * drop the column. A mapped column takes precedence over a column recognised by name for the same field, which
 * is then ignored. Columns neither recognised nor mapped are ignored and listed in
 * {@link LabImport#unrecognisedColumns()}; columns with an empty header are ignored silently.
 * <p>
 * <b>Errors.</b> All seventeen fields are required. A missing column, two columns for one field, or a mapping
 * naming an unknown column or field is an error on line 1, and then no row is read. Otherwise each bad cell is one
 * error naming the line, the column (its header as written) and the reason, and a row with any error is left out:
 * a missing (empty) cell; a row that ends before the last needed column (one error for the row); a cell that is not a whole number (a trailing {@code .0} or {@code ,00} is accepted); a
 * global outside 1–5; a negative count or one above {@value #MAX_COUNT}; a cell that looks like a spreadsheet
 * formula ({@link quire.tabular.SpreadsheetCells#looksLikeFormula}, Quire's one rule); an id
 * longer than {@value #MAX_ID_LENGTH} characters; more non-blank cells than headers; the same session and coder
 * pair as an earlier row (ids compared ignoring case); and a session given to a different counsellor than on an
 * earlier row.
 * <p>
 * Reading is a pure function of the bytes and the mapping; it never throws for bad content.
 */
public final class LabCsv {

	/** The field name of the session id column. */
	public static final String SESSION = "session";

	/** The field name of the counsellor id column. */
	public static final String COUNSELLOR = "counsellor";

	/** The field name of the coder id column. */
	public static final String CODER = "coder";

	/** The mapping target that drops a column. */
	public static final String IGNORE = "ignore";

	/** The largest count accepted; a 20-minute segment holds a few hundred utterances at most. */
	public static final int MAX_COUNT = 9999;

	/** The longest id accepted. */
	public static final int MAX_ID_LENGTH = 200;

	static final int FIELDS = 3 + Global.values().length + Behaviour.values().length;

	private static final Map<String, Integer> ID_ALIASES = new HashMap<>();

	static {
		for (String s : List.of("session", "session id", "sessionid", "session no", "session nr", "session number",
				"session code")) {
			ID_ALIASES.put(s, 0);
		}
		for (String s : List.of("counsellor", "counselor", "counsellor id", "counselor id", "counsellorid",
				"counselorid", "caseworker", "caseworker id", "case worker", "case worker id", "therapist",
				"therapist id", "clinician", "clinician id", "interviewer", "interviewer id")) {
			ID_ALIASES.put(s, 1);
		}
		for (String s : List.of("coder", "coder id", "coderid", "coder name", "rater", "rater id", "raterid")) {
			ID_ALIASES.put(s, 2);
		}
	}

	private LabCsv() {
	}

	/**
	 * Reads a coding lab's results file.
	 *
	 * @param fileName the file's name, used only in messages
	 * @param content the file's bytes
	 * @param mapping header → field overrides (header matched ignoring case and blanks), empty for none
	 * @return the good rows, the problems and the ignored columns
	 */
	public static LabImport read(String fileName, byte[] content, Map<String, String> mapping) {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(mapping, "mapping");
		Decoded decoded = decode(fileName, content);
		if (decoded.error != null) {
			return new LabImport(List.of(), List.of(decoded.error), List.of());
		}
		String text = decoded.text;
		if (text.isBlank()) {
			return new LabImport(List.of(), List.of(new RowError(1, "", fileName + " is empty")), List.of());
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false)
				.get();
		DelimitedText.Lines lines = new DelimitedText.Lines(text);
		List<CSVRecord> records = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			try {
				for (CSVRecord record : parser) {
					records.add(record);
				}
			}
			catch (UncheckedIOException | IllegalStateException e) {
				int line = (int) Math.min(Integer.MAX_VALUE, Math.max(1, parser.getCurrentLineNumber()));
				errors.add(new RowError(line, "", "the file is not valid CSV from here on (" + rootMessage(e)
						+ "); check for an unclosed quote"));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e); // cannot happen for a String
		}
		if (records.isEmpty()) {
			errors.add(0, new RowError(1, "", fileName + " has no header line"));
			return new LabImport(List.of(), errors, List.of());
		}
		LabCsvHeader header = LabCsvHeader.of(records.get(0), mapping);
		if (!header.errors.isEmpty()) {
			header.errors.addAll(errors);
			return new LabImport(List.of(), header.errors, header.unrecognised);
		}
		List<LabRow> rows = new ArrayList<>();
		List<RowError> rowErrors = new ArrayList<>();
		Map<String, LabRow> byPair = new HashMap<>();
		Map<String, LabRow> bySession = new HashMap<>();
		for (CSVRecord record : records.subList(1, records.size())) {
			int line = lines.lineOf(record.getCharacterPosition());
			row(line, record, header, rows, rowErrors, byPair, bySession);
		}
		rowErrors.addAll(errors);
		return new LabImport(rows, rowErrors, header.unrecognised);
	}

	/** Reads with no mapping. */
	public static LabImport read(String fileName, byte[] content) {
		return read(fileName, content, Map.of());
	}

	/**
	 * The field a header or mapping target stands for: {@value #SESSION}, {@value #COUNSELLOR}, {@value #CODER},
	 * a {@link Global#shortName()} or a {@link Behaviour#shortName()}; empty if none.
	 */
	public static Optional<String> field(String header) {
		int i = fieldIndex(header);
		return i < 0 ? Optional.empty() : Optional.of(fieldName(i));
	}

	/** The field names in the order of {@link LabCsvWriter}'s columns. */
	public static List<String> fieldNames() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < FIELDS; i++) {
			names.add(fieldName(i));
		}
		return names;
	}

	// ---- fields: 0 session, 1 counsellor, 2 coder, 3..6 globals, 7..16 behaviours

	static int fieldIndex(String header) {
		String n = normalise(header);
		if (n.isEmpty()) {
			return -1;
		}
		Integer id = ID_ALIASES.get(n);
		if (id != null) {
			return id;
		}
		Optional<Global> g = Global.parse(header);
		if (g.isPresent()) {
			return 3 + g.get().ordinal();
		}
		Optional<Behaviour> b = Behaviour.parse(header);
		return b.map(behaviour -> 3 + Global.values().length + behaviour.ordinal()).orElse(-1);
	}

	static String fieldName(int i) {
		return switch (i) {
			case 0 -> SESSION;
			case 1 -> COUNSELLOR;
			case 2 -> CODER;
			default -> i < 3 + Global.values().length ? Global.values()[i - 3].shortName()
					: Behaviour.values()[i - 3 - Global.values().length].shortName();
		};
	}

	static String fieldDescription(int i) {
		return switch (i) {
			case 0 -> "the session id (a header such as \"Session\" or \"Session ID\")";
			case 1 -> "the counsellor id (a header such as \"Counsellor\", \"Counselor\" or \"Caseworker\")";
			case 2 -> "the coder id (a header such as \"Coder\" or \"Rater\")";
			default -> {
				String label;
				String shortName;
				if (i < 3 + Global.values().length) {
					Global g = Global.values()[i - 3];
					label = g.label();
					shortName = g.shortName();
				}
				else {
					Behaviour b = Behaviour.values()[i - 3 - Global.values().length];
					label = b.label();
					shortName = b.shortName();
				}
				yield label.equals(shortName) ? label + " (a header such as \"" + label + "\")"
						: label + " (a header such as \"" + shortName + "\" or \"" + label + "\")";
			}
		};
	}

	static String normalise(String text) {
		return text.strip().replaceAll("[\\s_\\-.]+", " ").strip().toLowerCase(Locale.ROOT);
	}

	// ---- rows

	private static void row(int line, CSVRecord record, LabCsvHeader h, List<LabRow> rows, List<RowError> errors,
			Map<String, LabRow> byPair, Map<String, LabRow> bySession) {
		boolean blank = true;
		for (String v : record) {
			if (!v.isBlank()) {
				blank = false;
				break;
			}
		}
		if (blank) {
			return;
		}
		int before = errors.size();
		for (int c = h.names.length; c < record.size(); c++) {
			if (!record.get(c).isBlank()) {
				errors.add(new RowError(line, "", "the row has " + record.size() + " cells but the header has "
						+ h.names.length + " (is a comma or semicolon inside a value not quoted?)"));
				break;
			}
		}
		boolean shortRow = false;
		for (int f = 0; f < FIELDS; f++) {
			if (h.columnOf[f] >= record.size()) {
				shortRow = true;
				break;
			}
		}
		if (shortRow) {
			errors.add(new RowError(line, "", "the row ends after " + record.size() + " cell"
					+ (record.size() == 1 ? "" : "s") + " but the header has " + h.names.length));
		}
		String[] ids = new String[3];
		for (int f = 0; f < 3; f++) {
			ids[f] = id(line, record, h, f, errors);
		}
		int[] values = new int[FIELDS];
		for (int f = 3; f < FIELDS; f++) {
			boolean global = f < 3 + Global.values().length;
			values[f] = number(line, record, h, f, global, errors);
		}
		if (errors.size() > before) {
			return;
		}
		Global[] gs = Global.values();
		MitiGlobals globals = new MitiGlobals(values[3 + Global.CULTIVATING_CHANGE_TALK.ordinal()],
				values[3 + Global.SOFTENING_SUSTAIN_TALK.ordinal()], values[3 + Global.PARTNERSHIP.ordinal()],
				values[3 + Global.EMPATHY.ordinal()]);
		EnumMap<Behaviour, Integer> counts = new EnumMap<>(Behaviour.class);
		for (Behaviour b : Behaviour.values()) {
			counts.put(b, values[3 + gs.length + b.ordinal()]);
		}
		LabRow row = new LabRow(line, ids[0], ids[1], ids[2], globals, new MitiCounts(counts));
		String session = ids[0].toLowerCase(Locale.ROOT);
		String pair = session + "\u0000" + ids[2].toLowerCase(Locale.ROOT);
		LabRow earlier = byPair.get(pair);
		if (earlier != null) {
			errors.add(new RowError(line, h.names[h.columnOf[0]], "session " + ids[0] + " is already coded by "
					+ earlier.coderId() + " on line " + earlier.line() + " (one row per session and coder)"));
			return;
		}
		LabRow sameSession = bySession.get(session);
		if (sameSession != null && !sameSession.counsellorId().equalsIgnoreCase(ids[1])) {
			errors.add(new RowError(line, h.names[h.columnOf[1]], "session " + ids[0] + " belongs to "
					+ sameSession.counsellorId() + " on line " + sameSession.line() + ", not to " + ids[1]));
			return;
		}
		byPair.put(pair, row);
		bySession.putIfAbsent(session, row);
		rows.add(row);
	}

	/** The cell of {@code field}, or null when the row ends before its column (reported once per row). */
	private static @Nullable String cell(CSVRecord record, LabCsvHeader h, int field) {
		int c = h.columnOf[field];
		return c < record.size() ? record.get(c).strip() : null;
	}

	private static String id(int line, CSVRecord record, LabCsvHeader h, int field, List<RowError> errors) {
		String v = cell(record, h, field);
		String column = h.names[h.columnOf[field]];
		if (v == null) {
			return "";
		}
		if (v.isEmpty()) {
			errors.add(new RowError(line, column, "missing"));
		}
		else if (formula(v)) {
			errors.add(new RowError(line, column, formulaReason(v)));
		}
		else if (v.length() > MAX_ID_LENGTH) {
			errors.add(new RowError(line, column, "longer than " + MAX_ID_LENGTH + " characters"));
		}
		return v;
	}

	private static int number(int line, CSVRecord record, LabCsvHeader h, int field, boolean global,
			List<RowError> errors) {
		String v = cell(record, h, field);
		String column = h.names[h.columnOf[field]];
		if (v == null) {
			return 0;
		}
		if (v.isEmpty()) {
			errors.add(new RowError(line, column, "missing"));
			return 0;
		}
		Optional<NumberText> number = NumberText.read(v);
		if (number.filter(NumberText::isWhole).isEmpty()) {
			if (formula(v)) {
				errors.add(new RowError(line, column, formulaReason(v)));
			}
			else if (number.filter(n -> !n.percent() && !n.whole().isEmpty()
					&& (n.separator().isEmpty() || !n.fraction().isEmpty())).isPresent()) {
				errors.add(new RowError(line, column, v + " is not a whole number"));
			}
			else {
				errors.add(new RowError(line, column, "\"" + abbreviate(v) + "\" is not a whole number"));
			}
			return 0;
		}
		boolean negative = number.get().sign().equals("-");
		String digits = number.get().whole().replaceFirst("^0+(?=\\d)", "");
		long value = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
		if (global) {
			if (negative || value < MitiGlobals.MIN || value > MitiGlobals.MAX) {
				errors.add(new RowError(line, column,
						v + " is outside " + MitiGlobals.MIN + "–" + MitiGlobals.MAX));
				return 0;
			}
		}
		else if (negative && value != 0) {
			errors.add(new RowError(line, column, v + " is negative; a count is 0 or more"));
			return 0;
		}
		else if (value > MAX_COUNT) {
			errors.add(new RowError(line, column, v + " is more than " + MAX_COUNT + "; is it really a count?"));
			return 0;
		}
		return (int) value;
	}

	/** Whether a cell would be taken for a formula by a spreadsheet: Quire's one rule, {@link SpreadsheetCells}. */
	static boolean formula(String value) {
		return SpreadsheetCells.looksLikeFormula(value);
	}

	private static String formulaReason(String v) {
		return SpreadsheetCells.refusal(v) + "; enter the value itself";
	}

	private static String abbreviate(String v) {
		return v.length() <= 40 ? v : v.substring(0, 39) + "…";
	}

	// ---- bytes, delimiter, lines

	private record Decoded(String text, @Nullable RowError error) {
	}

	/** Strict UTF-8 (shared with the questionnaire reader), with this reader's messages. */
	private static Decoded decode(String fileName, byte[] bytes) {
		DelimitedText.Decoded d = DelimitedText.decode(bytes);
		if (d.ok()) {
			return new Decoded(d.text(), null);
		}
		String message = switch (d.refusal()) {
			case UTF_16 -> fileName + " is UTF-16 (\"Unicode text\"), not UTF-8; save it as \"CSV UTF-8\" and import it again";
			case ZIP -> fileName + " is a workbook or ZIP archive, not a CSV file; save it as \"CSV UTF-8\" and import it again";
			case NOT_UTF_8 -> String.format(Locale.ROOT,
					"%s is not UTF-8 (byte 0x%02X on line %d; perhaps it was saved as Windows-1252 or Latin-1);"
							+ " save it as \"CSV UTF-8\" and import it again",
					fileName, d.badByte(), d.line());
			case NUL -> fileName + " contains NUL characters; it is not a text file";
			case null -> throw new IllegalStateException("a refused decoding without a reason");
		};
		return new Decoded("", new RowError(d.refusal() == DelimitedText.Refusal.NOT_UTF_8 ? d.line() : 1, "", message));
	}

	static char delimiter(String text) {
		return DelimitedText.delimiter(text);
	}

	private static String rootMessage(Throwable e) {
		return DelimitedText.rootMessage(e);
	}

}
