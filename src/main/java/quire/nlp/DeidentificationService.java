package quire.nlp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Language;
import quire.corpus.SpeakerRoles;
import quire.corpus.TextEdit;
import quire.corpus.TextEdits;
import quire.corpus.Transcript;
import quire.nlp.internal.CoreNlp;
import quire.nlp.internal.Detector;
import quire.project.ProjectId;

/**
 * De-identification: finds candidate identifiers in a document (CoreNLP NER for English when its
 * models are present; rules, gazetteers and patterns for Norwegian and as a net for English; the
 * project's known names and its participants' names everywhere), groups them by surface form with a
 * pseudonym that is the same in every document of the project ("Anna" → "[Participant 3]"), and
 * applies the reviewed groups as a new de-identified document. Codings, memos, speaker turns and
 * sentence units move with the text. The pseudonym key (surface → pseudonym) lives in its own table
 * and is for the project's owners only; the original can then be deleted.
 */
@Service
@Transactional(readOnly = true)
public class DeidentificationService {

	private static final int CONTEXT = 48;

	private final JdbcClient jdbc;

	private final CorpusService corpus;

	private final CodingService codings;

	private final Clock clock = Clock.systemUTC();

	private final ProjectAccess access;

	private final AuditLog audit;

	DeidentificationService(JdbcClient jdbc, CorpusService corpus, CodingService codings, ProjectAccess access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.corpus = corpus;
		this.codings = codings;
	}

	/** Whether English detection uses CoreNLP's NER here (its models are on the classpath). */
	public boolean nerAvailable() {
		return CoreNlp.modelsPresent();
	}

	/** Whether the NER pipeline is loaded already, so a preview starts at once. */
	public boolean nerLoaded() {
		return CoreNlp.loaded(CoreNlp.Level.ENTITIES);
	}

	/** What finds identifiers in a language here, and what it cannot do, for the review page and the CLI. */
	public String method(Language language) {
		if (language == Language.NORWEGIAN) {
			return "rules: Norwegian first names, surnames and places, capitalised words, speaker labels, "
					+ "national-id, phone, e-mail, URL and date patterns, known names (CoreNLP has no Norwegian models)";
		}
		return nerAvailable() ? "CoreNLP NER, with English names and places, patterns, speaker labels and known names"
				: "rules only: English first names and places, capitalised words, speaker labels, patterns and known names";
	}

	/**
	 * What detection achieved on Quire's blind held-out set (src/test/resources/nlp/heldout, measured by
	 * HeldOutDeidentificationTests; the README has the tables): identifiers found (a candidate overlaps
	 * them) and wholly covered, per language, and English with CoreNLP's NER.
	 */
	static final String HELD_OUT_EN_RULES = "found 95% of 199 identifiers and covered 85% wholly before they were tuned on them "
			+ "(97% and 95% after)";

	static final String HELD_OUT_EN_NER = "95% and 88% before tuning, 97% and 95% after";

	static final String HELD_OUT_NO = "found 93% of 168 identifiers and covered 86% wholly before they were tuned on them "
			+ "(97% and 96% after)";

	/** A notice when detection is weaker than it could be, or empty. Never empty: no detector finds everything. */
	public String notice(Language language) {
		if (language == Language.ENGLISH && !nerAvailable()) {
			return "Detection runs WITHOUT CoreNLP's named-entity recognition: this build has no English models (build with -Pnlp, "
					+ "474 MB more). Names, places and organisations are found by rules and word lists only. On Quire's blind "
					+ "held-out transcripts the rules " + HELD_OUT_EN_RULES + " (with NER: " + HELD_OUT_EN_NER + "). Read the copy "
					+ "and its residual check before sharing it; add names the rules miss as known names.";
		}
		if (language == Language.NORWEGIAN) {
			return "CoreNLP has no Norwegian models; names are found by rules and word lists. On Quire's blind held-out transcripts "
					+ "they " + HELD_OUT_NO + ". Read the copy and its residual check before sharing it; add names the rules miss "
					+ "to the project's known names.";
		}
		return "Detection uses CoreNLP's NER with rules and word lists. On Quire's held-out transcripts it found and covered "
				+ HELD_OUT_EN_NER + ". Read the copy and its residual check before sharing it.";
	}

	/**
	 * The candidate identifiers of a document, grouped by surface form, with proposed pseudonyms. Runs
	 * CoreNLP's NER for English when the models are present (the first call loads it: about 11 s).
	 * @param progress told the share done, from 0 to 1
	 */
	public DeidentificationPreview preview(DocumentId document, DoubleConsumer progress) {
		access.require(projectOf(document), ProjectRole.CODER);
		Transcript t = corpus.transcript(document)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()));
		ProjectId project = t.document().projectId();
		List<Candidate> candidates = Detector.detect(t.text(), t.document().language(), allKnownNames(project),
				roleLabels(project), true, progress);
		Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
		for (Candidate c : candidates) {
			byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
		}
		Map<String, Pseudonym> existing = new HashMap<>();
		for (var row : pseudonymRows(project)) {
			existing.put(row.key(), row.pseudonym());
		}
		Map<IdentifierKind, Integer> next = new HashMap<>();
		List<CandidateGroup> groups = new ArrayList<>();
		for (var entry : byKey.entrySet()) {
			List<Candidate> list = entry.getValue();
			Candidate first = list.getFirst();
			Pseudonym known = existing.get(entry.getKey());
			IdentifierKind kind = known != null ? known.kind() : kindOf(list);
			String replacement = known != null ? known.pseudonym()
					: kind.pseudonym(next.merge(kind, 1, Integer::sum) + countOf(project, kind));
			List<CandidateGroup.Occurrence> occurrences = list.stream()
				.map(c -> new CandidateGroup.Occurrence(c.start(), c.end(), before(t.text(), c.start()), after(t.text(), c.end())))
				.toList();
			String sources = String.join(", ", list.stream().map(Candidate::source).distinct().sorted().toList());
			groups.add(new CandidateGroup(first.surface(), kind, replacement, true, known != null, occurrences, sources));
		}
		return new DeidentificationPreview(document, t.document().name(), t.document().language(),
				method(t.document().language()), notice(t.document().language()), groups);
	}

	/**
	 * Makes the de-identified version of a document: every occurrence of an accepted group is replaced
	 * by its replacement, in a new document named {@code name} (or "NAME (de-identified)"); codings
	 * and their memos, turns and sentence units move with the text; the pseudonyms are kept for the
	 * project. One transaction: on bad input nothing changes.
	 * @throws IllegalArgumentException when nothing is accepted, an occurrence does not match the text,
	 * two overlap, or the name is taken
	 */
	@Transactional
	public DeidentificationResult apply(DocumentId document, List<CandidateGroup> reviewed, @Nullable String name) {
		access.require(projectOf(document), ProjectRole.CODER);
		audit.record(projectOf(document), "de-identify", "document " + document.value() + ": de-identified copy created");
		Transcript t = corpus.transcript(document)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()));
		List<TextEdit> edits = new ArrayList<>();
		List<CandidateGroup> accepted = reviewed.stream().filter(CandidateGroup::accepted).toList();
		if (accepted.isEmpty()) {
			throw new IllegalArgumentException("nothing to replace in '" + t.document().name() + "': accept at least one candidate");
		}
		for (CandidateGroup g : accepted) {
			for (CandidateGroup.Occurrence o : g.occurrences()) {
				if (o.start() < 0 || o.end() > t.text().length() || o.end() <= o.start()
						|| !Candidate.keyOf(t.text().substring(o.start(), o.end())).equals(g.key())) {
					throw new IllegalArgumentException("'" + g.surface() + "' is not at [" + o.start() + ", " + o.end()
							+ ") of '" + t.document().name() + "' (was the document changed since the preview?)");
				}
				edits.add(new TextEdit(o.start(), o.end(), g.replacement()));
			}
		}
		TextEdits all = TextEdits.of(edits, t.text().length());
		String newName = name == null || name.isBlank() ? t.document().name() + " (de-identified)" : name.strip();
		DocumentSummary copy = corpus.createEditedCopy(document, newName, all, label -> relabel(label, accepted));
		// Memos on the document and its codings are copied too, with the same names replaced in them.
		int moved = codings.copyCodings(document, copy.id(), all,
				memo -> java.util.Objects.requireNonNull(relabel(memo, accepted)));
		ProjectId project = t.document().projectId();
		for (CandidateGroup g : accepted) {
			savePseudonym(project, g);
		}
		jdbc.sql("""
				insert into nlp_deidentified (document_id, original_id, original_name, replacements, applied_at)
				values (?, ?, ?, ?, ?)
				""").params(copy.id().value(), document.value(), t.document().name(), edits.size(),
				Timestamp.from(clock.instant())).update();
		return new DeidentificationResult(copy, edits.size(), moved, residual(copy.id(), project));
	}

	/** Anything Quire still detects in a document's text (pseudonyms aside): for a de-identified copy, what the review left in. */
	public List<Candidate> residualCheck(DocumentId document) {
		ProjectId project = projectOf(document);
		access.require(project, ProjectRole.VIEWER);
		return residual(document, project);
	}

	private static final Pattern PSEUDONYM = Pattern.compile("\\[[^\\]\\n]{1,40} \\d+]");

	private List<Candidate> residual(DocumentId document, ProjectId project) {
		Transcript t = corpus.transcript(document)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()));
		List<int[]> pseudonyms = PSEUDONYM.matcher(t.text()).results().map(r -> new int[] { r.start(), r.end() }).toList();
		// Each pseudonym is read as a capitalised word of its length, so context still works ("8006 [Town 1]" is
		// "8006 Xxxxxxxx": a postcode before a place) and offsets stay those of the copy.
		StringBuilder masked = new StringBuilder(t.text());
		for (int[] r : pseudonyms) {
			masked.setCharAt(r[0], 'X');
			for (int i = r[0] + 1; i < r[1]; i++) {
				masked.setCharAt(i, 'x');
			}
		}
		return Detector.detect(masked.toString(), t.document().language(), allKnownNames(project), roleLabels(project), true, p -> {
		}).stream()
			.filter(c -> pseudonyms.stream().noneMatch(r -> c.overlaps(r[0], r[1])))
			.map(c -> new Candidate(c.start(), c.end(), t.text().substring(c.start(), c.end()), c.kind(), c.source()))
			.toList();
	}

	/** The original a de-identified document was made from, while it exists. */
	public Optional<DocumentId> originalOf(DocumentId deidentified) {
		return jdbc.sql("select original_id from nlp_deidentified where document_id = ? and original_id is not null")
			.param(deidentified.value())
			.query((rs, row) -> new DocumentId(rs.getLong(1)))
			.optional();
	}

	/** Whether a document is a de-identified version made by Quire. */
	public boolean isDeidentified(DocumentId document) {
		return jdbc.sql("select count(*) from nlp_deidentified where document_id = ?").param(document.value())
			.query(Integer.class).single() > 0;
	}

	/**
	 * Deletes the original of a de-identified document, with its codings and memos (the
	 * de-identified copy keeps its own). For the project's owners: the caller checks the role.
	 */
	@Transactional
	public String deleteOriginal(DocumentId deidentified) {
		access.require(projectOf(deidentified), ProjectRole.OWNER);
		DocumentId original = originalOf(deidentified).orElseThrow(() -> new IllegalArgumentException(
				"document " + deidentified.value() + " is not a de-identified version whose original still exists"));
		String name = corpus.document(original).map(DocumentSummary::name).orElse("?");
		corpus.delete(original);
		return name;
	}

	/**
	 * The project's pseudonym key: every surface replaced so far and its pseudonym. This is the link
	 * back to real names: show it to the project's owners only.
	 */
	public List<Pseudonym> key(ProjectId project) {
		access.require(project, ProjectRole.OWNER);
		audit.record(project, "export", "pseudonym key read");
		return pseudonymRows(project).stream().map(PseudonymRow::pseudonym).toList();
	}

	/** The names this project always replaces (besides its participants' names). */
	public List<KnownName> knownNames(ProjectId project) {
		access.require(project, ProjectRole.CODER);
		return jdbc.sql("select name, category from nlp_known_name where project_id = ? order by lower(name)")
			.param(project.value())
			.query((rs, row) -> new KnownName(rs.getString(1), IdentifierKind.valueOf(rs.getString(2))))
			.list();
	}

	@Transactional
	public void addKnownName(ProjectId project, KnownName name) {
		access.require(project, ProjectRole.CODER);
		if (name.name().length() > 300) {
			throw new IllegalArgumentException("a known name is at most 300 characters, '" + name.name().substring(0, 20) + "…' is longer");
		}
		jdbc.sql("delete from nlp_known_name where project_id = ? and lower(name) = lower(?)")
			.params(project.value(), name.name())
			.update();
		jdbc.sql("insert into nlp_known_name (project_id, name, category) values (?, ?, ?)")
			.params(project.value(), name.name(), name.kind().name())
			.update();
	}

	@Transactional
	public void removeKnownName(ProjectId project, String name) {
		access.require(project, ProjectRole.CODER);
		jdbc.sql("delete from nlp_known_name where project_id = ? and lower(name) = lower(?)")
			.params(project.value(), name.strip())
			.update();
	}

	/**
	 * Known names, the participants' labels that are names (not roles such as "Moderator" or "P3"), and
	 * the names of people replaced in the project's earlier documents, so that "Hanssen" alone is found
	 * in the next interview too. Role words never become names here ({@link SpeakerRoles}).
	 */
	List<KnownName> allKnownNames(ProjectId project) {
		List<KnownName> out = new ArrayList<>(knownNames(project));
		for (var p : corpus.participants(project)) {
			if (isName(p.label())) {
				out.add(new KnownName(p.label().strip(), IdentifierKind.PARTICIPANT));
			}
		}
		for (var row : pseudonymRows(project)) {
			Pseudonym p = row.pseudonym();
			if ((p.kind() == IdentifierKind.PERSON || p.kind() == IdentifierKind.PARTICIPANT || p.kind() == IdentifierKind.NAME)
					&& isName(p.surface())) {
				out.add(new KnownName(p.surface(), p.kind()));
			}
		}
		return out;
	}

	/** Participants' labels that are roles ("MI Caseworker 1", "Sick-listed worker", "Moderator"), not names. */
	private List<String> roleLabels(ProjectId project) {
		return corpus.participants(project).stream().map(p -> p.label().strip()).filter(l -> !l.isEmpty() && !isName(l)).toList();
	}

	/**
	 * A label is a name when it is no role ({@link SpeakerRoles#isRole}: "Moderator", "Saksbehandler",
	 * "P3"), no transcriber's note ("Note", "Kommentar") and every word is capitalised ("Anna Berg").
	 */
	static boolean isName(String label) {
		String l = label.strip();
		if (l.isEmpty() || SpeakerRoles.isRole(l) || Detector.isNoteLabel(l)) {
			return false;
		}
		for (String word : l.split("\\s+")) {
			if (!Character.isUpperCase(word.charAt(0))) {
				return false;
			}
		}
		return true;
	}

	private static IdentifierKind kindOf(List<Candidate> list) {
		Map<IdentifierKind, Long> counts = new HashMap<>();
		for (Candidate c : list) {
			counts.merge(c.kind(), c.kind() == IdentifierKind.NAME ? 1L : 10L, Long::sum);
		}
		return counts.entrySet().stream().max(Map.Entry.<IdentifierKind, Long>comparingByValue()
			.thenComparing(e -> -e.getKey().ordinal())).orElseThrow().getKey();
	}

	private int countOf(ProjectId project, IdentifierKind kind) {
		return jdbc.sql("select count(*) from nlp_pseudonym where project_id = ? and category = ?")
			.params(project.value(), kind.name())
			.query(Integer.class)
			.single();
	}

	private record PseudonymRow(String key, Pseudonym pseudonym) {
	}

	private List<PseudonymRow> pseudonymRows(ProjectId project) {
		return jdbc.sql("select surface_key, surface, category, pseudonym from nlp_pseudonym where project_id = ? order by id")
			.param(project.value())
			.query((rs, row) -> new PseudonymRow(rs.getString(1),
					new Pseudonym(rs.getString(2), IdentifierKind.valueOf(rs.getString(3)), rs.getString(4))))
			.list();
	}

	private void savePseudonym(ProjectId project, CandidateGroup g) {
		int updated = jdbc.sql("update nlp_pseudonym set pseudonym = ?, category = ? where project_id = ? and surface_key = ?")
			.params(g.replacement(), g.kind().name(), project.value(), g.key())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into nlp_pseudonym (project_id, surface_key, surface, category, pseudonym, created_at)
					values (?, ?, ?, ?, ?, ?)
					""").params(project.value(), g.key(), g.surface(), g.kind().name(), g.replacement(),
					Timestamp.from(clock.instant())).update();
		}
	}

	/**
	 * A speaker label or memo text with every accepted surface in it replaced ("Anna" → "[Participant
	 * 3]"): whole words, any case, longest first so "Anna Berg" goes before "Anna".
	 */
	static @Nullable String relabel(@Nullable String label, List<CandidateGroup> accepted) {
		if (label == null) {
			return null;
		}
		String out = label;
		List<CandidateGroup> longestFirst = new ArrayList<>(accepted);
		longestFirst.sort(Comparator.comparingInt((CandidateGroup g) -> g.surface().length()).reversed());
		for (CandidateGroup g : longestFirst) {
			Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(g.surface()) + "(?![\\p{L}\\p{N}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out);
			out = m.replaceAll(Matcher.quoteReplacement(g.replacement()));
		}
		return out;
	}

	private static String before(String text, int at) {
		int from = Math.max(0, at - CONTEXT);
		String s = text.substring(from, at).replace('\n', ' ');
		return from > 0 ? "…" + s : s;
	}

	private static String after(String text, int at) {
		int to = Math.min(text.length(), at + CONTEXT);
		String s = text.substring(at, to).replace('\n', ' ');
		return to < text.length() ? s + "…" : s;
	}

	/** The project of a document, for the access check; a document the actor cannot read is "not found". */
	private ProjectId projectOf(DocumentId document) {
		return corpus.document(document)
			.map(quire.corpus.DocumentSummary::projectId)
			.filter(p -> access.can(p, ProjectRole.VIEWER))
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()));
	}

}
