package quire.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quire.corpus.CorpusService;
import quire.nlp.Candidate;
import quire.nlp.CandidateGroup;
import quire.nlp.DeidentificationPreview;
import quire.nlp.DeidentificationResult;
import quire.nlp.DeidentificationService;
import quire.project.ProjectService;

/**
 * Lists a document's candidate identifiers with their pseudonyms ({@code --preview}), or makes its
 * de-identified version with every candidate accepted ({@code --apply}); {@code --skip} leaves
 * surfaces out. After applying, the copy is scanned again and whatever is still detected is listed
 * (the residual check); {@code --check} runs that check on any document, e.g. before sharing it. The
 * web app's review page is the place to accept and reject one by one.
 */
@Command(name = "deidentify", mixinStandardHelpOptions = true,
		description = "De-identify a document: preview candidate identifiers and pseudonyms, or apply them as a new document.")
final class DeidentifyCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final CorpusService corpus;

	private final DeidentificationService deid;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", required = true, description = "the project's name")
	String project;

	@Option(names = "--document", description = "the document's name (not with --key)")
	String document;

	static final class Mode {

		@Option(names = "--preview", required = true, description = "list candidates and pseudonyms, change nothing")
		boolean preview;

		@Option(names = "--apply", required = true, description = "make the de-identified document (all candidates accepted)")
		boolean apply;

		@Option(names = "--check", required = true,
				description = "scan a document (e.g. a de-identified copy) and list every identifier still detected in it; exit 3 if any")
		boolean check;

		@Option(names = "--key", required = true,
				description = "print the project's pseudonym key (name -> pseudonym); for the project's owners")
		boolean key;

	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	Mode mode;

	@Option(names = "--skip", split = ",", description = "surfaces not to replace (comma-separated), with --apply")
	List<String> skip = List.of();

	@Option(names = "--name", description = "the new document's name (default: NAME (de-identified))")
	String name;

	@Option(names = "--json", description = "print JSON")
	boolean json;

	DeidentifyCommand(ProjectService projects, CorpusService corpus, DeidentificationService deid) {
		this.projects = projects;
		this.corpus = corpus;
		this.deid = deid;
	}

	@Override
	public Integer call() {
		var target = Lookups.project(projects, project);
		if (mode.key) {
			var key = deid.key(target.id());
			var out = spec.commandLine().getOut();
			if (json) {
				Lookups.printJson(out, key.stream()
					.map(k -> Map.of("surface", k.surface(), "kind", k.kind().name().toLowerCase(Locale.ROOT), "pseudonym",
							k.pseudonym()))
					.toList());
				return 0;
			}
			spec.commandLine().getErr().println("note: this key links pseudonyms to real names; keep it with the project's owners");
			for (var k : key) {
				out.printf(Locale.ROOT, "%s\t%s\t%s%n", k.pseudonym(), k.surface(), k.kind().label().toLowerCase(Locale.ROOT));
			}
			return 0;
		}
		if (document == null) {
			throw new IllegalArgumentException("--document is needed with --preview, --apply and --check");
		}
		var doc = Lookups.document(corpus, target, document);
		var err = spec.commandLine().getErr();
		if (!deid.nerLoaded() && deid.nerAvailable() && doc.language() == quire.corpus.Language.ENGLISH && !json) {
			err.println("loading CoreNLP's English NER (about 10 seconds, once)…");
		}
		var out = spec.commandLine().getOut();
		if (mode.check) {
			String notice = deid.notice(doc.language());
			err.println(prefix(doc.language()) + notice);
			List<Candidate> residual = deid.residualCheck(doc.id());
			printResidual(doc.name(), residual, out);
			return residual.isEmpty() ? 0 : 3;
		}
		DeidentificationPreview preview = deid.preview(doc.id(), p -> {
		});
		err.println(prefix(doc.language()) + preview.notice());
		if (mode.preview) {
			if (json) {
				Map<String, Object> root = new LinkedHashMap<>();
				root.put("document", preview.documentName());
				root.put("language", preview.language().code());
				root.put("method", preview.method());
				root.put("ner", deid.nerAvailable() && preview.language() == quire.corpus.Language.ENGLISH);
				root.put("notice", preview.notice());
				root.put("candidates", preview.groups().stream().map(DeidentifyCommand::json).toList());
				Lookups.printJson(out, root);
				return 0;
			}
			out.printf(Locale.ROOT, "%s: %d candidates in %d groups (%s)%n", preview.documentName(), preview.occurrences(),
					preview.groups().size(), preview.method());
			int width = Math.max(7, preview.groups().stream().mapToInt(g -> g.surface().length()).max().orElse(7));
			for (CandidateGroup g : preview.groups()) {
				out.printf(Locale.ROOT, "%-" + width + "s %-16s %3dx  %s%s%n", g.surface(), g.replacement(), g.occurrences().size(),
						g.kind().label().toLowerCase(Locale.ROOT), g.known() ? ", pseudonym from earlier documents" : "");
			}
			return 0;
		}
		List<CandidateGroup> reviewed = preview.groups().stream()
			.map(g -> skip.stream().anyMatch(s -> s.strip().equalsIgnoreCase(g.surface())) ? g.accept(false) : g)
			.toList();
		DeidentificationResult result = deid.apply(doc.id(), reviewed, name);
		if (json) {
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("document", result.document().name());
			root.put("replacements", result.replacements());
			root.put("codingsCopied", result.codingsCopied());
			root.put("residual", result.residual().stream().map(DeidentifyCommand::json).toList());
			Lookups.printJson(out, root);
			return 0;
		}
		out.printf(Locale.ROOT, "created '%s': %d replacements, %d codings moved with the text%n", result.document().name(),
				result.replacements(), result.codingsCopied());
		out.println("the original is unchanged; an owner can delete it on the review page");
		printResidual(result.document().name(), result.residual(), out);
		return 0;
	}

	/** "WARNING: " where detection runs without NER (English without the models, Norwegian), else "note: ". */
	private String prefix(quire.corpus.Language language) {
		return language == quire.corpus.Language.ENGLISH && deid.nerAvailable() ? "note: " : "WARNING: ";
	}

	/** The residual check: what is still detected in a document, one line each with its place and context. */
	private static void printResidual(String document, List<Candidate> residual, java.io.PrintWriter out) {
		if (residual.isEmpty()) {
			out.printf(Locale.ROOT, "residual check of '%s': nothing detected (rules can miss what they do not know: read it before sharing)%n",
					document);
			return;
		}
		out.printf(Locale.ROOT, "RESIDUAL CHECK of '%s': %d still detected; replace or confirm each before the copy leaves the project:%n",
				document, residual.size());
		for (Candidate c : residual) {
			out.printf(Locale.ROOT, "  %-24s %-12s at %d-%d (%s)%n", c.surface(), c.kind().label().toLowerCase(Locale.ROOT), c.start(),
					c.end(), c.source());
		}
	}

	private static Map<String, Object> json(Candidate c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("surface", c.surface());
		m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
		m.put("start", c.start());
		m.put("end", c.end());
		m.put("found by", c.source());
		return m;
	}

	private static Map<String, Object> json(CandidateGroup g) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("surface", g.surface());
		m.put("kind", g.kind().name().toLowerCase(Locale.ROOT));
		m.put("pseudonym", g.replacement());
		m.put("known", g.known());
		m.put("occurrences", g.occurrences().stream().map(o -> List.of(o.start(), o.end())).toList());
		m.put("found by", g.sources());
		return m;
	}

}
