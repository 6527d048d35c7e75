package quire.api.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.CodedPassage;
import quire.coding.CodedSegment;
import quire.coding.Coding;
import quire.coding.CodingQuery;
import quire.coding.CodingService;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.coding.RetrievalService;
import quire.corpus.Attribute;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.ParticipantLookup;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLinkService;
import quire.fidelity.FidelityService;
import quire.fidelity.ResultGroup;
import quire.fidelity.ResultsBy;
import quire.fidelity.ThresholdSet;
import quire.project.Project;
import quire.project.ProjectId;
import quire.security.Actors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codebook, codings and coded segments (paged by a keyset cursor, or streamed as NDJSON), and
 * writing codings and memos.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Coding")
class CodingApi {

	static final int MAX_LIMIT = 1000;

	static final String NDJSON = "application/x-ndjson";

	private final CodebookService codebook;

	private final CodingService codings;

	private final RetrievalService retrieval;

	private final MemoService memos;

	private final ParticipantService participants;

	private final FidelityService fidelity;

	private final Actors actors;

	private final CorpusService corpus;

	private final ApiSupport api;

	private final JsonMapper json;

	private final SpeakerLinkService speakers;

	CodingApi(CodebookService codebook, CodingService codings, RetrievalService retrieval, MemoService memos,
			ParticipantService participants, FidelityService fidelity, Actors actors, CorpusService corpus, ApiSupport api,
			JsonMapper json, SpeakerLinkService speakers) {
		this.speakers = speakers;
		this.codebook = codebook;
		this.codings = codings;
		this.retrieval = retrieval;
		this.memos = memos;
		this.participants = participants;
		this.fidelity = fidelity;
		this.actors = actors;
		this.corpus = corpus;
		this.api = api;
		this.json = json;
	}

	@GetMapping("/projects/{projectId}/codes")
	@Operation(summary = "The codebook: every code with its path, RE-AIM dimensions, stance and origin")
	List<Dto.CodeDto> codes(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return codebook.codes(p.id()).stream().map(Dto.CodeDto::of).toList();
	}

	@GetMapping("/projects/{projectId}/codings")
	@Operation(summary = "Codings, filtered by code, coder, document or group, a page at a time",
			description = "Pages are in coding-id order: pass the answer's `next` as `after` for the next page. "
					+ "With `Accept: application/x-ndjson` every matching coding is streamed, one JSON object a line.")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = CodingPage.class)),
			@Content(mediaType = NDJSON, schema = @Schema(implementation = Dto.CodingDto.class)) })
	ResponseEntity<?> codings(@PathVariable long projectId,
			@Parameter(description = "code id, name or path; its sub-codes count too") @RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String coder,
			@RequestParam(required = false) @Nullable Long document,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long after,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Project p = api.read(projectId, request);
		CodingQuery query = query(p.id(), code, coder, document, group);
		if (wantsNdjson(accept)) {
			return stream(after, (from) -> codings.codingsAfter(p.id(), query, from, MAX_LIMIT), Coding::id,
					Dto.CodingDto::of, response);
		}
		List<Coding> page = codings.codingsAfter(p.id(), query, after, ApiSupport.limit(limit, MAX_LIMIT));
		return ResponseEntity.ok(new Dto.Page<>(page.stream().map(Dto.CodingDto::of).toList(),
				page.size() < limit ? null : page.get(page.size() - 1).id().value()));
	}

	@PostMapping("/projects/{projectId}/codings")
	@Operation(summary = "Codes [start, end) of a document as the token's user; coders and owners",
			description = "The same checks as coding in the transcript: the span must hold words of the document, "
					+ "leading and trailing white space is left out, and the same span, code and coder again "
					+ "returns the existing coding.")
	ResponseEntity<Dto.CodingDto> code(@PathVariable long projectId, @RequestBody Dto.NewCoding body,
			HttpServletRequest request) {
		Project p = api.write(projectId, request);
		Code c = code(p.id(), body.code());
		DocumentId document = new DocumentId(body.document());
		// the same answer for a document of another project as for one that does not exist: no oracle
		if (!corpus.document(document).map(d -> d.projectId().equals(p.id())).orElse(false)) {
			throw new ApiNotFoundException("no document with id " + body.document() + " in project " + projectId);
		}
		Coding coding = codings.code(document, c.id(), body.start(), body.end(), actors.current().name());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/codings?after="
				+ (coding.id().value() - 1) + "&limit=1")).body(Dto.CodingDto.of(coding));
	}

	@GetMapping("/projects/{projectId}/segments")
	@Operation(summary = "Coded segments of a code (with its sub-codes) joined with speaker, participant attributes "
			+ "and the speaker's MITI summary: one row per coding, or one row per passage",
			description = "By default one row per coding (`rows: \"codings\"`): when several coders coded the same "
					+ "passage it appears once for each of them; `coder=Anna` keeps one coder's codings, which is one "
					+ "row per passage that coder coded. `merge=passages` answers one row per passage instead "
					+ "(`rows: \"passages\"`): the codings of one speaker turn whose spans overlap, whoever coded them, "
					+ "merged into their union, with `coders`, `codes` and `codingIds` listing what was merged. "
					+ "Each row has the code path(s), document, group, turn (`turnIndex` from 0, `turnNumber` from 1 as the "
					+ "pages show it), speaker, participant, the coded text "
					+ "with context, the participant's attributes by name and, when the speaker is a MITI counsellor, "
					+ "the means of their summary scores. `attribute=Role:caseworker` (repeatable, all must match) keeps "
					+ "rows of speakers with those attribute values. Paged like codings (with `merge=passages`, "
					+ "`next`/`after` count passages); NDJSON streams all rows.")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = SegmentPage.class)),
			@Content(mediaType = NDJSON, schema = @Schema(oneOf = { Dto.SegmentDto.class, Dto.PassageDto.class })) })
	ResponseEntity<?> segments(@PathVariable long projectId,
			@Parameter(description = "code id, name or path; its sub-codes count too", required = true) @RequestParam(required = false) @Nullable String code,
			@Parameter(description = "only this coder's codings") @RequestParam(required = false) @Nullable String coder,
			@RequestParam(required = false) @Nullable Long document,
			@RequestParam(required = false) @Nullable String group,
			@Parameter(description = "name:value, e.g. Role:caseworker; repeat for more (all must match)") @RequestParam(required = false) @Nullable List<String> attribute,
			@Parameter(description = "`passages`: one row per passage, overlapping codings of a turn merged across "
					+ "coders and codes; `none` (default): one row per coding",
					schema = @Schema(allowableValues = { "none", "passages" })) @RequestParam(defaultValue = "none") String merge,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long after,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Project p = api.read(projectId, request);
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("the parameter 'code' is required: a code id, name or path");
		}
		boolean passages = switch (merge.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "", "none" -> false;
			case "passages" -> true;
			default -> throw new IllegalArgumentException("merge is 'passages' (one row per passage, coders merged) or "
					+ "'none' (one row per coding), was '" + merge + "'");
		};
		CodingQuery query = query(p.id(), code, coder, document, group);
		SegmentJoin join = new SegmentJoin(p.id(), attribute == null ? List.of() : attribute);
		String who = blankToNull(coder);
		if (passages) {
			List<Dto.PassageDto> all = retrieval.passages(p.id(), query).stream()
				.map(join::row).flatMap(Optional::stream).toList();
			if (wantsNdjson(accept)) {
				response.setStatus(200);
				response.setContentType(NDJSON);
				response.setCharacterEncoding("UTF-8");
				OutputStream out = response.getOutputStream();
				for (Dto.PassageDto row : all.subList((int) Math.min(Math.max(after, 0), all.size()), all.size())) {
					out.write(json.writeValueAsBytes(row));
					out.write('\n');
				}
				out.flush();
				return null;
			}
			int from = (int) Math.min(Math.max(after, 0), all.size());
			int to = Math.min(all.size(), from + ApiSupport.limit(limit, MAX_LIMIT));
			return ResponseEntity.ok(new SegmentPage("passages", who, List.copyOf(all.subList(from, to)),
					to < all.size() ? (long) to : null));
		}
		if (wantsNdjson(accept)) {
			return stream(after, from -> join.page(query, from, MAX_LIMIT), s -> new quire.coding.CodingId(s.codingId()),
					Function.identity(), response);
		}
		int size = ApiSupport.limit(limit, MAX_LIMIT);
		List<Dto.SegmentDto> rows = join.page(query, after, size);
		return ResponseEntity.ok(new SegmentPage("codings", who, rows, join.exhausted ? null : join.lastScanned));
	}

	@GetMapping("/projects/{projectId}/memos")
	@Operation(summary = "Memos of the project (journal, documents, codes, codings)")
	List<Dto.MemoDto> memos(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return memos.all(p.id()).stream().map(Dto.MemoDto::of).toList();
	}

	@PostMapping("/projects/{projectId}/memos")
	@Operation(summary = "Writes a memo as the token's user; target PROJECT (journal, no targetId), DOCUMENT, CODE or CODING")
	ResponseEntity<Dto.MemoDto> memo(@PathVariable long projectId, @RequestBody Dto.NewMemo body,
			HttpServletRequest request) {
		Project p = api.write(projectId, request);
		MemoTarget target;
		try {
			target = MemoTarget.valueOf(body.target().strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("no memo target '" + body.target()
					+ "'; targets are PROJECT, DOCUMENT, CODE and CODING");
		}
		var memo = memos.write(p.id(), target, body.targetId(), actors.current().name(),
				body.title() == null ? "" : body.title(), body.body() == null ? "" : body.body());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/memos")).body(Dto.MemoDto.of(memo));
	}

	private CodingQuery query(ProjectId project, @Nullable String code, @Nullable String coder, @Nullable Long document,
			@Nullable String group) {
		Set<CodeId> codes = code == null || code.isBlank() ? Set.of() : retrieval.withSubCodes(code(project, code).id());
		return new CodingQuery(codes, blankToNull(coder), document == null ? null : new DocumentId(document),
				blankToNull(group));
	}

	/** A code of the project by id, path or unique name. */
	private Code code(ProjectId project, String code) {
		String wanted = code.strip();
		Optional<Code> found = wanted.matches("\\d+")
				? codebook.code(new CodeId(Long.parseLong(wanted))).filter(c -> c.projectId().equals(project))
				: codebook.findCode(project, wanted);
		return found.orElseThrow(() -> new IllegalArgumentException("no code '" + wanted
				+ "' in this project (give its id, its path such as 'Implementation › Time', or a unique name)"));
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static boolean wantsNdjson(@Nullable String accept) {
		return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(NDJSON);
	}

	/** A page reader: the rows after a cursor. */
	interface PageReader<T> {

		List<T> after(long cursor);

	}

	/**
	 * Streams every row as NDJSON straight to the response, reading a page of {@value #MAX_LIMIT} at a
	 * time and writing it out before the next is read, so memory holds one page whatever the total.
	 * (A {@code StreamingResponseBody} would free the request thread, but would also need the token's
	 * user carried to another thread; a script reads one stream at a time, so this stays simple.)
	 */
	private <T> @Nullable ResponseEntity<?> stream(long after, PageReader<T> pages, Function<T, quire.coding.CodingId> id,
			Function<T, ?> dto, HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setContentType(NDJSON);
		response.setCharacterEncoding("UTF-8");
		write(after, pages, id, dto, response.getOutputStream());
		return null;
	}

	private <T> void write(long after, PageReader<T> pages, Function<T, quire.coding.CodingId> id, Function<T, ?> dto,
			OutputStream out) throws IOException {
		long cursor = after;
		while (true) {
			List<T> page = pages.after(cursor);
			for (T row : page) {
				out.write(json.writeValueAsBytes(dto.apply(row)));
				out.write('\n');
			}
			out.flush();
			if (page.isEmpty()) {
				return;
			}
			cursor = id.apply(page.get(page.size() - 1)).value();
		}
	}

	/**
	 * Joins coded segments with the participant their speaker is linked to in their document (its
	 * attributes and MITI summary as counsellor), and applies the attribute filter. Links,
	 * participants, attributes and MITI results are read once per call.
	 */
	private final class SegmentJoin {

		private final ProjectId project;

		private final Map<String, String> wanted = new LinkedHashMap<>();

		private final Map<Long, Map<String, String>> attributesByParticipant = new HashMap<>();

		private final Map<Long, String> labels = new HashMap<>();

		private final ParticipantLookup people;

		private @Nullable Map<String, Dto.MitiSummaryDto> miti;

		long lastScanned;

		boolean exhausted;

		SegmentJoin(ProjectId project, List<String> filters) {
			this.project = project;
			List<Attribute> attributes = participants.attributes(project);
			for (String f : filters) {
				int colon = f.indexOf(':');
				if (colon < 1) {
					throw new IllegalArgumentException("an attribute filter is name:value (e.g. Role:caseworker), was '" + f + "'");
				}
				String name = f.substring(0, colon).strip();
				Attribute a = attributes.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst()
					.orElseThrow(() -> new IllegalArgumentException("no participant attribute '" + name + "'; attributes are "
							+ String.join(", ", attributes.stream().map(Attribute::name).toList())));
				wanted.put(a.name(), f.substring(colon + 1).strip());
			}
			for (ParticipantRow r : participants.participants(project)) {
				attributesByParticipant.put(r.participant().id(), ProjectsApi.attributeMap(r, attributes));
				labels.put(r.participant().id(), r.participant().label());
			}
			people = speakers.lookup(project);
		}

		/**
		 * Up to {@code limit} rows after the cursor that pass the filter, scanning page by page;
		 * {@link #lastScanned} is where the next call continues.
		 */
		List<Dto.SegmentDto> page(CodingQuery query, long after, int limit) {
			List<Dto.SegmentDto> out = new ArrayList<>();
			long cursor = after;
			exhausted = false;
			while (out.size() < limit) {
				List<CodedSegment> scanned = retrieval.segmentsAfter(project, query, cursor, limit);
				boolean filled = false;
				for (CodedSegment s : scanned) {
					cursor = s.coding().id().value();
					row(s).ifPresent(out::add);
					if (out.size() == limit) {
						filled = true;
						break;
					}
				}
				if (!filled && scanned.size() < limit) {
					exhausted = true;
					break;
				}
			}
			lastScanned = cursor;
			return out;
		}

		private Optional<Dto.SegmentDto> row(CodedSegment s) {
			return speaker(s.coding().documentId(), s.speaker()).map(who -> Dto.SegmentDto.of(s, who.participantId(),
					who.participant(), who.attributes(), who.miti()));
		}

		Optional<Dto.PassageDto> row(CodedPassage passage) {
			return speaker(passage.documentId(), passage.speaker()).map(who -> Dto.PassageDto.of(passage,
					who.participantId(), who.participant(), who.attributes(), who.miti()));
		}

		/** The participant a document's speaker is linked to, empty when the attribute filter rejects them. */
		private Optional<Speaker> speaker(DocumentId document, @Nullable String speaker) {
			Long participant = people.speaker(document, speaker).orElse(null);
			Map<String, String> attributes = participant == null ? null : attributesByParticipant.get(participant);
			for (var w : wanted.entrySet()) {
				String v = attributes == null ? null : attributes.get(w.getKey());
				if (v == null || !v.equalsIgnoreCase(w.getValue())) {
					return Optional.empty();
				}
			}
			String label = participant == null ? null : labels.get(participant);
			return Optional.of(new Speaker(label == null ? null : participant, label,
					attributes == null ? Map.of() : attributes, label == null ? null : miti().get(label)));
		}

		private Map<String, Dto.MitiSummaryDto> miti() {
			if (miti == null) {
				ThresholdSet thresholds = fidelity.thresholdSet(project);
				Map<String, Dto.MitiSummaryDto> out = new HashMap<>();
				var results = fidelity.results(project, ResultsBy.COUNSELLOR, thresholds);
				for (ResultGroup g : results.groups()) {
					out.put(g.name(), Dto.MitiSummaryDto.of(g, thresholds.name(), results.source().key()));
				}
				miti = out;
			}
			return miti;
		}

	}

	/** For the OpenAPI description: a page of codings. */
	record CodingPage(List<Dto.CodingDto> items, @Nullable Long next) {
	}

	/** A speaker's participant with their attributes and MITI summary. */
	private record Speaker(@Nullable Long participantId, @Nullable String participant, Map<String, String> attributes,
			Dto.@Nullable MitiSummaryDto miti) {
	}

	/**
	 * A page of segments that says what its rows are: {@code codings} (one per coding; a passage coded by
	 * two coders is two rows unless {@code coder} names one) or {@code passages} (overlapping codings
	 * merged, coders listed), and the coder it is restricted to, if any.
	 */
	record SegmentPage(@Schema(allowableValues = { "codings", "passages" }) String rows, @Nullable String coder,
			@Schema(oneOf = { Dto.SegmentDto.class, Dto.PassageDto.class }) List<?> items, @Nullable Long next) {
	}

}
