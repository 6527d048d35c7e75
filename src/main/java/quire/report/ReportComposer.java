package quire.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import quire.analysis.JointDisplayRow;
import quire.analysis.JointDisplayService;
import quire.analysis.StudyOverview;
import quire.analysis.StudyService;
import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.CodedSegment;
import quire.coding.Memo;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.coding.RetrievalService;
import quire.corpus.Attribute;
import quire.corpus.DocumentId;
import quire.corpus.GroupKind;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.Strand;
import quire.fidelity.FidelityResults;
import quire.fidelity.FidelityService;
import quire.fidelity.ResultGroup;
import quire.fidelity.ResultsBy;
import quire.fidelity.ScoreSummary;
import quire.fidelity.Summary;
import quire.project.Project;
import quire.project.ProjectId;
import quire.report.document.BarChart;
import quire.report.document.Block;
import quire.report.document.Heading;
import quire.report.document.PageBreak;
import quire.report.document.Paragraph;
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
 * Composes the report as the Methods and Results of a mixed-methods paper (seed 002 is the model):
 * Methods with Design, Participants, Data collection and Data analysis per strand; Results opening
 * with the response, then one section per RE-AIM dimension with its themes as headed paragraphs
 * (the analysts' "Theme narrative" memo on the theme's code, else its definition), quotes attributed
 * by role, and the quantitative strand mapped to the dimension in sentences with their tables
 * (questionnaire under Adoption, MITI under Implementation). Sentences come from {@link Prose};
 * COREQ items nobody has answered stay out of the running text and are listed under "Not yet
 * reported". Tables and figures are numbered in order of first mention, after any section the
 * researcher leaves out is removed.
 */
@Component
class ReportComposer {

	/** The title of the memo on a theme's code that holds the analysts' text for the Results. */
	static final String THEME_NARRATIVE = "Theme narrative";

	/** Quotes per theme when the researchers have pinned none; at most three pinned ones are shown. */
	static final int DEFAULT_QUOTES = 2;

	static final int MAX_QUOTES = 3;

	/** The RE-AIM dimension each quantitative strand is reported under, as in seed 002. */
	static final String QUESTIONNAIRE_DIMENSION = "Adoption";

	static final String FIDELITY_DIMENSION = "Implementation";

	private static final Pattern REFERENCE = Pattern.compile("\\{(table|figure):([a-z0-9-]+)\\}");

	private final CoreqChecklist coreq;

	private final StudyService study;

	private final CodebookService codebook;

	private final MemoService memos;

	private final RetrievalService retrieval;

	private final JointDisplayService joint;

	private final FidelityService fidelity;

	private final SurveyService survey;

	private final ParticipantService participants;

	private final StudyRecordService record;

	ReportComposer(CoreqChecklist coreq, StudyService study, CodebookService codebook, MemoService memos, RetrievalService retrieval,
			JointDisplayService joint, FidelityService fidelity, SurveyService survey, ParticipantService participants,
			StudyRecordService record) {
		this.coreq = coreq;
		this.study = study;
		this.codebook = codebook;
		this.memos = memos;
		this.retrieval = retrieval;
		this.joint = joint;
		this.fidelity = fidelity;
		this.survey = survey;
		this.participants = participants;
		this.record = record;
	}

	/** What the report knows about one questionnaire: its respondents and the invited population. */
	record Response(Questionnaire questionnaire, int respondents, int invited, String population) {
	}

	ReportDocument compose(Project project, List<ChecklistEntry> checklist, Set<String> leaveOut) {
		ProjectId id = project.id();
		Map<Integer, ChecklistEntry> items = new HashMap<>();
		checklist.forEach(e -> items.put(e.item().number(), e));
		StudyOverview overview = study.overview(id);
		List<CoreqChecklist.Session> sessions = coreq.sessions(id);
		List<Questionnaire> questionnaires = survey.questionnaires(id);
		List<Response> responses = questionnaires.stream().map(q -> response(id, q)).toList();
		FidelityResults miti = fidelity.results(id, ResultsBy.COUNSELLOR, fidelity.thresholdSet(id));
		Map<String, Block> tables = new LinkedHashMap<>();
		List<Block> blocks = new ArrayList<>();

		blocks.add(new Heading(1, "Methods"));
		blocks.add(new Heading(2, "Design"));
		blocks.add(new Paragraph(design(overview, sessions, responses, miti)));
		blocks.add(new Heading(2, "Participants"));
		if (!sessions.isEmpty()) {
			blocks.add(new Paragraph(answered(items, 10, 11, 12, 13, 16)));
		}
		for (Response r : responses) {
			blocks.add(new Paragraph(Prose.sentence("the questionnaire '" + r.questionnaire().name() + "' was answered by "
					+ (r.invited() > 0 ? Prose.percentOf(r.respondents(), r.invited()) + " " + r.population()
							: Prose.count(r.respondents(), "respondent", "respondents"))
					+ "; their characteristics are shown in Table {table:baseline}")));
			tables.put("baseline", baselineTable(id, r.questionnaire()));
			break;
		}
		blocks.add(new Heading(2, "Data collection"));
		if (!sessions.isEmpty()) {
			blocks.add(new Paragraph(collection(sessions) + " " + answered(items, 1, 14, 15, 17, 18, 19, 20, 21, 23)));
		}
		if (miti.overall().sessions() > 0) {
			blocks.add(new Paragraph(fidelityMethod(overview, miti)));
		}
		for (Questionnaire q : questionnaires) {
			blocks.add(new Paragraph(questionnaireMethod(q)));
		}
		blocks.add(new Heading(2, "Data analysis"));
		List<Map.Entry<String, Integer>> curve = coreq.saturation(id);
		String analysis = answered(items, 9, 24, 26, 27, 28);
		if (curve.stream().anyMatch(e -> e.getValue() > 0)) {
			analysis += " " + answered(items, 22).replaceAll("\\.$", "") + " (Figure {figure:saturation}).";
			tables.put("saturation", new BarChart("New thematic codes per qualitative session in data-collection order",
					curve.stream().map(Map.Entry::getKey).toList(), curve.stream().map(e -> (double) e.getValue()).toList(),
					Math.max(1, curve.stream().mapToInt(Map.Entry::getValue).max().orElse(1)), "codes"));
		}
		if (!questionnaires.isEmpty() || miti.overall().sessions() > 0) {
			analysis += " The questionnaire answers are described as numbers and percentages of valid answers"
					+ (miti.overall().sessions() > 0 ? ", and the MITI summary scores as means with standard deviations set against the "
							+ miti.thresholds().name() + " thresholds." : ".");
		}
		blocks.add(new Paragraph(analysis.strip()));

		blocks.add(new PageBreak());
		blocks.add(new Heading(1, "Results"));
		blocks.add(new Paragraph(opening(sessions, responses)));
		results(id, blocks, tables, responses, miti);
		jointDisplay(id, blocks, tables);

		List<ChecklistEntry> missing = checklist.stream().filter(e -> e.status() == ChecklistEntry.Status.MISSING).toList();
		if (!missing.isEmpty()) {
			blocks.add(new Heading(2, "Not yet reported"));
			blocks.add(new Paragraph(Prose.sentence(Prose.countStart(missing.size(), "COREQ item", "COREQ items")
					+ " cannot be filled from the project and the authors have not answered " + (missing.size() == 1 ? "it" : "them") + ": "
					+ Prose.list(missing.stream().map(e -> e.item().number() + " (" + e.item().item() + ")").toList())
					+ ". The checklist in the appendix says what each needs")));
		}

		blocks.add(new PageBreak());
		blocks.add(new Heading(1, "Appendix"));
		blocks.add(new Heading(2, "Codebook"));
		List<List<String>> codeRows = new ArrayList<>();
		for (Code c : ThematicCodes.of(codebook.codes(id))) {
			codeRows.add(List.of("  ".repeat(c.depth()) + c.name(), String.join(", ", c.dimensions().stream().map(d -> d.label()).sorted().toList()),
					c.stance() == null ? "" : c.stance().label(), c.origin().label()));
		}
		blocks.add(new Paragraph("The thematic coding tree is given in Table {table:codebook}."));
		tables.put("codebook", new Table("The thematic coding tree", List.of("Code", "RE-AIM", "Barrier/facilitator", "Origin"), codeRows));
		blocks.add(new Heading(2, "COREQ checklist"));
		List<List<String>> coreqRows = new ArrayList<>();
		for (ChecklistEntry e : checklist) {
			coreqRows.add(List.of(Integer.toString(e.item().number()), e.item().item(), e.answer(), e.status().label(),
					e.status() == ChecklistEntry.Status.MISSING ? "Not yet reported" : e.item().section()));
		}
		blocks.add(new Paragraph("Table {table:coreq} gives each COREQ item with its answer, where the answer comes from and the section that reports it."));
		tables.put("coreq", new Table("COREQ checklist (Tong, Sainsbury & Craig 2007)", List.of("#", "Item", "Answer", "Status", "Reported in"),
				coreqRows));
		return new ReportDocument(project.name(), "Methods and results — a draft written by " + ReportService.SOFTWARE,
				number(leaveOut(blocks, leaveOut), tables));
	}

	// Methods

	private static String design(StudyOverview overview, List<CoreqChecklist.Session> sessions, List<Response> responses,
			FidelityResults miti) {
		List<String> strands = new ArrayList<>();
		if (!sessions.isEmpty()) {
			strands.add("a qualitative strand of " + kinds(sessions) + " analysed thematically");
		}
		if (miti.overall().sessions() > 0) {
			strands.add("a fidelity strand in which " + Prose.count(miti.overall().sessions(), "counselling session", "counselling sessions")
					+ " were scored with MITI 4.2.1");
		}
		for (Response r : responses) {
			strands.add("a questionnaire ('" + r.questionnaire().name() + "', " + Prose.count(r.respondents(), "respondent", "respondents") + ")");
		}
		if (strands.isEmpty()) {
			return "The project holds no strand with data yet.";
		}
		return Prose.sentence("this " + (strands.size() > 1 ? "mixed-methods study combined " : "study used ") + Prose.list(strands));
	}

	/** "two focus groups and one individual interview". */
	private static String kinds(List<CoreqChecklist.Session> sessions) {
		Map<GroupKind, Long> counts = sessions.stream().collect(Collectors.groupingBy(CoreqChecklist.Session::kind, LinkedHashMap::new, Collectors.counting()));
		return Prose.list(counts.entrySet().stream().map(e -> Prose.count(e.getValue(), e.getKey().label(1), e.getKey().label(2))).toList());
	}

	private static String collection(List<CoreqChecklist.Session> sessions) {
		Map<GroupKind, List<LocalDate>> dates = new LinkedHashMap<>();
		Map<GroupKind, Long> counts = new LinkedHashMap<>();
		for (CoreqChecklist.Session s : sessions) {
			counts.merge(s.kind(), 1L, Long::sum);
			if (s.heldOn() != null) {
				dates.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.heldOn());
			}
		}
		List<String> parts = new ArrayList<>();
		counts.forEach((kind, n) -> {
			String what = Prose.count(n, kind.label(1), kind.label(2));
			List<LocalDate> d = dates.getOrDefault(kind, List.of());
			parts.add(what + (d.isEmpty() ? "" : " on " + Prose.dates(d)));
		});
		return Prose.sentence(Prose.list(parts) + " " + (sessions.size() == 1 ? "was" : "were") + " held");
	}

	private static String fidelityMethod(StudyOverview overview, FidelityResults miti) {
		String sources = overview.mitiSources().isEmpty() ? ""
				: " The project holds MITI ratings of " + Prose.list(overview.mitiSources().stream()
					.map(s -> Prose.number(s.sessions()) + " " + s.label()).toList()) + "; the results are those of " + miti.caption() + ".";
		return "MI fidelity was assessed with the Motivational Interviewing Treatment Integrity code (MITI 4.2.1): each rating gives "
				+ "the global Technical and Relational scores (1–5) and the behaviour counts from which %CR and R:Q are computed." + sources;
	}

	private static String questionnaireMethod(Questionnaire q) {
		List<String> items = new ArrayList<>();
		for (VariableSpec v : q.variables()) {
			if (v.valueLabels().isEmpty()) {
				continue;
			}
			List<ValueLabel> labels = v.valueLabels();
			String scale = labels.size() == 2 ? "'" + labels.get(0).label() + "' or '" + labels.get(1).label() + "'"
					: v.level() == MeasurementLevel.ORDINAL ? "from " + labels.getFirst().code() + " (" + labels.getFirst().label() + ") to "
							+ labels.getLast().code() + " (" + labels.getLast().label() + ")"
							: Prose.count(labels.size(), "alternative", "alternatives");
			items.add(name(v) + " (" + scale + ")");
		}
		if (items.isEmpty()) {
			return Prose.sentence("the questionnaire '" + q.name() + "' has " + Prose.count(q.variables().size(), "item", "items"));
		}
		return Prose.sentence("the questionnaire '" + q.name() + "' asked about " + Prose.list(items));
	}

	/** A variable's label as it reads inside a sentence: "satisfaction with the MI sessions". */
	private static String name(VariableSpec v) {
		String n = v.label().equals(v.column()) ? v.label().replace('_', ' ') : v.label();
		return n.length() > 1 && Character.isUpperCase(n.charAt(0)) && Character.isLowerCase(n.charAt(1))
				? Character.toLowerCase(n.charAt(0)) + n.substring(1) : n;
	}

	private Table baselineTable(ProjectId project, Questionnaire q) {
		BaselineTable b = survey.baseline(project, q, null);
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
		return new Table(b.title(), header, rows);
	}

	/**
	 * The respondents of a questionnaire and, where participants carry a role, the invited
	 * population: every participant with the role most respondents have.
	 */
	Response response(ProjectId project, Questionnaire q) {
		List<String> respondents = survey.respondents(q);
		Optional<Attribute> role = participants.attribute(project, "role");
		if (role.isEmpty() || respondents.isEmpty()) {
			return new Response(q, respondents.size(), 0, "");
		}
		List<ParticipantRow> rows = participants.participants(project);
		Set<String> answered = new HashSet<>(respondents);
		Map<String, Long> roles = rows.stream().filter(r -> answered.contains(r.participant().label())).map(r -> r.value(role.get()))
			.filter(v -> !v.isBlank()).collect(Collectors.groupingBy(v -> v, Collectors.counting()));
		Optional<String> common = roles.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
		if (common.isEmpty()) {
			return new Response(q, respondents.size(), 0, "");
		}
		long invited = rows.stream().filter(r -> r.value(role.get()).equals(common.get())).count();
		return new Response(q, respondents.size(), (int) invited, common.get() + (common.get().endsWith("s") ? "" : "s"));
	}

	// Results

	private static String opening(List<CoreqChecklist.Session> sessions, List<Response> responses) {
		List<String> sentences = new ArrayList<>();
		if (!sessions.isEmpty()) {
			long people = CoreqChecklist.people(sessions);
			sentences.add(Prose.sentence("the qualitative results draw on " + kinds(sessions) + " with "
					+ Prose.count(people, "participant", "participants")));
		}
		for (Response r : responses) {
			sentences.add(r.invited() > 0
					? Prose.sentence("a total of " + Prose.percentOf(r.respondents(), r.invited()) + " " + r.population()
							+ " answered the questionnaire '" + r.questionnaire().name() + "'")
					: Prose.sentence(Prose.countStart(r.respondents(), "respondent", "respondents") + " answered the questionnaire '"
							+ r.questionnaire().name() + "'"));
		}
		sentences.add("The results are presented under the RE-AIM dimensions the themes belong to.");
		return String.join(" ", sentences);
	}

	private void results(ProjectId project, List<Block> blocks, Map<String, Block> tables, List<Response> responses, FidelityResults miti) {
		List<Code> codes = ThematicCodes.of(codebook.codes(project));
		Set<DocumentId> qualitative = coreq.sessions(project).stream().flatMap(s -> s.documents().stream()).collect(Collectors.toSet());
		List<CodedSegment> segments = retrieval.segments(project, null).stream()
			.filter(s -> qualitative.contains(s.coding().documentId())).toList();
		Set<Long> pinned = joint.exemplars(project);
		boolean questionnairePlaced = false;
		boolean fidelityPlaced = false;
		for (JointDisplayRow row : joint.reAim(project, null)) {
			boolean questionnaireHere = row.dimension().equals(QUESTIONNAIRE_DIMENSION) && !responses.isEmpty();
			boolean fidelityHere = row.dimension().equals(FIDELITY_DIMENSION) && miti.overall().sessions() > 0;
			// the themes the analysts wrote about first, then the larger before the smaller
			List<JointDisplayRow.Theme> themes = row.themes().stream()
				.filter(t -> codes.stream().anyMatch(c -> c.name().equals(t.name())))
				.sorted(Comparator.comparing((JointDisplayRow.Theme t) -> narrative(project, code(codes, t)).isEmpty())
					.thenComparing(Comparator.comparingInt(JointDisplayRow.Theme::segments).reversed()))
				.toList();
			if (themes.isEmpty() && !questionnaireHere && !fidelityHere) {
				continue;
			}
			blocks.add(new Heading(2, row.dimension()));
			for (JointDisplayRow.Theme theme : themes) {
				theme(project, code(codes, theme), codes, segments, pinned, blocks);
			}
			if (questionnaireHere) {
				questionnaire(responses, blocks, tables);
				questionnairePlaced = true;
			}
			if (fidelityHere) {
				fidelity(miti, blocks, tables);
				fidelityPlaced = true;
			}
		}
		if (!questionnairePlaced && !responses.isEmpty()) {
			blocks.add(new Heading(2, "Questionnaire"));
			questionnaire(responses, blocks, tables);
		}
		if (!fidelityPlaced && miti.overall().sessions() > 0) {
			blocks.add(new Heading(2, "MI fidelity"));
			fidelity(miti, blocks, tables);
		}
	}

	private void theme(ProjectId project, Code code, List<Code> codes, List<CodedSegment> segments, Set<Long> pinned, List<Block> blocks) {
		blocks.add(new Heading(3, code.name()));
		String text = narrative(project, code).map(Memo::body).orElse(code.definition()).strip();
		if (!text.isEmpty()) {
			for (String paragraph : text.split("\\n\\s*\\n")) {
				blocks.add(new Paragraph(paragraph.strip()));
			}
		}
		Set<CodeId> ids = codes.stream().filter(c -> c.id().equals(code.id()) || c.path().startsWith(code.path() + " › "))
			.map(Code::id).collect(Collectors.toSet());
		List<CodedSegment> own = segments.stream().filter(s -> ids.contains(s.coding().codeId())).toList();
		for (CodedSegment q : quotes(own, pinned)) {
			blocks.add(new Quote(q.text().strip(), q.speaker() == null ? q.documentName() : q.speaker()));
		}
		List<String> subThemes = codes.stream().filter(c -> code.id().equals(c.parentId())).map(Code::name).toList();
		if (!subThemes.isEmpty()) {
			blocks.add(new Paragraph(Prose.sentence("the theme gathers the " + Prose.noun(subThemes.size(), "code", "codes") + " "
					+ Prose.list(subThemes.stream().map(s -> "'" + s + "'").toList()))));
		}
	}

	private static Code code(List<Code> codes, JointDisplayRow.Theme theme) {
		return codes.stream().filter(c -> c.name().equals(theme.name())).findFirst().orElseThrow();
	}

	/** The analysts' narrative of a theme: the memo titled "Theme narrative" on its code. */
	private Optional<Memo> narrative(ProjectId project, Code code) {
		return memos.memos(project, MemoTarget.CODE, code.id().value()).stream()
			.filter(m -> m.title().strip().equalsIgnoreCase(THEME_NARRATIVE) && !m.body().isBlank()).findFirst();
	}

	/**
	 * The quotes of a theme: the pinned ones (at most three), topped up to two with passages of
	 * readable length from other speakers, one passage once even when two coders coded it.
	 */
	static List<CodedSegment> quotes(List<CodedSegment> segments, Set<Long> pinned) {
		List<CodedSegment> chosen = segments.stream().filter(s -> pinned.contains(s.coding().id().value())).limit(MAX_QUOTES).toList();
		if (chosen.size() >= DEFAULT_QUOTES) {
			return chosen;
		}
		List<CodedSegment> candidates = segments.stream()
			.sorted(Comparator.comparingInt((CodedSegment s) -> Math.abs(s.text().strip().length() - 260))
				.thenComparing(s -> s.coding().id().value()))
			.toList();
		List<CodedSegment> out = new ArrayList<>(chosen);
		Set<String> speakers = new LinkedHashSet<>();
		chosen.forEach(c -> speakers.add(c.speaker() == null ? c.documentName() : c.speaker()));
		for (CodedSegment s : candidates) {
			boolean overlaps = out.stream().anyMatch(o -> o.coding().documentId().equals(s.coding().documentId())
					&& o.coding().overlaps(s.coding().start(), s.coding().end()));
			if (overlaps || s.text().strip().length() < 40 || !speakers.add(s.speaker() == null ? s.documentName() : s.speaker())) {
				continue;
			}
			out.add(s);
			if (out.size() == DEFAULT_QUOTES) {
				break;
			}
		}
		return out;
	}

	private void questionnaire(List<Response> responses, List<Block> blocks, Map<String, Block> tables) {
		for (Response r : responses) {
			Questionnaire q = r.questionnaire();
			List<String> findings = new ArrayList<>();
			List<List<String>> rows = new ArrayList<>();
			for (VariableSpec v : q.variables()) {
				VariableSummary s = survey.describe(q, v, null);
				int valid = s.frequencies().valid();
				rows.add(List.of(Prose.capitalise(name(v)) + " (n = " + valid + ")", ""));
				if (v.level() != MeasurementLevel.SCALE) {
					for (Frequencies.Row f : s.frequencies().rows()) {
						rows.add(List.of("   " + label(v, f.category()), f.n() + " (" + (f.percentOfValid().defined()
								? Prose.decimal(f.percentOfValid().value(), 1) : "—") + ")"));
					}
				}
				headline(v, s).ifPresent(findings::add);
			}
			String intro = findings.isEmpty() ? "The answers are given in Table {table:questionnaire}."
					: Prose.sentence("among the " + r.population().replaceAll("^$", "respondents") + " who answered the questionnaire, "
							+ Prose.list(findings) + " (Table {table:questionnaire})");
			blocks.add(new Paragraph(intro));
			tables.put("questionnaire", new Table(q.name() + ": answers, n (% of valid answers)", List.of("Item and answer", "n (%)"), rows));
			blocks.add(tables.get("questionnaire"));
			break;
		}
	}

	/** One finding per item: the top two categories of an ordinal scale, "yes" of a yes/no item, the commonest answer otherwise. */
	private static Optional<String> headline(VariableSpec v, VariableSummary s) {
		int valid = s.frequencies().valid();
		List<String> codes = v.codes();
		if (valid == 0 || codes.isEmpty()) {
			return Optional.empty();
		}
		if (v.level() == MeasurementLevel.ORDINAL && codes.size() >= 3) {
			Set<String> top = Set.copyOf(codes.subList(codes.size() - 2, codes.size()));
			int n = s.frequencies().rows().stream().filter(f -> top.contains(f.category())).mapToInt(Frequencies.Row::n).sum();
			return Optional.of(Prose.percentOf(n, valid) + " answered '" + label(v, codes.get(codes.size() - 2)) + "' or '"
					+ label(v, codes.getLast()) + "' on " + name(v));
		}
		Optional<Frequencies.Row> yes = s.frequencies().rows().stream().filter(f -> f.category().equalsIgnoreCase("yes")).findFirst();
		if (yes.isPresent()) {
			return Optional.of(Prose.percentOf(yes.get().n(), valid) + " answered 'yes' on " + name(v));
		}
		return s.frequencies().rows().stream().max(Comparator.comparingInt(Frequencies.Row::n))
			.map(f -> Prose.percentOf(f.n(), valid) + " chose '" + label(v, f.category()) + "' on " + name(v));
	}

	private static String label(VariableSpec v, String code) {
		return v.valueLabel(code).map(ValueLabel::label).orElse(code);
	}

	private void fidelity(FidelityResults miti, List<Block> blocks, Map<String, Block> tables) {
		ResultGroup overall = miti.overall();
		List<String> scores = new ArrayList<>();
		for (Summary summary : List.of(Summary.TECHNICAL, Summary.RELATIONAL)) {
			ScoreSummary s = overall.score(summary);
			if (!s.stats().mean().defined()) {
				continue;
			}
			String threshold = miti.thresholds().threshold(summary).map(t -> value(summary, t.fair())).orElse("");
			String against = threshold.isEmpty() ? ""
					: ", " + (s.stats().mean().value() >= Double.parseDouble(threshold) ? "at or above" : "below") + " the fair threshold of " + threshold;
			scores.add("a mean " + summary.label() + " score of " + value(summary, s.stats().mean().value())
					+ (s.stats().sd().defined() ? " (SD " + value(summary, s.stats().sd().value()) + ")" : "") + against);
		}
		blocks.add(new Paragraph(Prose.sentence("across the " + miti.caption() + ", the caseworkers reached " + (scores.isEmpty() ? "no defined global score" : Prose.list(scores))
				+ " (" + miti.thresholds().name() + "; Table {table:miti})")));
		List<List<String>> rows = new ArrayList<>();
		for (ScoreSummary s : overall.scores()) {
			rows.add(List.of(s.summary().label(), meanSd(s), miti.thresholds().threshold(s.summary()).map(t -> value(s.summary(), t.fair())).orElse("—"),
					s.atLeastFair().defined() ? String.format(Locale.ROOT, "%.0f%%", s.atLeastFair().value() * 100) : "—",
					s.notDefined() == 0 ? "" : s.notDefined() + " not defined"));
		}
		tables.put("miti", new Table("MITI summary scores of " + miti.caption() + " against "
				+ miti.thresholds().name(), List.of("Summary score", "Mean (SD)", "Fair threshold", "Sessions ≥ fair", "Left out"), rows));
		blocks.add(tables.get("miti"));
		List<String> labels = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (ResultGroup g : miti.groups()) {
			for (Summary summary : List.of(Summary.TECHNICAL, Summary.RELATIONAL)) {
				ScoreSummary s = g.score(summary);
				if (s.stats().mean().defined()) {
					labels.add(g.name() + " " + summary.label().toLowerCase(Locale.ROOT));
					values.add(s.stats().mean().value());
				}
			}
		}
		if (!labels.isEmpty()) {
			blocks.add(new Paragraph("Figure {figure:miti-chart} shows each caseworker's mean Technical and Relational scores."));
			tables.put("miti-chart", new BarChart("Mean Technical and Relational per counsellor (1–5), " + miti.caption(), labels, values, 5, ""));
			blocks.add(tables.get("miti-chart"));
		}
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

	private void jointDisplay(ProjectId project, List<Block> blocks, Map<String, Block> tables) {
		List<List<String>> rows = new ArrayList<>();
		for (JointDisplayRow r : joint.reAim(project, null)) {
			String themes = String.join("; ", r.themes().stream().map(t -> t.name() + " (" + t.segments() + ")").toList());
			rows.add(List.of(r.dimension(), themes.isEmpty() ? "—" : themes, r.mitiEvidence().isEmpty() ? "—" : r.mitiEvidence(),
					r.questionnaireEvidence().isEmpty() ? "—" : r.questionnaireEvidence()));
		}
		blocks.add(new Heading(2, "Joint display"));
		blocks.add(new Paragraph("Table {table:joint} sets the themes of each RE-AIM dimension beside the MITI evidence of the caseworkers "
				+ "who speak in them and the questionnaire evidence."));
		tables.put("joint", new Table("RE-AIM joint display: themes (coded segments), MITI and questionnaire evidence",
				List.of("Dimension", "Themes (segments)", "MITI evidence", "Questionnaire evidence"), rows));
	}

	// Assembly

	/** The running text of the items with an answer, as sentences; unanswered items stay out (see "Not yet reported"). */
	private static String answered(Map<Integer, ChecklistEntry> items, int... numbers) {
		List<String> parts = new ArrayList<>();
		for (int n : numbers) {
			ChecklistEntry e = items.get(n);
			if (e != null && e.status() != ChecklistEntry.Status.MISSING) {
				parts.add(Prose.sentence(e.answer()));
			}
		}
		return String.join(" ", parts);
	}

	/** Removes each section (a heading and what follows it up to the next heading of its level or above) whose title is left out. */
	static List<Block> leaveOut(List<Block> blocks, Set<String> titles) {
		if (titles.isEmpty()) {
			return blocks;
		}
		Set<String> lower = titles.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		List<Block> out = new ArrayList<>();
		int skipping = 0;
		for (Block b : blocks) {
			if (b instanceof Heading h) {
				if (skipping > 0 && h.level() <= skipping) {
					skipping = 0;
				}
				if (skipping == 0 && lower.contains(h.text().strip().toLowerCase(Locale.ROOT))) {
					skipping = h.level();
				}
			}
			if (skipping == 0) {
				out.add(b);
			}
		}
		return out;
	}

	/**
	 * Numbers tables and figures in order of first mention: a reference "{table:key}" in running text
	 * (or the table itself, where nothing mentions it first) gives the next number; a table is placed
	 * after the paragraph that first mentions it unless it stands in the text already, and appears once.
	 */
	static List<Block> number(List<Block> blocks, Map<String, Block> tables) {
		Map<String, Integer> numbers = new HashMap<>();
		int[] next = { 1, 1 };
		List<Block> out = new ArrayList<>();
		Set<Block> inline = new HashSet<>(blocks.stream().filter(tables::containsValue).toList());
		Set<String> placed = new HashSet<>();
		for (Block b : blocks) {
			if (b instanceof Paragraph p) {
				Matcher m = REFERENCE.matcher(p.text());
				StringBuilder text = new StringBuilder();
				List<String> mentioned = new ArrayList<>();
				while (m.find()) {
					String key = m.group(1) + ":" + m.group(2);
					numbers.computeIfAbsent(key, k -> next[k.startsWith("table") ? 0 : 1]++);
					mentioned.add(m.group(2));
					m.appendReplacement(text, Integer.toString(numbers.get(key)));
				}
				m.appendTail(text);
				out.add(new Paragraph(text.toString()));
				for (String key : mentioned) {
					Block t = tables.get(key);
					if (t != null && !inline.contains(t) && placed.add(key)) {
						out.add(caption(t, numbers, key, next));
					}
				}
			}
			else if (tables.containsValue(b)) {
				String key = tables.entrySet().stream().filter(e -> e.getValue() == b).findFirst().orElseThrow().getKey();
				if (placed.add(key)) {
					out.add(caption(b, numbers, key, next));
				}
			}
			else {
				out.add(b);
			}
		}
		return out;
	}

	private static Block caption(Block b, Map<String, Integer> numbers, String key, int[] next) {
		if (b instanceof Table t) {
			int n = numbers.computeIfAbsent("table:" + key, k -> next[0]++);
			return new Table("Table " + n + ". " + t.caption(), t.header(), t.rows());
		}
		BarChart c = (BarChart) b;
		int n = numbers.computeIfAbsent("figure:" + key, k -> next[1]++);
		return new BarChart("Figure " + n + ". " + c.title(), c.labels(), c.values(), c.max(), c.unit());
	}

}
