package quire.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quire.coding.AgreementReport;
import quire.coding.AgreementReport.CodeAgreement;
import quire.coding.AgreementRequest;
import quire.coding.AgreementService;
import quire.coding.AgreementUnit;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.project.ProjectService;
import quire.stats.Agreement.Coefficient;
import tools.jackson.databind.json.JsonMapper;

/** Prints inter-coder agreement per code and overall. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
		description = "Inter-coder agreement: percentage, Cohen's kappa (two coders), Krippendorff's alpha, per code and overall.")
final class AgreementCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final AgreementService agreement;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", required = true, description = "the project's name")
	String project;

	@Option(names = "--coders", required = true, split = ",", description = "two or more coder names, comma-separated")
	List<String> coders;

	@Option(names = "--unit", defaultValue = "character", description = "character, sentence or turn (default: ${DEFAULT-VALUE})")
	String unit;

	@Option(names = "--document", description = "only these documents (by name; repeatable)")
	List<String> documents = new ArrayList<>();

	@Option(names = "--code", description = "only these codes (by name or path; repeatable)")
	List<String> codes = new ArrayList<>();

	@Option(names = "--json", description = "print JSON")
	boolean json;

	AgreementCommand(ProjectService projects, CorpusService corpus, CodebookService codebook, AgreementService agreement) {
		this.projects = projects;
		this.corpus = corpus;
		this.codebook = codebook;
		this.agreement = agreement;
	}

	@Override
	public Integer call() {
		var target = projects.require(project);
		AgreementUnit u = switch (unit.toLowerCase(Locale.ROOT)) {
			case "character", "char" -> AgreementUnit.CHARACTER;
			case "sentence" -> AgreementUnit.SENTENCE;
			case "turn" -> AgreementUnit.TURN;
			default -> throw new IllegalArgumentException("unknown unit '" + unit + "': use character, sentence or turn");
		};
		List<DocumentId> docs = documents.stream()
			.map(name -> corpus.findDocument(target.id(), name)
				.orElseThrow(() -> new IllegalArgumentException("no document named '" + name + "' in project '" + target.name() + "'"))
				.id())
			.toList();
		var codeIds = codes.stream()
			.map(name -> codebook.findCode(target.id(), name)
				.orElseThrow(() -> new IllegalArgumentException("no code named '" + name + "' in project '" + target.name() + "'"))
				.id())
			.toList();
		AgreementReport report = agreement.compare(new AgreementRequest(target.id(), coders, docs, codeIds, u));
		var out = spec.commandLine().getOut();
		if (json) {
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("unit", report.unit().name().toLowerCase(Locale.ROOT));
			root.put("coders", report.coders());
			root.put("documents", report.documents());
			root.put("codes", report.codes().stream().map(AgreementCommand::json).toList());
			root.put("overall", json(report.overall()));
			root.put("disagreements", report.disagreements().size());
			out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root));
			return 0;
		}
		out.printf(Locale.ROOT, "%s on %d documents, unit: %s%n", String.join(", ", report.coders()), report.documents(),
				report.unit().label());
		int width = Math.min(80, Math.max(10, report.codes().stream().mapToInt(a -> a.code().length()).max().orElse(10)));
		out.printf(Locale.ROOT, "%-" + width + "s %7s %7s %9s %9s %9s%n", "code", "units", "coded", "agree", "kappa", "alpha");
		for (CodeAgreement a : report.codes()) {
			line(out, a, width);
		}
		line(out, report.overall(), width);
		out.printf(Locale.ROOT, "%d disagreements%n", report.disagreements().size());
		return 0;
	}

	private static void line(java.io.PrintWriter out, CodeAgreement a, int width) {
		String name = a.code().length() > width ? a.code().substring(0, width - 1) + "…" : a.code();
		out.printf(Locale.ROOT, "%-" + width + "s %7d %7d %9s %9s %9s%n", name, a.units(), a.codedUnits(), percent(a.percent()),
				value(a.kappa()), value(a.alpha()));
	}

	private static String percent(Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.1f%%", c.value() * 100) : "undefined";
	}

	private static String value(Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.3f", c.value()) : "undefined";
	}

	private static Map<String, Object> json(CodeAgreement a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", a.code());
		m.put("units", a.units());
		m.put("codedUnits", a.codedUnits());
		m.put("percentAgreement", json(a.percent()));
		m.put("cohensKappa", json(a.kappa()));
		m.put("krippendorffsAlpha", json(a.alpha()));
		return m;
	}

	private static Object json(Coefficient c) {
		if (c.defined()) {
			return Math.round(c.value() * 10000) / 10000.0;
		}
		return Map.of("undefined", c.reason());
	}

}
