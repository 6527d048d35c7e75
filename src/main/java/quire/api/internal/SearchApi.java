package quire.api.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.corpus.DocumentId;
import quire.project.Project;
import quire.project.ProjectId;
import quire.search.CodeFilter;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.SearchService;

/** Full-text search with the search page's syntax and filters, answered as keyword-in-context rows. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Search")
class SearchApi {

	/** Deepest hit a page may reach (offset + limit): the index collects that many rows to answer. */
	static final int MAX_DEPTH = 10_000;

	private final SearchService search;

	private final CodebookService codebook;

	private final ApiSupport api;

	SearchApi(SearchService search, CodebookService codebook, ApiSupport api) {
		this.search = search;
		this.codebook = codebook;
		this.api = api;
	}

	@GetMapping("/projects/{projectId}/search")
	@Operation(summary = "Searches speaker turns: words, \"phrases\", AND/OR/NOT, \"sick leave\"~3, summar*, caseworker~",
			description = "Filters as on the search page: document group, document, speaker, turns coded with all of "
					+ "`codedWith`, with none of `notCodedWith`, hits inside codings of `within` (codes by id, path or "
					+ "unique name; a theme stands for its sub-codes). Hits are keyword-in-context rows in document and "
					+ "text order, `limit` per page from `offset`; counts are always complete. Each hit's `turnIndex` counts "
					+ "turns from 0 (a position in the document's `turns`), its `turnNumber` from 1 as the pages show them.")
	Dto.SearchPage search(@PathVariable long projectId,
			@Parameter(description = "the query", required = true) @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String group, @RequestParam(required = false) @Nullable Long document,
			@RequestParam(required = false) @Nullable String speaker,
			@Parameter(description = "code id, path or name; repeatable") @RequestParam(required = false) @Nullable List<String> codedWith,
			@Parameter(description = "code id, path or name; repeatable") @RequestParam(required = false) @Nullable List<String> notCodedWith,
			@RequestParam(required = false) @Nullable String within, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "0") int offset, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		if (q == null || q.isBlank()) {
			throw new IllegalArgumentException("the parameter 'q' is required: the search query");
		}
		ApiSupport.limit(limit, CodingApi.MAX_LIMIT);
		if (offset < 0 || offset + limit > MAX_DEPTH) {
			throw new IllegalArgumentException("offset must be 0 or more and offset + limit at most " + MAX_DEPTH
					+ "; narrow the query or the filters");
		}
		CodeFilter codes = new CodeFilter(ids(p.id(), codedWith), ids(p.id(), notCodedWith),
				within == null || within.isBlank() ? null : id(p.id(), within));
		SearchRequest req = new SearchRequest(p.id(), q, blank(group), document == null ? null : new DocumentId(document),
				blank(speaker), offset + limit, codes);
		SearchResult result = search.search(req);
		List<Dto.KwicDto> hits = result.hits().stream().skip(offset).map(Dto.KwicDto::of).toList();
		boolean more = offset + hits.size() < result.totalHits() && hits.size() == limit;
		return new Dto.SearchPage(q, result.totalHits(), result.matchingTurns(),
				result.perDocument().stream().map(d -> new Dto.DocumentHitsDto(d.document().value(), d.documentName(), d.hits()))
					.toList(),
				offset, limit, hits, more ? offset + limit : null, Dto.IndexCheckDto.of(result.indexCheck()));
	}

	private List<CodeId> ids(ProjectId project, @Nullable List<String> codes) {
		return codes == null ? List.of() : codes.stream().filter(c -> !c.isBlank()).map(c -> id(project, c)).toList();
	}

	private CodeId id(ProjectId project, String code) {
		String wanted = code.strip();
		var found = wanted.matches("\\d+")
				? codebook.code(new CodeId(Long.parseLong(wanted))).filter(c -> c.projectId().equals(project))
				: codebook.findCode(project, wanted);
		return found.orElseThrow(() -> new IllegalArgumentException("no code '" + wanted + "' in this project")).id();
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
