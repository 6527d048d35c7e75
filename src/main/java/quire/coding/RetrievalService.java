package quire.coding;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Strand;
import quire.corpus.StudyDesign;
import quire.corpus.StudyDesignService;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;

/**
 * Reads coded data back: a code's segments with context, the framework matrix (RE-AIM dimensions or
 * codes × documents, groups or speakers) and code co-occurrence.
 */
@Service
@Transactional(readOnly = true)
public class RetrievalService {

	/** Characters of context shown either side of a coded segment. */
	static final int CONTEXT = 160;

	private final CodingService codings;

	private final CodebookService codebook;

	private final CorpusService corpus;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final StudyDesignService studyDesign;

	RetrievalService(CodingService codings, CodebookService codebook, CorpusService corpus, ProjectAccess access, AuditLog audit,
			StudyDesignService studyDesign) {
		this.studyDesign = studyDesign;
		this.access = access;
		this.audit = audit;
		this.codings = codings;
		this.codebook = codebook;
		this.corpus = corpus;
	}

	/** Segments coded with the code or any of its sub-codes, by document and position; all coders when null. */
	public List<CodedSegment> segments(CodeId code, @Nullable String coder) {
		Code root = codebook.code(code).orElseThrow(() -> new IllegalArgumentException("no code with id " + code.value()));
		List<Code> all = codebook.codes(root.projectId());
		Set<CodeId> ids = descendants(all, root.id());
		return segments(root.projectId(), all, coder).stream().filter(s -> ids.contains(s.coding().codeId())).toList();
	}

	/** A code's segments as CSV (formula-looking cells neutralised). */
	public byte[] exportCsv(CodeId code, @Nullable String coder) {
		access.require(codeProject(code), ProjectRole.VIEWER);
		audit.record(codeProject(code), "export", "coded segments of '" + codebook.code(code).map(Code::path).orElse("?")
				+ "'" + (coder == null ? "" : " by coder " + coder) + " (CSV)", "code=" + code.value());
		return quire.coding.internal.SegmentWriter.csv(segments(code, coder));
	}

	/** A code's segments as a Word document of quotes with their sources. */
	public byte[] exportDocx(CodeId code, @Nullable String coder) {
		access.require(codeProject(code), ProjectRole.VIEWER);
		audit.record(codeProject(code), "export", "coded segments of '" + codebook.code(code).map(Code::path).orElse("?")
				+ "'" + (coder == null ? "" : " by coder " + coder) + " (Word)", "code=" + code.value());
		Code c = codebook.code(code).orElseThrow(() -> new IllegalArgumentException("no code with id " + code.value()));
		return quire.coding.internal.SegmentWriter.docx(c.path(), segments(code, coder));
	}

	/** One row per RE-AIM dimension, counting codes mapped to it directly or through an ancestor. */
	public List<MatrixRow> dimensionRows(ProjectId project) {
		List<Code> all = codebook.codes(project);
		Map<CodeId, Code> byId = new HashMap<>();
		all.forEach(c -> byId.put(c.id(), c));
		List<MatrixRow> rows = new ArrayList<>();
		for (ReAim d : ReAim.values()) {
			Set<CodeId> ids = new HashSet<>();
			String colour = "#7F7F7F";
			for (Code c : all) {
				if (inherited(c, byId).contains(d)) {
					ids.add(c.id());
				}
				if (c.parentId() == null && c.dimensions().contains(d)) {
					colour = c.colour();
				}
			}
			rows.add(new MatrixRow(d.label(), colour, ids));
		}
		return rows;
	}

	/** One row per chosen code (themes count their sub-codes). */
	public List<MatrixRow> codeRows(ProjectId project, List<CodeId> chosen) {
		List<Code> all = codebook.codes(project);
		List<MatrixRow> rows = new ArrayList<>();
		for (CodeId id : chosen) {
			Code c = all.stream().filter(x -> x.id().equals(id)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no code with id " + id.value() + " in this project"));
			rows.add(new MatrixRow(c.name(), c.colour(), descendants(all, id)));
		}
		return rows;
	}

	/**
	 * The framework matrix of the given rows against documents, groups or speakers, over the documents of
	 * {@code strand} (all documents when null); all coders when {@code coder} is null. The matrix's
	 * {@code scope} names the documents it covers.
	 */
	public FrameworkMatrix matrix(ProjectId project, List<MatrixRow> rows, MatrixColumns columns, @Nullable String coder,
			@Nullable Strand strand) {
		StudyDesign design = studyDesign.design(project);
		Set<DocumentId> inStrand = strand == null ? null : new HashSet<>(design.documents(strand));
		List<CodedSegment> segments = segments(project, codebook.codes(project), coder).stream()
			.filter(s -> inStrand == null || inStrand.contains(s.coding().documentId()))
			.toList();
		List<String> columnNames = new ArrayList<>();
		switch (columns) {
			case DOCUMENTS -> corpus.documents(project).stream()
				.filter(d -> inStrand == null || inStrand.contains(d.id()))
				.forEach(d -> columnNames.add(d.name()));
			case GROUPS -> design.groups().stream()
				.filter(g -> g.group() != null && (strand == null || g.strand() == strand))
				.forEach(g -> columnNames.add(g.group()));
			case SPEAKERS -> segments.stream().map(CodedSegment::speaker).filter(Objects::nonNull).distinct().sorted()
				.forEach(columnNames::add);
		}
		List<List<List<CodedSegment>>> cells = new ArrayList<>();
		for (MatrixRow row : rows) {
			List<List<CodedSegment>> line = new ArrayList<>();
			for (String column : columnNames) {
				Map<String, CodedSegment> unique = new LinkedHashMap<>();
				for (CodedSegment s : segments) {
					if (row.codes().contains(s.coding().codeId()) && column.equals(columnOf(s, columns))) {
						unique.putIfAbsent(s.coding().documentId().value() + ":" + s.coding().start() + ":"
								+ s.coding().end() + ":" + s.coding().coder(), s);
					}
				}
				line.add(List.copyOf(unique.values()));
			}
			cells.add(line);
		}
		return new FrameworkMatrix(columns, rows, columnNames, cells, scope(design, strand));
	}

	/**
	 * Overlapping codings of different codes in the same document, for every pair of codes of one code
	 * system, over the documents of {@code strand} (all documents when null); all coders when {@code coder}
	 * is null.
	 */
	public CoOccurrence coOccurrence(ProjectId project, @Nullable String coder, CodeSystem system,
			@Nullable Strand strand) {
		List<Code> all = codebook.codes(project, system);
		StudyDesign design = studyDesign.design(project);
		Set<DocumentId> inStrand = strand == null ? null : new HashSet<>(design.documents(strand));
		Map<CodeId, Integer> index = new HashMap<>();
		for (int i = 0; i < all.size(); i++) {
			index.put(all.get(i).id(), i);
		}
		int[][] counts = new int[all.size()][all.size()];
		Map<DocumentId, List<Coding>> byDocument = new LinkedHashMap<>();
		for (Coding c : codings.codings(project, coder)) {
			if (index.containsKey(c.codeId()) && (inStrand == null || inStrand.contains(c.documentId()))) {
				byDocument.computeIfAbsent(c.documentId(), k -> new ArrayList<>()).add(c);
			}
		}
		// per passage (overlapping codings of a document, whoever coded them): a code counts once on the
		// diagonal, and a pair once when one coder's codings of the two codes overlap in it, so neither
		// double coding nor one coder's code meeting another coder's counts as co-occurrence
		for (List<Coding> list : byDocument.values()) {
			for (List<Coding> passage : Passages.group(list, c -> c.documentId().value(), c -> 0, Coding::start,
					Coding::end)) {
				boolean[] coded = new boolean[all.size()];
				boolean[][] paired = new boolean[all.size()][all.size()];
				for (int a = 0; a < passage.size(); a++) {
					Coding x = passage.get(a);
					int i = index.get(x.codeId());
					coded[i] = true;
					for (int b = a + 1; b < passage.size(); b++) {
						Coding y = passage.get(b);
						int j = index.get(y.codeId());
						if (i != j && x.coder().equals(y.coder()) && x.overlaps(y.start(), y.end())) {
							paired[i][j] = true;
							paired[j][i] = true;
						}
					}
				}
				for (int i = 0; i < coded.length; i++) {
					counts[i][i] += coded[i] ? 1 : 0;
					for (int j = 0; j < coded.length; j++) {
						counts[i][j] += i != j && paired[i][j] ? 1 : 0;
					}
				}
			}
		}
		return new CoOccurrence(all, counts, system, system.describe(all.size()) + " · " + scope(design, strand));
	}

	/** "qualitative strand: 2 focus groups" or "all strands". */
	private static String scope(StudyDesign design, @Nullable Strand strand) {
		return strand == null ? "all strands" : design.describe(strand);
	}

	/** Every coded segment of a project (all coders when null), by document and position. */
	public List<CodedSegment> segments(ProjectId project, @Nullable String coder) {
		return segments(project, codebook.codes(project), coder);
	}

	/**
	 * One page of coded segments in coding-id order (see {@link CodingService#codingsAfter}): only the
	 * page's codings and the transcripts they point into are read.
	 */
	public List<CodedSegment> segmentsAfter(ProjectId project, CodingQuery query, long after, int limit) {
		Map<CodeId, String> paths = new HashMap<>();
		codebook.codes(project).forEach(c -> paths.put(c.id(), c.path()));
		Map<DocumentId, Transcript> transcripts = new HashMap<>();
		List<CodedSegment> out = new ArrayList<>();
		for (Coding c : codings.codingsAfter(project, query, after, limit)) {
			Transcript t = transcripts.computeIfAbsent(c.documentId(), id -> corpus.transcript(id).orElseThrow());
			out.add(segment(t, c, paths.getOrDefault(c.codeId(), "")));
		}
		return out;
	}

	/**
	 * The query's codings merged into passages, by document and position: codings in the same speaker
	 * turn of a document whose spans overlap (whoever coded them, with whichever of the queried codes)
	 * are one passage spanning their union. Reads the query's codings a page at a time.
	 */
	public List<CodedPassage> passages(ProjectId project, CodingQuery query) {
		Map<CodeId, String> paths = new HashMap<>();
		codebook.codes(project).forEach(c -> paths.put(c.id(), c.path()));
		List<Coding> all = new ArrayList<>();
		long after = 0;
		while (true) {
			List<Coding> page = codings.codingsAfter(project, query, after, 1000);
			all.addAll(page);
			if (page.size() < 1000) {
				break;
			}
			after = page.get(page.size() - 1).id().value();
		}
		all.sort(java.util.Comparator.comparingLong((Coding c) -> c.id().value()));
		Map<DocumentId, Transcript> transcripts = new HashMap<>();
		List<CodedPassage> out = new ArrayList<>();
		for (List<Coding> group : Passages.group(all, c -> c.documentId().value(), c -> {
			Turn turn = turnAt(transcripts.computeIfAbsent(c.documentId(), id -> corpus.transcript(id).orElseThrow()),
					c.start());
			return turn == null ? -1 : turn.index();
		}, Coding::start, Coding::end)) {
			out.add(passage(transcripts.get(group.get(0).documentId()), group, paths));
		}
		return out;
	}

	private static CodedPassage passage(Transcript t, List<Coding> group, Map<CodeId, String> paths) {
		int start = group.stream().mapToInt(Coding::start).min().orElseThrow();
		int end = group.stream().mapToInt(Coding::end).max().orElseThrow();
		Coding first = group.get(0);
		// the union as one span, so text and context come from the same place as a single coding's
		CodedSegment union = segment(t, new Coding(first.id(), first.documentId(), first.codeId(), start, end,
				first.coder(), first.createdAt()), "");
		List<String> codePaths = group.stream().map(c -> paths.getOrDefault(c.codeId(), "")).distinct().sorted().toList();
		return new CodedPassage(first.documentId(), union.documentName(), union.group(), union.turnIndex(),
				union.speaker(), start, end, union.before(), union.text(), union.after(), group, codePaths);
	}

	/** A code and all codes below it (a theme stands for its sub-codes). */
	public Set<CodeId> withSubCodes(CodeId code) {
		Code root = codebook.code(code).orElseThrow(() -> new IllegalArgumentException("no code with id " + code.value()));
		return descendants(codebook.codes(root.projectId()), root.id());
	}

	private List<CodedSegment> segments(ProjectId project, List<Code> all, @Nullable String coder) {
		Map<CodeId, String> paths = new HashMap<>();
		all.forEach(c -> paths.put(c.id(), c.path()));
		Map<DocumentId, Transcript> transcripts = new HashMap<>();
		List<CodedSegment> out = new ArrayList<>();
		for (Coding c : codings.codings(project, coder)) {
			Transcript t = transcripts.computeIfAbsent(c.documentId(), id -> corpus.transcript(id).orElseThrow());
			out.add(segment(t, c, paths.getOrDefault(c.codeId(), "")));
		}
		return out;
	}

	static CodedSegment segment(Transcript t, Coding c, String codePath) {
		Turn turn = turnAt(t, c.start());
		String text = t.text();
		int from = Math.max(turn == null ? 0 : turn.start(), c.start() - CONTEXT);
		int to = Math.min(turn == null ? text.length() : Math.max(turn.end(), c.end()), c.end() + CONTEXT);
		DocumentSummary d = t.document();
		return new CodedSegment(c, codePath, d.name(), d.group(), turn == null ? -1 : turn.index(),
				turn == null ? null : turn.speaker(), text.substring(from, c.start()), text.substring(c.start(), c.end()),
				text.substring(c.end(), Math.max(c.end(), to)));
	}

	static @Nullable Turn turnAt(Transcript t, int offset) {
		Turn found = null;
		for (Turn turn : t.turns()) {
			if (turn.start() <= offset && offset < Math.max(turn.end(), turn.start() + 1)) {
				return turn;
			}
			if (turn.start() <= offset) {
				found = turn;
			}
		}
		return found;
	}

	private static @Nullable String columnOf(CodedSegment s, MatrixColumns columns) {
		return switch (columns) {
			case DOCUMENTS -> s.documentName();
			case GROUPS -> s.group();
			case SPEAKERS -> s.speaker();
		};
	}

	static Set<CodeId> descendants(List<Code> all, CodeId root) {
		Set<CodeId> ids = new HashSet<>();
		ids.add(root);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Code c : all) {
				if (c.parentId() != null && ids.contains(c.parentId()) && ids.add(c.id())) {
					grew = true;
				}
			}
		}
		return ids;
	}

	private static Set<ReAim> inherited(Code c, Map<CodeId, Code> byId) {
		EnumSet<ReAim> out = EnumSet.noneOf(ReAim.class);
		for (Code x = c; x != null; x = x.parentId() == null ? null : byId.get(x.parentId())) {
			out.addAll(x.dimensions());
		}
		return out;
	}


	private ProjectId codeProject(CodeId id) {
		return codebook.codeProject(id);
	}

}
