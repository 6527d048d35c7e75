package quire.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.Turn;
import quire.corpus.TurnTimes;
import quire.project.ProjectService;

/**
 * When speaker turns start in a document's recording, set from the command line: one turn, or many from a
 * two-column CSV file (turn, start). Turns are numbered from 1 as the transcript page shows them; times are
 * {@code h:mm:ss.f}, {@code m:ss.f} or milliseconds. Starts must stay in turn order, as on the page: a time
 * out of order is refused with the page's message and nothing changes.
 */
@Command(subcommands = { TurnTimesCommand.SetStart.class, TurnTimesCommand.ImportStarts.class }, name = "times",
		description = "Set when speaker turns start in a document's recording.", mixinStandardHelpOptions = true)
final class TurnTimesCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "set", mixinStandardHelpOptions = true,
			description = "Set one turn's start, e.g. --turn 3 --at 00:01:23.5 (or --at 83500, milliseconds).")
	static final class SetStart implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final TurnTimes turnTimes;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Mixin
		DocumentOptions target;

		@Option(names = "--turn", required = true, description = "the turn, numbered from 1 as the transcript shows it")
		int turn;

		@Option(names = "--at", required = true, paramLabel = "TIME",
				description = "when it starts: h:mm:ss.f, m:ss.f or milliseconds")
		String at;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		SetStart(ProjectService projects, CorpusService corpus, TurnTimes turnTimes) {
			this.projects = projects;
			this.corpus = corpus;
			this.turnTimes = turnTimes;
		}

		@Override
		public Integer call() {
			DocumentSummary doc = target.find(projects, corpus);
			long ms = TurnTimes.parseStart(at);
			if (turn < 1) {
				throw new IllegalArgumentException("turns are numbered from 1, not " + turn);
			}
			Turn set = turnTimes.setStart(doc.id(), turn - 1, ms);
			print(spec, doc, List.of(set), json);
			return 0;
		}

	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Set many turns' starts from a CSV file with two columns, turn (from 1) and start "
					+ "(h:mm:ss.f, m:ss.f or milliseconds); a header row is skipped. All or nothing.")
	static final class ImportStarts implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final TurnTimes turnTimes;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Mixin
		DocumentOptions target;

		@Parameters(index = "0", paramLabel = "FILE", description = "the CSV file: turn,start per line")
		Path file;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		ImportStarts(ProjectService projects, CorpusService corpus, TurnTimes turnTimes) {
			this.projects = projects;
			this.corpus = corpus;
			this.turnTimes = turnTimes;
		}

		@Override
		public Integer call() {
			DocumentSummary doc = target.find(projects, corpus);
			Map<Integer, Long> starts = read(file);
			List<Turn> set = turnTimes.setStartsInOrder(doc.id(), starts);
			print(spec, doc, set, json);
			return 0;
		}

	}

	/**
	 * Reads turn,start lines (comma, semicolon or tab between the two; a comma may also be the time's decimal
	 * point, since only the first delimiter splits) into starts by turn index from 0.
	 * @throws IllegalArgumentException naming the file, line and value of the first bad line
	 */
	static Map<Integer, Long> read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file + ": no such file");
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException(file + ": not UTF-8 text (save it as CSV UTF-8)");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
		}
		Map<Integer, Long> starts = new TreeMap<>();
		Map<Integer, Integer> lineOf = new TreeMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split("[,;\t]", 2);
			String where = file + ", line " + (i + 1) + ": ";
			if (cells.length < 2) {
				throw new IllegalArgumentException(where + "expected two columns, turn and start, got '" + line + "'");
			}
			String turnCell = unquote(cells[0]);
			if (starts.isEmpty() && !turnCell.matches("\\d+")) {
				continue; // a header row such as "turn,start"
			}
			if (!turnCell.matches("\\d{1,9}") || Integer.parseInt(turnCell) < 1) {
				throw new IllegalArgumentException(where + "'" + turnCell + "' is not a turn number (from 1)");
			}
			int turn = Integer.parseInt(turnCell);
			long ms;
			try {
				ms = TurnTimes.parseStart(unquote(cells[1]));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + ex.getMessage());
			}
			Integer earlier = lineOf.put(turn, i + 1);
			if (earlier != null) {
				throw new IllegalArgumentException(where + "turn " + turn + " is given twice (lines " + earlier + " and "
						+ (i + 1) + ")");
			}
			starts.put(turn - 1, ms);
		}
		if (starts.isEmpty()) {
			throw new IllegalArgumentException(file + ": no turn,start lines");
		}
		return starts;
	}

	private static String unquote(String cell) {
		String s = cell.strip();
		return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
	}

	private static void print(CommandSpec spec, DocumentSummary doc, List<Turn> set, boolean json) {
		var out = spec.commandLine().getOut();
		if (json) {
			Lookups.printJson(out, set.stream().map(t -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("document", doc.name());
				m.put("turn", t.index() + 1);
				m.put("speaker", t.speaker());
				m.put("startMs", t.startMs());
				return m;
			}).toList());
			return;
		}
		if (set.size() == 1) {
			Turn t = set.getFirst();
			out.println("turn " + (t.index() + 1) + (t.speaker() == null ? "" : " (" + t.speaker() + ")") + " of '"
					+ doc.name() + "' starts at " + TurnTimes.clock(Objects.requireNonNull(t.startMs())));
			return;
		}
		out.println("set the starts of " + set.size() + " turns of '" + doc.name() + "' (turns " + (set.getFirst().index() + 1)
				+ " to " + (set.getLast().index() + 1) + ")");
	}

}
