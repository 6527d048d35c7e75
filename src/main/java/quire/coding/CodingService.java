package quire.coding;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import quire.coding.internal.CodingStore;
import quire.corpus.CorpusService;
import quire.corpus.DocumentDeleted;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.TextEdits;
import quire.corpus.Transcript;
import quire.project.ProjectId;

/**
 * Codings: a code applied by a coder to {@code [start, end)} of a document's immutable text. A coding
 * never points outside its document's text and never starts or ends in white space. Auto-coding
 * codes a list of spans (such as search hits) in one transaction; {@link SpeakerCoding} codes the
 * turns of chosen speakers with it.
 */
@Service
@Transactional(readOnly = true)
public class CodingService {

	/** Transaction resource key: the documents a CodingChanged was published for in this transaction. */
	private static final Object PUBLISHED = new Object();

	private final CodingStore store;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	private final ProjectAccess access;

	private final AuditLog audit;

	CodingService(CodingStore store, CorpusService corpus, CodebookService codebook, ApplicationEventPublisher events, ProjectAccess access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
		this.store = store;
		this.corpus = corpus;
		this.codebook = codebook;
		this.events = events;
	}

	/**
	 * Codes {@code [start, end)} of a document. Leading and trailing white space is left out of the
	 * span; coding the same span with the same code by the same coder again returns the existing coding.
	 * @throws IllegalArgumentException when the span is empty or outside the text, or the code belongs
	 * to another project
	 */
	@Transactional
	public Coding code(DocumentId document, CodeId code, int start, int end, String coder) {
		access.require(documentProject(document), ProjectRole.CODER);
		Transcript t = transcript(document);
		int[] span = span(t, start, end);
		Code c = requireCode(t.document().projectId(), code);
		Coding coding = insert(t.document(), c, span[0], span[1], coder(coder));
		audit.record(t.document().projectId(), "code", "coded " + inWords(c.name(), t, coding.start(), coding.end())
				+ " (coder " + coding.coder() + ")", ids(coding));
		changed(t.document().projectId(), document);
		return coding;
	}

	/**
	 * Removes a coding and the memos on it.
	 * @return what was removed, for {@link #restore}
	 */
	@Transactional
	public RemovedCoding remove(CodingId id) {
		access.require(codingProject(id), ProjectRole.CODER);
		Coding coding = require(id);
		audit.record(codingProject(id), "code", "removed the coding " + inWords(codeName(coding.codeId()),
				transcript(coding.documentId()), coding.start(), coding.end()) + " (coder " + coding.coder() + ")", ids(coding));
		List<RemovedCoding.RemovedMemo> memos = store.memosOn(id);
		store.deleteWithMemos(id);
		changed(projectOf(coding.documentId()), coding.documentId());
		return new RemovedCoding(coding, memos);
	}

	/**
	 * Undoes {@link #remove}: puts the coding back with its id, offsets, coder and creation time, and
	 * the memos that were on it. Refused when the document or code has gone since, or the same span
	 * has been coded again with the same code by the same coder (that coding then stands).
	 * @throws IllegalArgumentException when it cannot be put back
	 */
	@Transactional
	public Coding restore(RemovedCoding removed) {
		Coding coding = removed.coding();
		Transcript t = transcript(coding.documentId());
		access.require(t.document().projectId(), ProjectRole.CODER);
		if (coding(coding.id()).isPresent()) {
			return coding;
		}
		Code c = requireCode(t.document().projectId(), coding.codeId());
		int[] span = span(t, coding.start(), coding.end());
		if (exists(new TextSpan(coding.documentId(), span[0], span[1]), c.id(), coding.coder())) {
			throw new IllegalArgumentException("The same words have been coded with '" + c.name() + "' by "
					+ coding.coder() + " again since; that coding stands.");
		}
		store.restore(t.document().projectId(), coding, span[0], span[1], removed.memos());
		audit.record(t.document().projectId(), "code", "restored the coding " + inWords(c.name(), t, span[0], span[1])
				+ " (coder " + coding.coder() + ")", ids(coding));
		changed(t.document().projectId(), coding.documentId());
		return require(coding.id());
	}

	/** Widens or narrows a coding to {@code [start, end)}, with the same checks as {@link #code}. */
	@Transactional
	public Coding resize(CodingId id, int start, int end) {
		access.require(codingProject(id), ProjectRole.CODER);
		Coding coding = require(id);
		Transcript t = transcript(coding.documentId());
		int[] span = span(t, start, end);
		audit.record(t.document().projectId(), "code", "resized the coding " + inWords(codeName(coding.codeId()), t,
				span[0], span[1]) + " (coder " + coding.coder() + ")", ids(coding) + " now [" + span[0] + ", " + span[1] + ")");
		Optional<Coding> twin = store.twin(coding.documentId(), coding.codeId(), coding.coder(), span[0], span[1], id);
		if (twin.isPresent()) {
			// the coding now equals its twin: keep one, with both codings' memos
			store.moveMemos(id, twin.get().id());
			store.delete(id);
			changed(t.document().projectId(), coding.documentId());
			return twin.get();
		}
		store.resize(id, span[0], span[1]);
		changed(t.document().projectId(), coding.documentId());
		return require(id);
	}

	/**
	 * Copies every coding of a document, with the memos on it and on the document, to a copy of the
	 * document whose text differs by {@code edits} (such as its de-identified version): each coding
	 * keeps its code, coder and time and moves with its words; one that starts or ends inside a
	 * replaced span covers the whole replacement.
	 * @return how many codings were copied
	 */
	@Transactional
	public int copyCodings(DocumentId from, DocumentId to, TextEdits edits) {
		return copyCodings(from, to, edits, java.util.function.UnaryOperator.identity());
	}

	/**
	 * Copies a document's codings (and the memos on them and on the document) onto its edited copy,
	 * offsets mapped through {@code edits}; memo titles and bodies pass through {@code rewrite} (a
	 * de-identification replaces the same names in them as in the text).
	 */
	@Transactional
	public int copyCodings(DocumentId from, DocumentId to, TextEdits edits, java.util.function.UnaryOperator<String> rewrite) {
		Transcript target = transcript(to);
		ProjectId project = target.document().projectId();
		access.require(project, ProjectRole.CODER);
		if (!projectOf(from).equals(project)) {
			throw new IllegalArgumentException("documents " + from.value() + " and " + to.value() + " belong to different projects");
		}
		int copied = 0;
		for (Coding c : codings(from, null)) {
			int start = edits.mapStart(c.start());
			int end = Math.min(target.text().length(), edits.mapEnd(c.end()));
			if (end <= start) {
				continue;
			}
			long id = store.insert(project, to, c.codeId(), start, end, c.coder(), c.createdAt()).value();
			store.copyMemos("CODING", c.id().value(), id, rewrite);
			copied++;
		}
		store.copyMemos("DOCUMENT", from.value(), to.value(), rewrite);
		changed(project, to);
		return copied;
	}

	/** One coding by id. */
	public Optional<Coding> coding(CodingId id) {
		return store.find(id);
	}

	/** A document's codings by start offset; all coders when {@code coder} is null. */
	public List<Coding> codings(DocumentId document, @Nullable String coder) {
		return store.byDocument(document, coder);
	}

	/** All codings of a project; all coders when {@code coder} is null. */
	public List<Coding> codings(ProjectId project, @Nullable String coder) {
		return store.byProject(project, coder);
	}

	/**
	 * Up to {@code limit} codings of a project with ids greater than {@code after}, in id order: one
	 * page of a keyset walk ({@code after} is the last id of the previous page, 0 for the first), so a
	 * project with millions of codings is read a page at a time and never held in memory.
	 */
	public List<Coding> codingsAfter(ProjectId project, CodingQuery query, long after, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("a page holds at least one coding, limit was " + limit);
		}
		List<DocumentId> inGroup = null;
		if (query.group() != null) {
			// the group's documents come from the corpus module, which owns the document tables
			inGroup = corpus.documentsInGroup(project, query.group());
			if (inGroup.isEmpty()) {
				return List.of();
			}
		}
		return store.page(project, query, after, limit, inGroup);
	}

	/** The names of everyone who has coded in a project, alphabetically. */
	public List<String> coders(ProjectId project) {
		return store.coders(project);
	}

	/**
	 * Widens spans (such as search hits) to their sentence or speaker turn; spans that end up the same
	 * are merged.
	 */
	public List<TextSpan> expand(Collection<TextSpan> spans, AutoCodeUnit unit) {
		if (unit == AutoCodeUnit.HIT) {
			return List.copyOf(new LinkedHashSet<>(spans));
		}
		java.util.Map<DocumentId, List<int[]>> units = new java.util.HashMap<>();
		Set<TextSpan> out = new LinkedHashSet<>();
		for (TextSpan s : spans) {
			List<int[]> ranges = units.computeIfAbsent(s.documentId(), id -> {
				if (unit == AutoCodeUnit.SENTENCE) {
					return corpus.sentences(id).stream().map(x -> new int[] { x.start(), x.end() }).toList();
				}
				Transcript t = transcript(id);
				return t.turns().stream().filter(x -> x.end() > x.start()).map(x -> new int[] { x.start(), x.end() }).toList();
			});
			int start = s.start();
			int end = s.end();
			for (int[] r : ranges) {
				if (r[0] < s.end() && s.start() < r[1]) {
					start = Math.min(start, r[0]);
					end = Math.max(end, r[1]);
				}
			}
			out.add(new TextSpan(s.documentId(), start, end));
		}
		return List.copyOf(out);
	}

	/** How many codings {@link #codeAll} would make. */
	public int previewAll(ProjectId project, CodeId code, String coder, Collection<TextSpan> spans) {
		requireCode(project, code);
		List<TextSpan> clean = clean(project, spans);
		return clean.size() - existing(clean, code, coder(coder));
	}

	/**
	 * Codes every span with {@code code} in one transaction, skipping spans the coder has already
	 * coded so and merging duplicates.
	 * @return how many codings were made
	 */
	@Transactional
	public int codeAll(ProjectId project, CodeId code, String coder, Collection<TextSpan> spans) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "auto-code", "coded '" + requireCode(project, code).name() + "' on " + spans.size()
				+ (spans.size() == 1 ? " hit" : " hits") + " (coder " + coder(coder) + ")", "code=" + code.value());
		return codeSpans(project, code, coder, spans);
	}

	/** Codes the spans, skipping those the coder has already coded so; the caller checks access and audits. */
	int codeSpans(ProjectId project, CodeId code, String coder, Collection<TextSpan> spans) {
		String who = coder(coder);
		Code c = requireCode(project, code);
		List<TextSpan> clean = clean(project, spans);
		Set<DocumentId> touched = new LinkedHashSet<>();
		int made = 0;
		for (TextSpan s : clean) {
			if (!exists(s, code, who)) {
				DocumentSummary d = corpus.document(s.documentId()).orElseThrow();
				insert(d, c, s.start(), s.end(), who);
				touched.add(s.documentId());
				made++;
			}
		}
		for (DocumentId d : touched) {
			changed(project, d);
		}
		return made;
	}

	/**
	 * Publishes {@link CodingChanged} once per document and transaction: listeners re-read the
	 * document's codings after the commit, so one event covers every change made in the transaction
	 * (the demo project makes hundreds of codings in one).
	 */
	private void changed(ProjectId project, DocumentId document) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			@SuppressWarnings("unchecked")
			Set<DocumentId> published = (Set<DocumentId>) TransactionSynchronizationManager.getResource(PUBLISHED);
			if (published == null) {
				Set<DocumentId> fresh = new java.util.HashSet<>();
				TransactionSynchronizationManager.bindResource(PUBLISHED, fresh);
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						TransactionSynchronizationManager.unbindResourceIfPossible(PUBLISHED);
					}
				});
				published = fresh;
			}
			if (!published.add(document)) {
				return;
			}
		}
		events.publishEvent(new CodingChanged(project, document));
	}

	@EventListener
	void on(DocumentDeleted event) {
		// Codings go with their document (foreign key cascade); memos on the document and its codings too.
		store.deleteMemosOfDeletedDocument(event.documentId());
	}

	private List<TextSpan> clean(ProjectId project, Collection<TextSpan> spans) {
		Set<TextSpan> out = new LinkedHashSet<>();
		java.util.Map<DocumentId, Transcript> cache = new java.util.HashMap<>();
		for (TextSpan s : spans) {
			Transcript t = cache.computeIfAbsent(s.documentId(), this::transcript);
			if (!t.document().projectId().equals(project)) {
				throw new IllegalArgumentException("document '" + t.document().name() + "' belongs to another project");
			}
			int[] span = span(t, s.start(), s.end());
			out.add(new TextSpan(s.documentId(), span[0], span[1]));
		}
		return List.copyOf(out);
	}

	private int existing(List<TextSpan> spans, CodeId code, String coder) {
		int n = 0;
		for (TextSpan s : spans) {
			if (exists(s, code, coder)) {
				n++;
			}
		}
		return n;
	}

	private boolean exists(TextSpan s, CodeId code, String coder) {
		return store.exists(s, code, coder);
	}

	private Coding insert(DocumentSummary document, Code code, int start, int end, String coder) {
		Optional<Coding> twin = store.twin(document.id(), code.id(), coder, start, end, null);
		if (twin.isPresent()) {
			return twin.get();
		}
		return require(store.insert(document.projectId(), document.id(), code.id(), start, end, coder, clock.instant()));
	}

	private Transcript transcript(DocumentId id) {
		return corpus.transcript(id).orElseThrow(() -> new IllegalArgumentException("no document with id " + id.value()));
	}

	private ProjectId projectOf(DocumentId id) {
		return transcript(id).document().projectId();
	}

	private Code requireCode(ProjectId project, CodeId id) {
		Code code = codebook.code(id).orElseThrow(() -> new IllegalArgumentException("no code with id " + id.value()));
		if (!code.projectId().equals(project)) {
			throw new IllegalArgumentException("code '" + code.name() + "' belongs to another project");
		}
		return code;
	}

	private Coding require(CodingId id) {
		return coding(id).orElseThrow(() -> new IllegalArgumentException("no coding with id " + id.value()));
	}

	/** The span without surrounding white space, checked against the text. */
	static int[] span(Transcript t, int start, int end) {
		String text = t.text();
		if (start < 0 || end > text.length() || start >= end) {
			throw new IllegalArgumentException("a coding must cover at least one character of '" + t.document().name()
					+ "' (0.." + text.length() + "), was [" + start + ", " + end + ")");
		}
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (start >= end) {
			throw new IllegalArgumentException("the selection holds only white space; select some words to code");
		}
		return new int[] { start, end };
	}

	private static String coder(String coder) {
		String c = coder.strip();
		if (c.isEmpty()) {
			throw new IllegalArgumentException("a coding needs a coder name");
		}
		if (c.length() > 100) {
			throw new IllegalArgumentException("a coder name must be at most 100 characters");
		}
		return c;
	}

	/** {@code 'Reach' in 'FG1.txt': “So what brings you in…”}, for the audit log. */
	private static String inWords(String code, Transcript t, int start, int end) {
		return "'" + code + "' in '" + t.document().name() + "': " + AuditLog.firstWords(t.text().substring(start, end));
	}

	/** The ids behind an audit entry about a coding; only the CSV export shows them. */
	private static String ids(Coding c) {
		return "coding=" + c.id().value() + " code=" + c.codeId().value() + " document=" + c.documentId().value() + " ["
				+ c.start() + ", " + c.end() + ")";
	}

	private String codeName(CodeId id) {
		return codebook.code(id).map(Code::name).orElse("code " + id.value());
	}

	private ProjectId documentProject(DocumentId id) {
		return corpus.document(id).map(DocumentSummary::projectId)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + id.value()));
	}

	private ProjectId codingProject(CodingId id) {
		return coding(id).map(c -> documentProject(c.documentId()))
			.orElseThrow(() -> new IllegalArgumentException("no coding with id " + id.value()));
	}

}
