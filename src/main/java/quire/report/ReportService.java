package quire.report;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.analysis.JointDisplayRow;
import quire.analysis.JointDisplayService;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.coding.Origin;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.Participant;
import quire.corpus.SpeakerLinkService;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.fidelity.FidelityResults;
import quire.fidelity.FidelityService;
import quire.fidelity.ResultGroup;
import quire.fidelity.ResultsBy;
import quire.fidelity.ScoreSummary;
import quire.fidelity.Summary;
import quire.project.Project;
import quire.project.ProjectId;
import quire.project.ProjectService;
import quire.report.document.BarChart;
import quire.report.document.Block;
import quire.report.document.DocxRenderer;
import quire.report.document.Heading;
import quire.report.document.MarkdownRenderer;
import quire.report.document.PageBreak;
import quire.report.document.Paragraph;
import quire.report.document.PdfRenderer;
import quire.report.document.Quote;
import quire.report.document.ReportDocument;
import quire.report.document.Table;
import quire.stats.Frequencies;
import quire.survey.BaselineTable;
import quire.survey.MeasurementLevel;
import quire.survey.Questionnaire;
import quire.survey.SurveyService;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;
import quire.survey.VariableSummary;

/**
 * The COREQ checklist of a project (items computed from its data where Quire can, the authors'
 * answers where only they can, the rest plainly missing) and the publication report assembled from
 * the same sources, rendered as PDF, Word or Markdown.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

	/** Report formats. */
	public enum Format {
		PDF("pdf", "application/pdf"), DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
		MARKDOWN("md", "text/markdown");

		private final String extension;

		private final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		public String extension() {
			return extension;
		}

		public String contentType() {
			return contentType;
		}

	}

	static final String SOFTWARE = "Quire 0.1.0";

	private static final Set<String> FACILITATOR_LABELS = Set.of("moderator", "co-moderator", "interviewer", "intervjuer",
			"facilitator", "researcher");

	private final JdbcClient jdbc;

	private final SpeakerLinkService speakerLinks;

	private final ProjectService projects;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final JointDisplayService joint;

	private final FidelityService fidelity;

	private final SurveyService survey;

	private final StudyRecordService record;

	private final ProjectAccess access;

	private final AuditLog audit;

	ReportService(JdbcClient jdbc, ProjectService projects, CorpusService corpus, CodebookService codebook, CodingService codings,
			JointDisplayService joint, FidelityService fidelity, SurveyService survey, StudyRecordService record, ProjectAccess access, AuditLog audit,
			SpeakerLinkService speakerLinks) {
		this.speakerLinks = speakerLinks;
		this.access = access;
		this.audit = audit;
		this.record = record;
		this.jdbc = jdbc;
		this.projects = projects;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.joint = joint;
		this.fidelity = fidelity;
		this.survey = survey;
	}

	/** Saves (or, when blank, clears) the authors' answer to a checklist item. */
	@Transactional
	public void answer(ProjectId project, int item, String answer) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "checklist", "COREQ item " + item + " answered");
		if (item < 1 || item > 32) {
			throw new IllegalArgumentException("COREQ has items 1 to 32, not " + item);
		}
		String a = answer.strip();
		if (a.length() > 4000) {
			throw new IllegalArgumentException("an answer must be at most 4000 characters");
		}
		jdbc.sql("delete from coreq_answer where project_id = ? and item = ?").params(project.value(), item).update();
		if (!a.isEmpty()) {
			jdbc.sql("insert into coreq_answer (project_id, item, answer) values (?, ?, ?)").params(project.value(), item, a).update();
		}
	}

	public Map<Integer, String> answers(ProjectId project) {
		Map<Integer, String> out = new TreeMap<>();
		jdbc.sql("select item, answer from coreq_answer where project_id = ?").param(project.value())
			.query((rs, n) -> out.put(rs.getInt(1), rs.getString(2))).list();
		return out;
	}

	/** The 32 items with status and answer. */
	public List<ChecklistEntry> checklist(ProjectId project) {
		Map<Integer, String> answers = answers(project);
		Map<Integer, String> data = fromData(project);
		List<ChecklistEntry> out = new ArrayList<>();
		for (CoreqItem item : CoreqItem.ALL) {
			String fromData = data.get(item.number());
			String author = answers.get(item.number());
			if (fromData != null && !fromData.isBlank()) {
				out.add(new ChecklistEntry(item, ChecklistEntry.Status.FROM_DATA,
						fromData + (author == null ? "" : " " + author)));
			}
			else if (author != null) {
				out.add(new ChecklistEntry(item, ChecklistEntry.Status.AUTHOR, author));
			}
			else {
				out.add(new ChecklistEntry(item, ChecklistEntry.Status.MISSING, "Not reported: the authors have not answered this item."));
			}
		}
		return out;
	}

	/** New codes per successive document (in import order): the code-saturation curve for item 22. */
	public List<Map.Entry<String, Integer>> saturation(ProjectId project) {
		List<Map.Entry<String, Integer>> out = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		Map<Long, List<Coding>> byDocument = new HashMap<>();
		codings.codings(project, null).forEach(c -> byDocument.computeIfAbsent(c.documentId().value(), k -> new ArrayList<>()).add(c));
		for (DocumentSummary d : corpus.documents(project).stream()
			.sorted(java.util.Comparator.comparing(DocumentSummary::importedAt).thenComparing(DocumentSummary::name)).toList()) {
			int fresh = 0;
			for (Coding c : byDocument.getOrDefault(d.id().value(), List.of())) {
				if (seen.add(c.codeId().value())) {
					fresh++;
				}
			}
			out.add(Map.entry(d.name(), fresh));
		}
		return out;
	}

	private Map<Integer, String> fromData(ProjectId project) {
		Map<Integer, String> data = new LinkedHashMap<>();
		List<Participant> participants = corpus.participants(project);
		// speaker labels, not participants: a role label has a participant per document
		List<String> facilitators = corpus.speakers(project).stream()
			.filter(l -> FACILITATOR_LABELS.contains(l.toLowerCase(Locale.ROOT))).toList();
		Set<Long> facilitatorIds = new java.util.HashSet<>();
		speakerLinks.links(project).stream().filter(l -> FACILITATOR_LABELS.contains(l.speaker().toLowerCase(Locale.ROOT)))
			.forEach(l -> facilitatorIds.add(l.participantId()));
		if (!facilitators.isEmpty()) {
			data.put(1, "Sessions were led by the speakers labelled " + String.join(", ", facilitators) + " in the transcripts.");
		}
		List<Code> codes = codebook.codes(project);
		long mapped = codes.stream().filter(c -> !c.dimensions().isEmpty()).count();
		if (!codes.isEmpty()) {
			data.put(9, "Codebook of " + codes.size() + " codes" + (mapped > 0 ? ", " + mapped
					+ " of them mapped to the RE-AIM framework (Reach, Effectiveness, Adoption, Implementation, Maintenance)" : "") + ".");
		}
		List<Participant> speakers = participants.stream().filter(p -> p.turns() > 0)
			.filter(p -> !facilitatorIds.contains(p.id()) && !FACILITATOR_LABELS.contains(p.label().toLowerCase(Locale.ROOT)))
			.toList();
		List<Questionnaire> questionnaires = survey.questionnaires(project);
		StringBuilder sample = new StringBuilder();
		if (!speakers.isEmpty()) {
			sample.append(speakers.size()).append(" participants speak in the transcripts (facilitators not counted).");
		}
		for (Questionnaire q : questionnaires) {
			sample.append(" ").append(survey.respondents(q).size()).append(" answered the questionnaire '").append(q.name()).append("'.");
		}
		if (!sample.isEmpty()) {
			data.put(12, sample.toString().strip());
		}
		if (!questionnaires.isEmpty()) {
			BaselineTable b = survey.baseline(project, questionnaires.get(0), null);
			StringBuilder text = new StringBuilder("Respondents (n = " + b.n().get(b.n().size() - 1) + "):");
			String heading = "";
			for (BaselineTable.Row r : b.rows()) {
				if (r.heading()) {
					heading = r.label().replace(", n (%)", "");
					continue;
				}
				text.append(" ").append(r.label().contains("mean") ? r.label().replace(", mean (SD)", "") + " mean (SD) " : heading + " " + r.label() + " ")
					.append(r.cells().get(r.cells().size() - 1)).append(";");
			}
			data.put(16, text.toString().replaceAll(";$", "."));
		}
		Map<String, Integer> documentsPerSpeaker = new HashMap<>();
		List<String> durations = new ArrayList<>();
		int withTimes = 0;
		List<DocumentSummary> documents = corpus.documents(project);
		for (DocumentSummary d : documents) {
			Transcript t = corpus.transcript(d.id()).orElseThrow();
			t.turns().stream().map(Turn::speaker).filter(s -> s != null).distinct().forEach(s -> documentsPerSpeaker.merge(s, 1, Integer::sum));
			Optional<Long> first = t.turns().stream().map(Turn::startMs).filter(ms -> ms != null).findFirst();
			Optional<Long> last = t.turns().stream().map(tt -> tt.endMs() != null ? tt.endMs() : tt.startMs()).filter(ms -> ms != null)
				.reduce((a, b) -> b);
			if (first.isPresent() && last.isPresent()) {
				withTimes++;
				durations.add(d.name() + " " + Math.round((last.get() - first.get()) / 60_000.0) + " min");
			}
		}
		List<String> repeated = documentsPerSpeaker.entrySet().stream().filter(e -> e.getValue() > 1)
			.filter(e -> !FACILITATOR_LABELS.contains(e.getKey().toLowerCase(Locale.ROOT))).map(Map.Entry::getKey).sorted().toList();
		if (!documents.isEmpty()) {
			data.put(18, repeated.isEmpty() ? "No participant speaks in more than one transcript."
					: repeated.size() + " participant(s) speak in more than one transcript: " + String.join(", ", repeated) + ".");
		}
		if (withTimes > 0) {
			data.put(19, withTimes + " of " + documents.size() + " transcripts carry timestamps from their recordings.");
			data.put(21, "Duration from the transcripts' timestamps: " + String.join("; ", durations) + ".");
		}
		List<Map.Entry<String, Integer>> curve = saturation(project);
		if (curve.stream().anyMatch(e -> e.getValue() > 0)) {
			data.put(22, "New codes per successive document (import order): "
					+ String.join(", ", curve.stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ".");
		}
		List<String> coders = codings.coders(project);
		if (!coders.isEmpty()) {
			data.put(24, coders.size() + " coder(s) coded the data: " + String.join(", ", coders) + ".");
		}
		if (!codes.isEmpty()) {
			int depth = codes.stream().mapToInt(Code::depth).max().orElse(0) + 1;
			data.put(25, "The coding tree of " + codes.size() + " codes in " + depth + " level(s) is listed in the appendix.");
			long deductive = codes.stream().filter(c -> c.origin() == Origin.DEDUCTIVE).count();
			data.put(26, deductive + " code(s) were identified in advance from the framework (deductive) and "
					+ (codes.size() - deductive) + " derived from the data (inductive).");
		}
		data.put(27, SOFTWARE + " (transcripts, coding, agreement, MITI fidelity, questionnaires, this report).");
		fromStudyRecord(project, data);
		List<JointDisplayRow> rows = joint.reAim(project, null);
		int quotes = rows.stream().mapToInt(r -> r.themes().stream().mapToInt(t -> t.exemplars().size()).sum()).sum();
		if (quotes > 0) {
			data.put(29, quotes + " quotations illustrate the themes, each identified by the speaker's label (e.g. “– MI Caseworker 2”).");
		}
		List<String> major = new ArrayList<>();
		List<String> minor = new ArrayList<>();
		for (JointDisplayRow r : rows) {
			for (JointDisplayRow.Theme t : r.themes()) {
				(t.segments() >= 10 ? major : minor).add(t.name() + " (" + r.dimension() + ", " + t.segments() + " segments)");
			}
		}
		if (!major.isEmpty() || !minor.isEmpty()) {
			data.put(30, "Coded-segment counts per theme are given with each theme in the results.");
		}
		if (!major.isEmpty()) {
			data.put(31, "Major themes (10 or more coded segments): " + String.join("; ", major) + ".");
		}
		if (!minor.isEmpty()) {
			data.put(32, "Minor themes (fewer than 10 coded segments): " + String.join("; ", minor) + ".");
		}
		return data;
	}

	/** Items 1–5, 14, 15, 19–21, 23 and 28 from the study record, where the researchers have kept one. */
	private void fromStudyRecord(ProjectId project, Map<Integer, String> data) {
		List<TeamMember> team = record.team(project);
		if (!team.isEmpty()) {
			putIf(data, 2, join(team.stream().filter(t -> !t.credentials().isBlank()).map(t -> t.name() + " (" + t.role() + "): " + t.credentials()).toList()));
			putIf(data, 3, join(team.stream().filter(t -> !t.occupation().isBlank()).map(t -> t.name() + ": " + t.occupation()).toList()));
			putIf(data, 4, join(team.stream().filter(t -> !t.gender().isBlank()).map(t -> t.name() + ": " + t.gender()).toList()));
			putIf(data, 5, join(team.stream().filter(t -> !t.experience().isBlank()).map(t -> t.name() + ": " + t.experience()).toList()));
		}
		List<CollectionSession> sessions = record.sessions(project);
		if (!sessions.isEmpty()) {
			Set<String> leaders = new java.util.LinkedHashSet<>();
			sessions.forEach(s -> {
				if (!s.moderator().isBlank()) {
					leaders.add(s.moderator() + " (moderator)");
				}
				if (!s.coModerator().isBlank()) {
					leaders.add(s.coModerator() + " (co-moderator)");
				}
			});
			if (!leaders.isEmpty()) {
				data.put(1, sessions.size() + " data-collection session(s) were led by " + String.join(", ", leaders) + ".");
			}
			putIf(data, 14, distinct(sessions.stream().map(CollectionSession::setting).toList(), "Setting: "));
			putIf(data, 15, distinct(sessions.stream().map(CollectionSession::othersPresent).toList(), "Present besides participants and researchers: "));
			putIf(data, 19, distinct(sessions.stream().map(CollectionSession::recording).toList(), "Recording: "));
			putIf(data, 20, distinct(sessions.stream().map(CollectionSession::fieldNotes).toList(), "Field notes: "));
			List<Integer> minutes = sessions.stream().map(CollectionSession::durationMinutes).filter(m -> m != null).sorted().toList();
			if (!minutes.isEmpty()) {
				data.put(21, "Sessions lasted " + (minutes.get(0).equals(minutes.get(minutes.size() - 1)) ? minutes.get(0) + " minutes"
						: minutes.get(0) + " to " + minutes.get(minutes.size() - 1) + " minutes") + " (study record).");
			}
		}
		List<MemberCheck> checks = record.memberChecks(project);
		List<String> transcripts = checks.stream().filter(c -> c.what().toLowerCase(Locale.ROOT).contains("transcript"))
			.map(ReportService::check).toList();
		List<String> findings = checks.stream().filter(c -> !c.what().toLowerCase(Locale.ROOT).contains("transcript"))
			.map(ReportService::check).toList();
		if (!transcripts.isEmpty()) {
			data.put(23, "Transcripts returned: " + String.join("; ", transcripts) + ".");
		}
		if (!findings.isEmpty()) {
			data.put(28, "Participants read the findings: " + String.join("; ", findings) + ".");
		}
	}

	private static void putIf(Map<Integer, String> data, int item, String text) {
		if (!text.isBlank()) {
			data.put(item, text);
		}
	}

	private static String check(MemberCheck c) {
		return c.who() + " read " + c.what() + (c.checkedOn() == null ? "" : " on " + c.checkedOn())
				+ (c.response().isBlank() ? "" : " (" + c.response() + ")");
	}

	private static String join(List<String> parts) {
		return parts.isEmpty() ? "" : String.join("; ", parts) + ".";
	}

	private static String distinct(List<String> values, String prefix) {
		List<String> d = values.stream().filter(v -> !v.isBlank()).distinct().toList();
		return d.isEmpty() ? "" : prefix + String.join("; ", d) + ".";
	}

	/** The report as a document model. */
	public ReportDocument document(ProjectId projectId) {
		Project project = projects.find(projectId).orElseThrow(() -> new IllegalArgumentException("no project with id " + projectId.value()));
		List<ChecklistEntry> checklist = checklist(projectId);
		Map<Integer, ChecklistEntry> byItem = new HashMap<>();
		checklist.forEach(e -> byItem.put(e.item().number(), e));
		List<Block> blocks = new ArrayList<>();

		blocks.add(new Heading(1, "Methods"));
		blocks.add(new Heading(2, "Research team and reflexivity"));
		blocks.add(paragraph(byItem, 1, 2, 3, 4, 5, 6, 7, 8));
		blocks.add(new Heading(2, "Participants"));
		blocks.add(paragraph(byItem, 10, 11, 12, 13, 16));
		List<Questionnaire> questionnaires = survey.questionnaires(projectId);
		if (!questionnaires.isEmpty()) {
			BaselineTable b = survey.baseline(projectId, questionnaires.get(0), null);
			List<List<String>> rows = new ArrayList<>();
			b.rows().forEach(r -> {
				List<String> row = new ArrayList<>();
				row.add(r.label());
				row.addAll(r.cells());
				rows.add(row);
			});
			List<String> header = new ArrayList<>(List.of("Characteristic"));
			for (int i = 0; i < b.columns().size(); i++) {
				header.add(b.columns().get(i) + " (n = " + b.n().get(i) + ")");
			}
			blocks.add(new Table("Table 1. " + b.title(), header, rows));
		}
		blocks.add(new Heading(2, "Data collection"));
		blocks.add(paragraph(byItem, 14, 15, 17, 18, 19, 20, 21, 23));
		blocks.add(new Heading(2, "Analysis"));
		blocks.add(paragraph(byItem, 9, 22, 24, 26, 27, 28));
		List<Map.Entry<String, Integer>> curve = saturation(projectId);
		if (curve.stream().anyMatch(e -> e.getValue() > 0)) {
			blocks.add(new BarChart("New codes per successive document (code saturation)", curve.stream().map(Map.Entry::getKey).toList(),
					curve.stream().map(e -> (double) e.getValue()).toList(),
					Math.max(1, curve.stream().mapToInt(Map.Entry::getValue).max().orElse(1)), "codes"));
		}

		blocks.add(new PageBreak());
		blocks.add(new Heading(1, "Results"));
		List<Code> codes = codebook.codes(projectId);
		for (JointDisplayRow row : joint.reAim(projectId, null)) {
			if (row.themes().isEmpty()) {
				continue;
			}
			blocks.add(new Heading(2, row.dimension()));
			for (JointDisplayRow.Theme theme : row.themes()) {
				blocks.add(new Heading(3, theme.name() + " (" + theme.segments() + " coded segments)"));
				codes.stream().filter(c -> c.name().equals(theme.name()) && !c.definition().isBlank()).findFirst()
					.ifPresent(c -> blocks.add(new Paragraph(c.definition())));
				theme.exemplars().forEach(s -> blocks.add(new Quote(s.text(), s.speaker() == null ? s.documentName() : s.speaker())));
			}
		}
		FidelityResults miti = fidelity.results(projectId, ResultsBy.COUNSELLOR, fidelity.thresholdSet(projectId));
		if (miti.overall().sessions() > 0) {
			blocks.add(new Heading(2, "MITI fidelity"));
			List<List<String>> rows = new ArrayList<>();
			for (ScoreSummary s : miti.overall().scores()) {
				rows.add(List.of(s.summary().label(), meanSd(s), miti.thresholds().threshold(s.summary())
					.map(t -> value(s.summary(), t.fair())).orElse("—"), percent(s.atLeastFair()), s.notDefined() == 0 ? "" : s.notDefined() + " not defined"));
			}
			blocks.add(new Table("Table 3. MITI summary scores of " + miti.caption() + " against " + miti.thresholds().name(), List.of("Summary score", "Mean (SD)", "Fair threshold", "Sessions ≥ fair", "Left out"), rows));
			List<String> labels = new ArrayList<>();
			List<Double> values = new ArrayList<>();
			for (ResultGroup g : miti.groups()) {
				ScoreSummary technical = g.score(Summary.TECHNICAL);
				ScoreSummary relational = g.score(Summary.RELATIONAL);
				if (technical.stats().mean().defined()) {
					labels.add(g.name() + " technical");
					values.add(technical.stats().mean().value());
				}
				if (relational.stats().mean().defined()) {
					labels.add(g.name() + " relational");
					values.add(relational.stats().mean().value());
				}
			}
			blocks.add(new BarChart("Mean Technical and Relational per counsellor (1–5), " + miti.caption(), labels, values, 5, ""));
		}
		for (Questionnaire q : questionnaires) {
			blocks.add(new Heading(2, "Questionnaire: " + q.name()));
			List<List<String>> rows = new ArrayList<>();
			for (VariableSpec v : q.variables()) {
				VariableSummary s = survey.describe(q, v, null);
				rows.add(List.of(v.label() + " (valid n = " + s.frequencies().valid() + ")", ""));
				if (v.level() != MeasurementLevel.SCALE) {
					for (Frequencies.Row r : s.frequencies().rows()) {
						rows.add(List.of("   " + v.valueLabel(r.category()).map(ValueLabel::label).orElse(r.category()),
								r.n() + " (" + percentValue(r.percentOfValid()) + ")"));
					}
				}
			}
			blocks.add(new Table("Table 2. " + q.name() + ": n (% of valid answers)", List.of("Item and answer", "n (%)"), rows));
		}
		List<JointDisplayRow> display = joint.reAim(projectId, null);
		blocks.add(new Heading(2, "Joint display"));
		List<List<String>> jointRows = new ArrayList<>();
		for (JointDisplayRow r : display) {
			String themes = String.join("; ", r.themes().stream().map(t -> t.name() + " (" + t.segments() + ")").toList());
			jointRows.add(List.of(r.dimension(), themes.isEmpty() ? "—" : themes, r.mitiEvidence().isEmpty() ? "—" : r.mitiEvidence(),
					r.questionnaireEvidence().isEmpty() ? "—" : r.questionnaireEvidence()));
		}
		blocks.add(new Table("RE-AIM joint display", List.of("Dimension", "Themes (segments)", "MITI evidence", "Questionnaire evidence"),
				jointRows));

		blocks.add(new PageBreak());
		blocks.add(new Heading(1, "Appendix"));
		blocks.add(new Heading(2, "Codebook"));
		List<List<String>> codeRows = new ArrayList<>();
		for (Code c : codes) {
			codeRows.add(List.of("  ".repeat(c.depth()) + c.name(), String.join(", ", c.dimensions().stream().map(d -> d.label()).sorted().toList()),
					c.stance() == null ? "" : c.stance().label(), c.origin().label()));
		}
		blocks.add(new Table("The coding tree", List.of("Code", "RE-AIM", "Barrier/facilitator", "Origin"), codeRows));
		blocks.add(new Heading(2, "COREQ checklist"));
		List<List<String>> coreq = new ArrayList<>();
		for (ChecklistEntry e : checklist) {
			coreq.add(List.of(Integer.toString(e.item().number()), e.item().item(), e.answer(), e.status().label(), e.item().section()));
		}
		blocks.add(new Table("COREQ (Tong, Sainsbury & Craig 2007)", List.of("#", "Item", "Answer", "Status", "Section"), coreq));
		long missing = checklist.stream().filter(e -> e.status() == ChecklistEntry.Status.MISSING).count();
		if (missing > 0) {
			blocks.add(new Paragraph(missing + " of 32 items are missing and must be answered by the authors: "
					+ String.join(", ", checklist.stream().filter(e -> e.status() == ChecklistEntry.Status.MISSING)
						.map(e -> e.item().number() + " " + e.item().item()).toList()) + "."));
		}
		return new ReportDocument(project.name(), "Methods and results — a draft written by " + SOFTWARE, blocks);
	}

	/** The report in a format. */
	public byte[] render(ProjectId project, Format format) {
		access.require(project, ProjectRole.VIEWER);
		audit.record(project, "export", "report (" + format.extension() + ")");
		ReportDocument d = document(project);
		return switch (format) {
			case PDF -> PdfRenderer.render(d);
			case DOCX -> DocxRenderer.render(d);
			case MARKDOWN -> MarkdownRenderer.render(d).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		};
	}

	private static Paragraph paragraph(Map<Integer, ChecklistEntry> byItem, int... items) {
		List<String> parts = new ArrayList<>();
		for (int i : items) {
			ChecklistEntry e = byItem.get(i);
			parts.add(e.status() == ChecklistEntry.Status.MISSING ? "[" + e.item().item() + ": not reported.]" : e.answer());
		}
		return new Paragraph(String.join(" ", parts));
	}

	private static String meanSd(ScoreSummary s) {
		var d = s.stats();
		if (!d.mean().defined()) {
			return "not defined";
		}
		return value(s.summary(), d.mean().value()) + (d.sd().defined() ? " (" + value(s.summary(), d.sd().value()) + ")" : "");
	}

	private static String value(Summary s, double v) {
		return s == Summary.PERCENT_CR ? String.format(Locale.ROOT, "%.1f%%", v * 100) : String.format(Locale.ROOT, "%.2f", v);
	}

	private static String percent(quire.stats.Agreement.Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.0f%%", c.value() * 100) : "—";
	}

	private static String percentValue(quire.stats.Agreement.Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.1f%%", c.value()) : "—";
	}

}
