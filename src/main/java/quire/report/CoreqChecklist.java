package quire.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.Origin;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.GroupKind;
import quire.corpus.LinkOrigin;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.corpus.SpeakerRoles;
import quire.corpus.StudyDesign;
import quire.corpus.StudyDesignService;
import quire.corpus.Strand;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;

/**
 * The COREQ items Quire fills from a project, each computed over the qualitative strand only (the
 * focus groups and interviews of the study design, a de-identified copy and its original counted as
 * one session; the thematic codes, never the MITI behaviour codes) and each with the evidence it
 * counted. A speaker label that names a role is one person per session, never one person across
 * sessions ({@link SpeakerRoles}). Where the data cannot answer an item, the entry says why instead
 * of guessing. The sample items (12, 16, 18) are counted in {@link SampleItems}, the analysis items
 * (22, 24, 29–32) in {@link AnalysisItems}; this class finds the sessions and fills the rest.
 */
@Component
class CoreqChecklist {

	/**
	 * What the data says about one item: {@code answered} false means the data cannot answer it and
	 * {@code text} says why.
	 */
	record Filled(String text, List<String> evidence, boolean answered) {

		static Filled of(String text, List<String> evidence) {
			return new Filled(text, evidence, true);
		}

		static Filled cannot(String reason, List<String> evidence) {
			return new Filled(reason, evidence, false);
		}

	}

	/** One qualitative data-collection session: its documents (an original and its copies). */
	record Session(DocumentId original, String name, GroupKind kind, @Nullable String group, List<DocumentId> documents,
			@Nullable LocalDate heldOn, Set<String> speakers, Map<String, Person> people) {

		Session(DocumentId original, String name, GroupKind kind, @Nullable String group, List<DocumentId> documents,
				@Nullable LocalDate heldOn, Set<String> speakers) {
			this(original, name, kind, group, documents, heldOn, speakers, Map.of());
		}

		/**
		 * Who speaks under a label in this session: the participant the speaker is linked to, else (no
		 * link) a role label is one person in this session and a name one person overall.
		 */
		Person person(String label) {
			Person linked = people.get(label);
			if (linked != null) {
				return linked;
			}
			boolean role = SpeakerRoles.isRole(label);
			return new Person(role ? original.value() + "\u0000" + label : label, label, !role, false);
		}

	}

	/**
	 * A person in the sample: {@code key} is the same for the same person in every session;
	 * {@code identifiable} when the person can be recognised across sessions (a name, or a speaker a
	 * researcher linked to a participant); {@code proposed} when that rests on a same-label link nobody
	 * has reviewed yet.
	 */
	record Person(String key, String label, boolean identifiable, boolean proposed) {
	}

	private final StudyDesignService designs;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final AnalysisItems analysis;

	private final StudyRecordService record;

	private final SpeakerLinkService speakerLinks;

	/** Items 19 and 21 from the recordings attached to the transcripts. */
	private final RecordedSessions recordings;

	CoreqChecklist(StudyDesignService designs, CorpusService corpus, CodebookService codebook, AnalysisItems analysis,
			StudyRecordService record, SpeakerLinkService speakerLinks, RecordedSessions recordings) {
		this.recordings = recordings;
		this.speakerLinks = speakerLinks;
		this.designs = designs;
		this.corpus = corpus;
		this.codebook = codebook;
		this.analysis = analysis;
		this.record = record;
	}

	/** The 32 entries: the data's answer, the authors' answer after it, or missing with the reason. */
	List<ChecklistEntry> entries(ProjectId project, Map<Integer, String> answers) {
		Map<Integer, Filled> data = fill(project);
		List<ChecklistEntry> out = new ArrayList<>();
		for (CoreqItem item : CoreqItem.ALL) {
			Filled f = data.get(item.number());
			String author = answers.get(item.number());
			List<String> evidence = f == null ? List.of() : f.evidence();
			if (f != null && f.answered()) {
				out.add(new ChecklistEntry(item, ChecklistEntry.Status.FROM_DATA, f.text() + (author == null ? "" : " " + author),
						evidence));
			}
			else if (author != null) {
				out.add(new ChecklistEntry(item, ChecklistEntry.Status.AUTHOR, author, evidence));
			}
			else {
				out.add(new ChecklistEntry(item, ChecklistEntry.Status.MISSING,
						f != null ? f.text() : "The authors have not answered this item.", evidence));
			}
		}
		return out;
	}

	/** The qualitative data-collection sessions in data-collection order (study-record date, then import). */
	List<Session> sessions(ProjectId project) {
		StudyDesign design = designs.design(project);
		Map<DocumentId, DocumentSummary> docs = new LinkedHashMap<>();
		corpus.documents(project).forEach(d -> docs.put(d.id(), d));
		Map<DocumentId, LocalDate> held = new HashMap<>();
		for (CollectionSession s : record.sessions(project)) {
			if (s.document() != null && s.heldOn() != null) {
				held.putIfAbsent(design.original(s.document()), s.heldOn());
			}
		}
		Map<DocumentId, List<SpeakerLink>> links = new HashMap<>();
		Set<Long> linkedParticipants = new java.util.HashSet<>();
		speakerLinks.links(project).forEach(l -> {
			links.computeIfAbsent(l.document(), k -> new ArrayList<>()).add(l);
			if (l.origin() != LinkOrigin.DOCUMENT) {
				linkedParticipants.add(l.participantId());
			}
		});
		Map<DocumentId, List<DocumentId>> byOriginal = new LinkedHashMap<>();
		for (DocumentId d : design.documents(Strand.QUALITATIVE)) {
			if (design.kindOf(d).map(GroupKind::isQualitativeSession).orElse(false) && docs.containsKey(d)) {
				byOriginal.computeIfAbsent(design.original(d), k -> new ArrayList<>()).add(d);
			}
		}
		List<Session> out = new ArrayList<>();
		byOriginal.forEach((original, documents) -> {
			DocumentSummary first = docs.getOrDefault(original, docs.get(documents.getFirst()));
			Set<String> speakers = new LinkedHashSet<>();
			for (DocumentId d : documents) {
				corpus.transcript(d).ifPresent(t -> t.turns().stream().map(Turn::speaker).filter(s -> s != null && !s.isBlank())
					.forEach(speakers::add));
			}
			Map<String, Person> people = new HashMap<>();
			for (DocumentId d : documents) {
				for (SpeakerLink link : links.getOrDefault(d, List.of())) {
					boolean role = SpeakerRoles.isRole(link.speaker());
					// a role label's own participant is one person in this document, unless someone linked
					// that participant to a speaker of another document
					boolean identifiable = !role || linkedParticipants.contains(link.participantId());
					people.putIfAbsent(link.speaker(), new Person("participant " + link.participantId(),
							linkedParticipants.contains(link.participantId()) ? link.participantLabel() : link.speaker(), identifiable,
							link.origin() == LinkOrigin.PROPOSED));
				}
			}
			out.add(new Session(original, first.name(), design.kindOf(documents.getFirst()).orElseThrow(), first.group(), documents,
					held.get(original), speakers, people));
		});
		Comparator<Session> order = Comparator.comparing((Session s) -> s.heldOn() == null ? LocalDate.MAX : s.heldOn())
			.thenComparing(s -> docs.get(s.documents().getFirst()).importedAt())
			.thenComparing(Session::name);
		return out.stream().sorted(order).toList();
	}

	/** New thematic codes per qualitative session in data-collection order (item 22's curve). */
	List<Map.Entry<String, Integer>> saturation(ProjectId project) {
		return analysis.saturation(project, sessions(project));
	}

	private Map<Integer, Filled> fill(ProjectId project) {
		Map<Integer, Filled> data = new TreeMap<>();
		List<Session> sessions = sessions(project);
		StudyDesign design = designs.design(project);
		String strand = design.describe(Strand.QUALITATIVE);
		List<String> sessionEvidence = List.of("Sessions of the " + strand + ": "
				+ (sessions.isEmpty() ? "none" : String.join(", ", sessions.stream().map(Session::name).toList())));
		List<Code> codes = ThematicCodes.of(codebook.codes(project));
		List<String> codeEvidence = List.of("Thematic codes (MITI behaviour codes left out): " + codes.size());
		facilitators(sessions, sessionEvidence, data);
		if (!codes.isEmpty()) {
			long mapped = codes.stream().filter(c -> !c.dimensions().isEmpty()).count();
			data.put(9, Filled.of(Prose.sentence("the thematic codebook holds " + Prose.count(codes.size(), "code", "codes")
					+ (mapped > 0 ? ", " + Prose.number(mapped) + " of them mapped to the dimensions of the RE-AIM framework" : "")),
					codeEvidence));
		}
		SampleItems.sample(sessions, sessionEvidence, data);
		SampleItems.repeat(sessions, sessionEvidence, data);
		durations(project, design, sessions, data);
		analysis.saturation(project, sessions, codes, data);
		analysis.coders(project, sessions, codes, data);
		if (!codes.isEmpty()) {
			int depth = codes.stream().mapToInt(Code::depth).max().orElse(0) + 1;
			data.put(25, Filled.of(Prose.sentence("the coding tree of " + Prose.count(codes.size(), "thematic code", "thematic codes")
					+ " in " + Prose.count(depth, "level", "levels") + " is listed in the appendix"), codeEvidence));
			long deductive = codes.stream().filter(c -> c.origin() == Origin.DEDUCTIVE).count();
			long inductive = codes.size() - deductive;
			data.put(26, Filled.of(Prose.sentence(Prose.countStart(deductive, "code was", "codes were")
					+ " identified in advance from the framework (deductive) and " + Prose.number(inductive) + " derived from the data (inductive)"),
					codeEvidence));
		}
		data.put(27, Filled.of(ReportService.SOFTWARE + " was used to manage the transcripts, coding, MITI fidelity ratings and questionnaire data.",
				List.of()));
		recordings.item19(sessions).ifPresent(f -> data.put(19, f));
		fromStudyRecord(project, sessions, data);
		analysis.themes(project, sessions, codes, data);
		return data;
	}

	private static void facilitators(List<Session> sessions, List<String> evidence, Map<Integer, Filled> data) {
		Set<String> leaders = new LinkedHashSet<>();
		sessions.forEach(s -> s.speakers().stream().filter(SampleItems::leads).forEach(leaders::add));
		if (!leaders.isEmpty()) {
			data.put(1, Filled.of(Prose.sentence("the sessions were led by the speakers labelled " + Prose.list(List.copyOf(leaders))
					+ " in the transcripts"), evidence));
		}
	}

	
	/** Item 21: the durations of the qualitative sessions, from the study record, the transcripts' timestamps or the recordings. */
	private void durations(ProjectId project, StudyDesign design, List<Session> sessions, Map<Integer, Filled> data) {
		Map<DocumentId, Integer> recorded = new HashMap<>();
		for (CollectionSession s : record.sessions(project)) {
			if (s.document() != null && s.durationMinutes() != null) {
				recorded.put(design.original(s.document()), s.durationMinutes());
			}
		}
		Map<GroupKind, List<Integer>> byKind = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		List<String> without = new ArrayList<>();
		for (Session s : sessions) {
			Integer minutes = recorded.get(s.original());
			String source = "study record";
			if (minutes == null) {
				minutes = s.documents().stream().map(d -> corpus.transcript(d).flatMap(CoreqChecklist::timedMinutes))
					.flatMap(Optional::stream).findFirst().orElse(null);
				source = "the transcript's timestamps";
			}
			if (minutes == null) {
				minutes = recordings.minutes(s).orElse(null);
				source = "the attached recording";
			}
			if (minutes == null) {
				without.add(s.name());
				lines.add(s.name() + ": no duration (no recording, no timestamps, none in the study record)");
				continue;
			}
			byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(minutes);
			lines.add(s.name() + ": " + minutes + " min (" + source + ")");
		}
		if (byKind.isEmpty()) {
			if (!sessions.isEmpty()) {
				data.put(21, Filled.cannot("No qualitative session has a duration: the transcripts carry no timestamps and the study record "
						+ "gives none.", lines));
			}
			return;
		}
		List<String> parts = new ArrayList<>();
		byKind.forEach((kind, minutes) -> parts.add("the " + kind.label(minutes.size()) + " " + (minutes.size() == 1 ? "lasted " : "lasted ")
				+ Prose.minutes(minutes)));
		String text = Prose.sentence(Prose.list(parts))
				+ (without.isEmpty() ? "" : " " + Prose.sentence(Prose.countStart(without.size(), "session has", "sessions have") + " no recorded duration"));
		data.put(21, Filled.of(text, lines));
	}

	/** Minutes from a transcript's first to last timestamp, where it has them. */
	static Optional<Integer> timedMinutes(Transcript t) {
		Optional<Long> first = t.turns().stream().map(Turn::startMs).filter(ms -> ms != null).findFirst();
		Optional<Long> last = t.turns().stream().map(tt -> tt.endMs() != null ? tt.endMs() : tt.startMs()).filter(ms -> ms != null)
			.reduce((a, b) -> b);
		if (first.isEmpty() || last.isEmpty() || last.get() <= first.get()) {
			return Optional.empty();
		}
		return Optional.of((int) Math.max(1, Math.round((last.get() - first.get()) / 60_000.0)));
	}

	/** Items 1–5, 14, 15, 19, 20, 23 and 28 from the study record, where the researchers keep one. */
	private void fromStudyRecord(ProjectId project, List<Session> qualitative, Map<Integer, Filled> data) {
		List<TeamMember> team = record.team(project);
		putIf(data, 2, team.stream().filter(t -> !t.credentials().isBlank()).map(t -> t.name() + " (" + t.role() + ") holds " + t.credentials()).toList());
		putIf(data, 3, team.stream().filter(t -> !t.occupation().isBlank()).map(t -> t.name() + " was " + article(t.occupation())).toList());
		putIf(data, 4, team.stream().filter(t -> !t.gender().isBlank()).map(t -> t.name() + " is a " + t.gender()).toList());
		putIf(data, 5, team.stream().filter(t -> !t.experience().isBlank()).map(t -> t.name() + ": " + lower(t.experience())).toList());
		Set<DocumentId> qualitativeDocs = qualitative.stream().flatMap(s -> s.documents().stream()).collect(Collectors.toSet());
		List<CollectionSession> sessions = record.sessions(project).stream()
			.filter(s -> s.document() == null || qualitativeDocs.contains(s.document())).toList();
		if (!sessions.isEmpty()) {
			Set<String> moderators = new LinkedHashSet<>();
			Set<String> coModerators = new LinkedHashSet<>();
			sessions.forEach(s -> {
				if (!s.moderator().isBlank()) {
					moderators.add(s.moderator());
				}
				if (!s.coModerator().isBlank()) {
					coModerators.add(s.coModerator());
				}
			});
			if (!moderators.isEmpty()) {
				data.put(1, Filled.of(Prose.sentence(Prose.list(List.copyOf(moderators)) + " moderated the "
						+ Prose.count(sessions.size(), "data-collection session", "data-collection sessions")
						+ (coModerators.isEmpty() ? "" : ", with " + Prose.list(List.copyOf(coModerators)) + " as co-moderator")),
						sessions.stream().map(s -> (s.heldOn() == null ? "undated" : Prose.date(s.heldOn())) + ": " + s.moderator()
								+ (s.coModerator().isBlank() ? "" : " and " + s.coModerator())).toList()));
			}
			putIf(data, 14, distinct(sessions.stream().map(CollectionSession::setting).toList(), "The data were collected in "));
			putIf(data, 15, distinct(sessions.stream().map(CollectionSession::othersPresent).toList(), "Present besides the participants and researchers: "));
			putIf(data, 19, distinct(sessions.stream().map(CollectionSession::recording).toList(), "Recording: "));
			putIf(data, 20, distinct(sessions.stream().map(CollectionSession::fieldNotes).toList(), "Field notes: "));
		}
		List<MemberCheck> checks = record.memberChecks(project);
		List<String> transcripts = checks.stream().filter(c -> c.what().toLowerCase(Locale.ROOT).contains("transcript")).map(CoreqChecklist::check).toList();
		List<String> findings = checks.stream().filter(c -> !c.what().toLowerCase(Locale.ROOT).contains("transcript")).map(CoreqChecklist::check).toList();
		if (!transcripts.isEmpty()) {
			data.put(23, Filled.of(Prose.sentence(Prose.list(transcripts)), List.of()));
		}
		if (!findings.isEmpty()) {
			data.put(28, Filled.of(Prose.sentence(Prose.list(findings)), List.of()));
		}
	}

	private static String article(String occupation) {
		String o = lower(occupation);
		return (o.matches("^[aeiou].*") ? "an " : "a ") + o;
	}

	private static String lower(String s) {
		return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
				: s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
	}

	private static void putIf(Map<Integer, Filled> data, int item, List<String> parts) {
		if (!parts.isEmpty()) {
			data.put(item, Filled.of(Prose.sentence(String.join("; ", parts)), List.of()));
		}
	}

	private static List<String> distinct(List<String> values, String prefix) {
		List<String> d = values.stream().filter(v -> !v.isBlank()).distinct().toList();
		return d.isEmpty() ? List.of() : List.of(prefix + String.join("; ", d.stream().map(CoreqChecklist::lower).toList()));
	}

	private static String check(MemberCheck c) {
		return c.who() + " read " + c.what() + (c.checkedOn() == null ? "" : " on " + Prose.date(c.checkedOn()))
				+ (c.response().isBlank() ? "" : " and " + lower(c.response()));
	}

}
