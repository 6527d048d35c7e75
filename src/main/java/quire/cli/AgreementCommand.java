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
import quire.coding.CodeSystem;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.Strand;
import quire.project.ProjectService;
import quire.stats.Agreement.Coefficient;

/** Prints inter-coder agreement per code and overall. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
		description = "Inter-coder agreement: units, units coded by anyone, percentage, Cohen's kappa (two coders), "
				+ "Krippendorff's alpha with a 95% bootstrap interval, per code and pooled over one code system. "
				+ "Defaults: speaker turns, the qualitative strand, the thematic codes.")
@ReadsOnly
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

	@Option(names = "--unit", defaultValue = "turn",
			description = "turn (speaker turn), sentence, or character (character-level agreement, not comparable to "
					+ "unit-based figures) (default: ${DEFAULT-VALUE})")
	String unit;

	@Option(names = "--system", defaultValue = "thematic",
			description = "the code system: thematic or miti; the overall figure pools only its codes (default: ${DEFAULT-VALUE})")
	String system;

	@Option(names = "--strand", defaultValue = "qualitative",
			description = "documents of this strand when no --document is given: qualitative, fidelity, or all "
					+ "(default: ${DEFAULT-VALUE})")
	String strand;

	@Option(names = "--resamples", defaultValue = "" + AgreementRequest.DEFAULT_RESAMPLES,
			description = "bootstrap resamples for alpha's 95% interval (default: ${DEFAULT-VALUE})")
	int resamples;

	@Option(names = "--seed", defaultValue = "" + AgreementRequest.DEFAULT_SEED,
			description = "the bootstrap's seed; the same seed gives the same interval (default: ${DEFAULT-VALUE})")
	long seed;

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
		var target = Lookups.project(projects, project);
		AgreementUnit u = AgreementUnit.parse(unit);
		CodeSystem codeSystem = CodeSystem.parse(system);
		Strand chosenStrand = strand.strip().equalsIgnoreCase("all") ? null : Strand.parse(strand);
		List<DocumentId> docs = documents.stream()
			.map(name -> Lookups.document(corpus, target, name).id())
			.toList();
		var codeIds = codes.stream()
			.map(name -> Lookups.code(codebook, target, name).id())
			.toList();
		AgreementReport report = agreement.compare(
				new AgreementRequest(target.id(), coders, docs, chosenStrand, codeIds, codeSystem, u, resamples, seed));
		var out = spec.commandLine().getOut();
		if (json) {
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("computedOver", report.computedOver());
			root.put("unit", report.unit().name().toLowerCase(Locale.ROOT));
			if (!report.unit().caveat().isEmpty()) {
				root.put("unitCaveat", report.unit().caveat());
			}
			root.put("coders", report.coders());
			root.put("strand", report.strand() == null ? null : report.strand().name().toLowerCase(Locale.ROOT));
			root.put("documentScope", report.documentScope());
			root.put("documents", report.documents());
			root.put("documentNames", report.documentNames());
			root.put("unitsPerCode", report.units());
			root.put("codeSystem", report.system().name().toLowerCase(Locale.ROOT));
			root.put("codeScope", report.codeScope());
			Map<String, Object> bootstrap = new LinkedHashMap<>();
			bootstrap.put("method", "percentile bootstrap over units (pooled row: over units with all their codes)");
			bootstrap.put("resamples", report.overall().alphaCi().resamples());
			bootstrap.put("seed", report.overall().alphaCi().seed());
			bootstrap.put("level", report.overall().alphaCi().level());
			root.put("alphaInterval", bootstrap);
			root.put("codes", report.codes().stream().map(AgreementCommand::json).toList());
			root.put("overall", json(report.overall()));
			root.put("disagreements", report.disagreements().size());
			Lookups.printJson(out, root);
			return 0;
		}
		out.println("Computed over: " + report.computedOver());
		out.printf(Locale.ROOT, "Documents: %s%n", String.join(", ", report.documentNames()));
		out.printf(Locale.ROOT, "Krippendorff's alpha with a 95%% percentile bootstrap interval (%d resamples, seed %d)%n",
				report.overall().alphaCi().resamples(), report.overall().alphaCi().seed());
		int width = Math.min(80, Math.max(10, report.codes().stream().mapToInt(a -> a.code().length()).max().orElse(10)));
		out.printf(Locale.ROOT, "%-" + width + "s %7s %7s %9s %9s %9s  %s%n", "code", "units", "coded", "agree", "kappa", "alpha",
				"alpha 95% CI");
		for (CodeAgreement a : report.codes()) {
			line(out, a, width);
		}
		line(out, report.overall(), width);
		out.printf(Locale.ROOT, "%d disagreements%n", report.disagreements().size());
		return 0;
	}

	private static void line(java.io.PrintWriter out, CodeAgreement a, int width) {
		String name = a.code().length() > width ? a.code().substring(0, width - 1) + "…" : a.code();
		out.printf(Locale.ROOT, "%-" + width + "s %7d %7d %9s %9s %9s  %s%n", name, a.units(), a.codedUnits(),
				percent(a.percent()), value(a.kappa()), value(a.alpha()), a.alphaCiText());
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
		Map<String, Object> ci = new LinkedHashMap<>();
		if (a.alphaCi().lower().defined()) {
			ci.put("lower", json(a.alphaCi().lower()));
			ci.put("upper", json(a.alphaCi().upper()));
		}
		else {
			ci.put("undefined", a.alphaCi().lower().reason());
		}
		m.put("alphaCi95", ci);
		return m;
	}

	private static Object json(Coefficient c) {
		if (c.defined()) {
			return Math.round(c.value() * 10000) / 10000.0;
		}
		return Map.of("undefined", c.reason());
	}

}
