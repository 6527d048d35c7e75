package quire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quire.corpus.Turn;
import quire.fidelity.FidelityResults;
import quire.fidelity.FidelityService;
import quire.fidelity.LabImportResult;
import quire.fidelity.MitiSession;
import quire.fidelity.RatingRole;
import quire.fidelity.Reliability;
import quire.fidelity.ResultGroup;
import quire.fidelity.ResultsBy;
import quire.fidelity.ResultsSource;
import quire.fidelity.ScoreSummary;
import quire.fidelity.Summary;
import quire.fidelity.ThresholdSet;
import quire.project.ProjectService;
import quire.stats.Agreement.Coefficient;
import quire.stats.Descriptives;

/** MITI fidelity: import a coding lab's results, print results against thresholds and reliability. */
@Command(subcommands = { MitiCommand.Import.class, MitiCommand.SummaryCommand.class, MitiCommand.Role.class, MitiCommand.Suggest.class },
		name = "miti", mixinStandardHelpOptions = true, description = "MITI 4.2.1 fidelity: import lab results, summarise.")
final class MitiCommand {

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Import a coding lab's CSV (one row per coded session); nothing is imported if a row is bad unless --good-rows.")
	static final class Import implements Callable<Integer> {

		private final ProjectService projects;

		private final FidelityService fidelity;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--map", split = ",", paramLabel = "HEADER=FIELD",
				description = "read a column Quire does not recognise as a field, e.g. --map \"Rater=coder,Emp=Empathy\"")
		Map<String, String> mapping = new LinkedHashMap<>();

		@Option(names = "--good-rows", description = "import the good rows even when some rows are bad")
		boolean goodRows;

		@Parameters(paramLabel = "FILE.csv")
		Path file;

		Import(ProjectService projects, FidelityService fidelity) {
			this.projects = projects;
			this.fidelity = fidelity;
		}

		@Override
		public Integer call() throws IOException {
			var target = Lookups.project(projects, project);
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(file + ": no such file");
			}
			LabImportResult result = fidelity.importLab(target.id(), file.getFileName().toString(), Files.readAllBytes(file),
					mapping, goodRows);
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			out.println(result.describe());
			for (String column : result.ignoredColumns()) {
				out.println("ignored column '" + column + "' (use --map to read it)");
			}
			for (LabImportResult.Problem p : result.problems()) {
				err.println(file.getFileName() + " " + p);
			}
			return result.problems().isEmpty() ? 0 : 1;
		}

	}

	@Command(name = "summary", mixinStandardHelpOptions = true,
			description = "Results per counsellor or session and overall over one rating source's primary ratings "
					+ "(the coding lab's by default): mean (SD), min–max, shares at fair and good; ICC from double-coding.")
	@ReadsOnly
	static final class SummaryCommand implements Callable<Integer> {

		private final ProjectService projects;

		private final FidelityService fidelity;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--by", defaultValue = "counsellor", description = "counsellor or session (default: ${DEFAULT-VALUE})")
		String by;

		@Option(names = "--thresholds", description = "threshold set: 'MITI 4.2.1' (default) or 'Beginning proficiency'")
		String thresholds;

		@Option(names = "--source", paramLabel = "lab|quire|pooled",
				description = "whose primary ratings: lab (the coding lab's; the default where the project has lab ratings), "
						+ "quire (coded in Quire) or pooled (both; a session rated by both counts once, by the lab's rating)")
		String source;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		SummaryCommand(ProjectService projects, FidelityService fidelity) {
			this.projects = projects;
			this.fidelity = fidelity;
		}

		@Override
		public Integer call() {
			var target = Lookups.project(projects, project);
			ResultsBy grouping = switch (by.toLowerCase(Locale.ROOT)) {
				case "counsellor", "counselor" -> ResultsBy.COUNSELLOR;
				case "session" -> ResultsBy.SESSION;
				default -> throw new IllegalArgumentException("unknown grouping '" + by + "': use counsellor or session");
			};
			ThresholdSet set = thresholds == null ? fidelity.thresholdSet(target.id())
					: fidelity.thresholdSet(target.id(), thresholds)
						.orElseThrow(() -> new IllegalArgumentException("unknown threshold set '" + thresholds + "': use one of "
								+ fidelity.thresholdSets(target.id()).stream().map(ThresholdSet::name).toList()));
			ResultsSource from = source == null ? fidelity.defaultSource(target.id()) : ResultsSource.parse(source);
			FidelityResults results = fidelity.results(target.id(), grouping, set, from);
			Reliability reliability = fidelity.reliability(target.id(), List.of());
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				Map<String, Object> root = new LinkedHashMap<>();
				root.put("source", from.key());
				root.put("caption", results.caption());
				root.put("sessionsLeftOut", results.leftOut());
				root.put("thresholds", set.name());
				root.put("by", grouping.name().toLowerCase(Locale.ROOT));
				root.put("groups", results.groups().stream().map(SummaryCommand::json).toList());
				root.put("overall", json(results.overall()));
				Map<String, Object> icc = new LinkedHashMap<>();
				icc.put("coders", reliability.coders());
				icc.put("sessions", reliability.sessions());
				icc.put("form", reliability.rows().isEmpty() ? null : reliability.rows().get(0).icc().form().label());
				icc.put("measures", reliability.rows().stream().map(r -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("measure", r.measure());
					m.put("icc", number(r.icc().icc()));
					m.put("lower", number(r.icc().lower()));
					m.put("upper", number(r.icc().upper()));
					m.put("reading", r.icc().reading().label());
					return m;
				}).toList());
				root.put("reliability", icc);
				Lookups.printJson(out, root);
				return 0;
			}
			out.println("Ratings: " + results.caption());
			out.println("Thresholds: " + set.name());
			out.printf(Locale.ROOT, "%-24s %4s  %-22s %-22s %-22s %-22s %-14s %-14s%n", grouping.label(), "n", "Relational",
					"Technical", "%CR", "R:Q", "MI-adherent", "non-adherent");
			for (ResultGroup g : results.groups()) {
				line(out, g);
			}
			line(out, results.overall());
			if (!reliability.rows().isEmpty()) {
				out.println();
				out.println("Reliability: " + reliability.rows().get(0).icc().form().label() + ", " + String.join(" vs ",
						reliability.coders()) + ", " + reliability.sessions() + " sessions");
				for (Reliability.Row r : reliability.rows()) {
					out.printf(Locale.ROOT, "  %-34s %s [%s, %s] %s%n", r.measure(), fmt(r.icc().icc()), fmt(r.icc().lower()),
							fmt(r.icc().upper()), r.icc().reading().label());
				}
			}
			return 0;
		}

		private static void line(PrintWriter out, ResultGroup g) {
			out.printf(Locale.ROOT, "%-24s %4d  %-22s %-22s %-22s %-22s %-14s %-14s%n", clip(g.name(), 24), g.sessions(),
					cell(g.score(Summary.RELATIONAL)), cell(g.score(Summary.TECHNICAL)), cell(g.score(Summary.PERCENT_CR)),
					cell(g.score(Summary.RQ)), meanSd(g.score(Summary.MI_ADHERENT).stats()),
					meanSd(g.score(Summary.MI_NON_ADHERENT).stats()));
		}

		/** "3.26 (0.69) 60%≥fair" */
		private static String cell(ScoreSummary s) {
			String text = meanSd(s.stats());
			if (s.atLeastFair().defined()) {
				text += String.format(Locale.ROOT, " %.0f%%≥fair", s.atLeastFair().value() * 100);
			}
			if (s.notDefined() > 0) {
				text += " (" + s.notDefined() + " n/d)";
			}
			return text;
		}

		private static String meanSd(Descriptives.Summary d) {
			if (!d.mean().defined()) {
				return "not defined";
			}
			return d.sd().defined() ? String.format(Locale.ROOT, "%.2f (%.2f)", d.mean().value(), d.sd().value())
					: String.format(Locale.ROOT, "%.2f", d.mean().value());
		}

		private static Map<String, Object> json(ResultGroup g) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", g.name());
			m.put("sessions", g.sessions());
			for (ScoreSummary s : g.scores()) {
				Map<String, Object> v = new LinkedHashMap<>();
				v.put("n", s.stats().n());
				v.put("mean", number(s.stats().mean()));
				v.put("sd", number(s.stats().sd()));
				v.put("min", number(s.stats().min()));
				v.put("max", number(s.stats().max()));
				v.put("notDefined", s.notDefined());
				v.put("shareAtLeastFair", number(s.atLeastFair()));
				v.put("shareGood", number(s.good()));
				m.put(s.summary().shortName(), v);
			}
			return m;
		}

		private static String clip(String s, int width) {
			return s.length() <= width ? s : s.substring(0, width - 1) + "…";
		}

	}

	@Command(name = "role", mixinStandardHelpOptions = true,
			description = "Make a coder's rating of a session its primary rating (results use it; the session's "
					+ "other primary rating of that source becomes reliability) or a reliability rating (ICC only).")
	static final class Role implements Callable<Integer> {

		private final ProjectService projects;

		private final FidelityService fidelity;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--session", required = true, description = "the session's label, e.g. S01")
		String session;

		@Option(names = "--coder", required = true, description = "the coder whose rating it is")
		String coder;

		@Option(names = "--role", required = true, paramLabel = "primary|reliability", description = "primary or reliability")
		String role;

		Role(ProjectService projects, FidelityService fidelity) {
			this.projects = projects;
			this.fidelity = fidelity;
		}

		@Override
		public Integer call() {
			var target = Lookups.project(projects, project);
			RatingRole wanted = switch (role.strip().toLowerCase(Locale.ROOT)) {
				case "primary" -> RatingRole.PRIMARY;
				case "reliability" -> RatingRole.RELIABILITY;
				default -> throw new IllegalArgumentException("unknown role '" + role + "': use primary or reliability");
			};
			MitiSession s = fidelity.sessions(target.id()).stream().filter(x -> x.label().equals(session.strip())).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no MITI session '" + session + "' in project '"
						+ target.name() + "'"));
			fidelity.setRole(s.id(), coder, wanted);
			spec.commandLine().getOut().println("session " + s.label() + ": " + coder.strip() + "'s rating is now "
					+ wanted.label());
			return 0;
		}

	}

	static String fmt(Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.3f", c.value()) : "n/d";
	}

	static Object number(Coefficient c) {
		return c.defined() ? Math.round(c.value() * 10000) / 10000.0 : null;
	}

	@Command(name = "suggest", mixinStandardHelpOptions = true,
			description = "Suggested MITI codes for each counsellor turn of an English transcript (turn number from 1 as the pages show it, code, confidence, text; --json gives turnNumber and the 0-based turn).")
	static final class Suggest implements Callable<Integer> {

		private final ProjectService projects;

		private final quire.corpus.CorpusService corpus;

		private final quire.fidelity.MitiCodingService miti;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--document", required = true, description = "the transcript's name")
		String document;

		@Option(names = "--counsellor", required = true, description = "the counsellor's speaker label")
		String counsellor;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		Suggest(ProjectService projects, quire.corpus.CorpusService corpus, quire.fidelity.MitiCodingService miti) {
			this.projects = projects;
			this.corpus = corpus;
			this.miti = miti;
		}

		@Override
		public Integer call() {
			var target = Lookups.project(projects, project);
			var doc = Lookups.document(corpus, target, document);
			var suggestions = miti.suggest(doc.id(), counsellor);
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				Lookups.printJson(out, suggestions.stream()
					.map(s -> {
						Map<String, Object> m = new LinkedHashMap<>();
						m.put("turn", s.turnIndex()); // 0-based, as the API's turnIndex
						m.put("turnNumber", Turn.number(s.turnIndex()));
						m.put("text", s.text());
						m.put("code", s.behaviour().shortName());
						m.put("rule", s.rule());
						m.put("confidence", s.confidence());
						return m;
					})
					.toList());
				return 0;
			}
			for (var s : suggestions) {
				String text = s.text().replaceAll("\\s+", " ");
				out.printf(Locale.ROOT, "#%-4d %-9s %.2f  %s%n", Turn.number(s.turnIndex()), s.behaviour().shortName(), s.confidence(),
						text.length() > 100 ? text.substring(0, 99) + "…" : text);
			}
			return 0;
		}

	}

}
