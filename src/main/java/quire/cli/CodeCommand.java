package quire.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.coding.AutoCodeUnit;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.coding.TextSpan;
import quire.corpus.DocumentId;
import quire.project.ProjectService;
import quire.search.CodeFilter;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchService;
import quire.security.Actors;

/**
 * Codes every hit of a search with one code (the command-line twin of "Code all hits…" on the
 * Search page). Each document's codings are one transaction, printed as they are committed, so an
 * interrupted run keeps the documents it finished, and running it again codes only what is missing
 * (spans the coder has already coded so are skipped).
 */
@Command(name = "code", mixinStandardHelpOptions = true,
		description = "Code every hit of a search with a code, one transaction per document.")
final class CodeCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final SearchService search;

	private final CodebookService codebook;

	private final CodingService codings;

	private final Actors actors;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", required = true, description = "the project's name")
	String project;

	@Option(names = "--code", required = true, description = "the code's name or path, e.g. 'Adoption › MI seen as useful'")
	String code;

	@Option(names = "--coder", description = "the coder's name (default: the user running the command)")
	String coder;

	@Option(names = "--unit", defaultValue = "hit",
			description = "what to code around each hit: hit, sentence or turn (default: hit)")
	String unit;

	@Parameters(arity = "1..*", paramLabel = "QUERY",
			description = "words, \"phrases\", AND/OR/NOT, \"a b\"~3, wild*, fuzzy~ (as for search)")
	List<String> query;

	CodeCommand(ProjectService projects, SearchService search, CodebookService codebook, CodingService codings,
			Actors actors) {
		this.projects = projects;
		this.search = search;
		this.codebook = codebook;
		this.codings = codings;
		this.actors = actors;
	}

	@Override
	public Integer call() throws InterruptedException {
		var target = Lookups.project(projects, project);
		// coding every hit needs every hit: after an unclean stop, wait for the index check as search does
		search.awaitIndexCheck(check -> spec.commandLine().getErr().println("waiting: " + check.message()));
		// a failed check leaves search incomplete: coding "every hit" would silently leave some uncoded
		var failed = search.indexCheck().filter(check -> check.failure() != null);
		if (failed.isPresent()) {
			throw new IllegalStateException("nothing coded: " + failed.get().message());
		}
		Code c = Lookups.code(codebook, target, code);
		AutoCodeUnit autoUnit = switch (unit.toLowerCase(Locale.ROOT)) {
			case "hit" -> AutoCodeUnit.HIT;
			case "sentence" -> AutoCodeUnit.SENTENCE;
			case "turn" -> AutoCodeUnit.TURN;
			default -> throw new IllegalArgumentException("unknown unit '" + unit + "'; use hit, sentence or turn");
		};
		String who = coder != null ? coder : actors.current().name();
		var result = search.search(new SearchRequest(target.id(), String.join(" ", query), null, null, null,
				Integer.MAX_VALUE / 2, CodeFilter.NONE));
		Map<DocumentId, List<TextSpan>> byDocument = new LinkedHashMap<>();
		Map<DocumentId, String> names = new LinkedHashMap<>();
		for (KwicHit h : result.hits()) {
			byDocument.computeIfAbsent(h.document(), d -> new ArrayList<>()).add(new TextSpan(h.document(), h.start(), h.end()));
			names.putIfAbsent(h.document(), h.documentName());
		}
		var out = spec.commandLine().getOut();
		int made = 0;
		for (var e : byDocument.entrySet()) {
			int n = codings.codeAll(target.id(), c.id(), who, codings.expand(e.getValue(), autoUnit));
			made += n;
			out.printf("coded %s: %d new coding%s%n", names.get(e.getKey()), n, n == 1 ? "" : "s");
		}
		out.printf("%d new coding%s with '%s' as %s in %d document%s%n", made, made == 1 ? "" : "s", c.name(), who,
				byDocument.size(), byDocument.size() == 1 ? "" : "s");
		return 0;
	}

}
