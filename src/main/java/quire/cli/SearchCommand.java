package quire.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.project.Project;
import quire.search.CodeFilter;
import quire.corpus.DocumentId;
import quire.corpus.Turn;
import quire.project.ProjectService;
import java.util.List;

import quire.search.CrossProjectSearch;
import quire.search.DocumentHits;
import quire.search.ProjectHits;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.SearchService;

/** Searches a project and prints keyword-in-context lines or JSON hits. */
@Command(name = "search", description = "Search a project's transcripts; prints keyword-in-context lines.",
		mixinStandardHelpOptions = true)
@ReadsOnly
final class SearchCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final CorpusService corpus;

	private final SearchService search;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", description = "the project's name (required unless --all-projects)")
	String project;

	@Option(names = "--all-projects",
			description = "search every project the user (see --user) may read; results grouped by project")
	boolean allProjects;

	@Option(names = "--only-project", description = "with --all-projects: only these projects (repeatable)")
	java.util.List<String> onlyProjects = new java.util.ArrayList<>();

	@Option(names = "--group", description = "only documents of this group")
	String group;

	@Option(names = "--document", description = "only this document (by name)")
	String document;

	@Option(names = "--speaker", description = "only turns of this speaker label")
	String speaker;

	@Option(names = "--coded", description = "only turns coded with this code or its sub-codes (name or path; repeat for AND)")
	java.util.List<String> coded = new java.util.ArrayList<>();

	@Option(names = "--not-coded", description = "only turns not coded with this code or its sub-codes (repeatable)")
	java.util.List<String> notCoded = new java.util.ArrayList<>();

	@Option(names = "--within", description = "only hits inside a coding of this code or its sub-codes")
	String within;

	@Option(names = "--limit", defaultValue = "500", description = "most rows to print (counts stay complete)")
	int limit;

	@Option(names = "--json", description = "print JSON: hits with document, turn (index from 0), turnNumber (from 1, as the pages and the text output number turns), speaker, start, end, left, hit, right")
	boolean json;

	@Parameters(arity = "1..*", paramLabel = "QUERY",
			description = "words, \"phrases\", AND/OR/NOT, \"a b\"~3, wild*, fuzzy~")
	java.util.List<String> query;

	private final CodebookService codebook;

	SearchCommand(ProjectService projects, CorpusService corpus, SearchService search, CodebookService codebook) {
		this.projects = projects;
		this.corpus = corpus;
		this.search = search;
		this.codebook = codebook;
	}

	private CodeId code(Project target, String name) {
		return Lookups.code(codebook, target, name).id();
	}

	@Override
	public Integer call() throws InterruptedException {
		// one search from the command line should be complete: after an unclean stop, wait for the check
		search.awaitIndexCheck(check -> spec.commandLine().getErr().println("waiting: " + check.message()));
		if (search.indexCheck().isPresent()) {
			spec.commandLine().getErr().println("warning: " + search.indexCheck().get().message());
		}
		if (allProjects) {
			return searchAll();
		}
		if (project == null) {
			throw new IllegalArgumentException("give --project NAME, or --all-projects");
		}
		var target = Lookups.project(projects, project);
		DocumentId documentId = document == null ? null
				: Lookups.document(corpus, target, document).id();
		CodeFilter codes = new CodeFilter(coded.stream().map(c -> code(target, c)).toList(),
				notCoded.stream().map(c -> code(target, c)).toList(), within == null ? null : code(target, within));
		SearchResult result = search
			.search(new SearchRequest(target.id(), String.join(" ", query), group, documentId, speaker, limit, codes));
		var out = spec.commandLine().getOut();
		if (json) {
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("query", String.join(" ", query));
			root.put("totalHits", result.totalHits());
			root.put("matchingTurns", result.matchingTurns());
			root.put("truncated", result.truncated());
			root.put("perDocument", result.perDocument().stream()
				.map(d -> Map.of("document", d.documentName(), "hits", d.hits()))
				.toList());
			root.put("hits", result.hits().stream().map(SearchCommand::jsonHit).toList());
			Lookups.printJson(out, root);
			return 0;
		}
		if (result.totalHits() == 0) {
			out.println("no hits");
			return 0;
		}
		for (KwicHit h : result.hits()) {
			out.printf("%-28s %-22s %60s [%s] %s%n", clip(h.documentName() + " #" + Turn.number(h.turnIndex()), 28),
					clip(h.speaker() == null ? "" : h.speaker(), 22), h.left(), h.hit(), h.right());
		}
		out.printf("%d hits in %d turns:", result.totalHits(), result.matchingTurns());
		for (DocumentHits d : result.perDocument()) {
			out.printf(" %s (%d)", d.documentName(), d.hits());
		}
		out.println(result.truncated() ? " — showing the first " + result.hits().size() : "");
		return 0;
	}

	private int searchAll() {
		java.util.Set<quire.project.ProjectId> only = new java.util.HashSet<>();
		for (String name : onlyProjects) {
			only.add(Lookups.project(projects, name).id());
		}
		var request = new CrossProjectSearch(String.join(" ", query), group, speaker, coded, notCoded, within, only, limit);
		List<ProjectHits> results = search.searchAll(request);
		var out = spec.commandLine().getOut();
		if (json) {
			List<Map<String, Object>> groups = new java.util.ArrayList<>();
			for (ProjectHits p : results) {
				Map<String, Object> g = new LinkedHashMap<>();
				g.put("project", p.project().name());
				g.put("totalHits", p.result().totalHits());
				g.put("matchingTurns", p.result().matchingTurns());
				g.put("hits", p.result().hits().stream().map(SearchCommand::jsonHit).toList());
				groups.add(g);
			}
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("query", request.query());
			root.put("totalHits", results.stream().mapToInt(p -> p.result().totalHits()).sum());
			root.put("projects", groups);
			Lookups.printJson(out, root);
			return 0;
		}
		if (results.isEmpty()) {
			out.println("no hits in any project you may read");
			return 0;
		}
		for (ProjectHits p : results) {
			out.printf("== %s: %d hits in %d turns%n", p.project().name(), p.result().totalHits(),
					p.result().matchingTurns());
			for (KwicHit h : p.result().hits()) {
				out.printf("%-28s %-22s %60s [%s] %s%n", clip(h.documentName() + " #" + Turn.number(h.turnIndex()), 28),
						clip(h.speaker() == null ? "" : h.speaker(), 22), h.left(), h.hit(), h.right());
			}
		}
		return 0;
	}

	private static Map<String, Object> jsonHit(KwicHit h) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("document", h.documentName());
		m.put("turn", h.turnIndex()); // 0-based, as the API's turnIndex; kept for scripts that use it
		m.put("turnNumber", Turn.number(h.turnIndex()));
		m.put("speaker", h.speaker());
		m.put("start", h.start());
		m.put("end", h.end());
		m.put("left", h.left());
		m.put("hit", h.hit());
		m.put("right", h.right());
		return m;
	}

	private static String clip(String s, int width) {
		return s.length() <= width ? s : s.substring(0, width - 1) + "…";
	}

}
