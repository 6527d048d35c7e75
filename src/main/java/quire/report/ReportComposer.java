package quire.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import quire.analysis.StudyOverview;
import quire.analysis.StudyService;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.corpus.Attribute;
import quire.corpus.DocumentId;
import quire.corpus.GroupKind;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.fidelity.FidelityResults;
import quire.fidelity.FidelityService;
import quire.fidelity.ResultsBy;
import quire.project.Project;
import quire.project.ProjectId;
import quire.report.document.BarChart;
import quire.report.document.Block;
import quire.report.document.Heading;
import quire.report.document.PageBreak;
import quire.report.document.Paragraph;
import quire.report.document.ReportDocument;
import quire.report.document.Table;
import quire.survey.BaselineTable;
import quire.survey.MeasurementLevel;
import quire.survey.Questionnaire;
import quire.survey.SurveyService;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;

/**
 * Composes the report as the Methods and Results of a mixed-methods paper (seed 002 is the model):
 * Methods with Design, Participants, Data collection and Data analysis per strand; Results opening
 * with the response, then one section per RE-AIM dimension with its themes as headed paragraphs
 * (the analysts' "Theme narrative" memo on the theme's code, else its definition), quotes attributed
 * by role, and the quantitative strand mapped to the dimension in sentences with their tables
 * (questionnaire under Adoption, MITI under Implementation). Sentences come from {@link Prose};
 * COREQ items nobody has answered stay out of the running text and are listed under "Not yet
 * reported". Tables and figures are numbered in order of first mention, after any section the
 * researcher leaves out is removed. The Results after their opening are composed by
 * {@link ResultsSection}.
 */
@Component
class ReportComposer {

	/** The title of the memo on a theme's code that holds the analysts' text for the Results. */
	static final String THEME_NARRATIVE = ResultsSection.THEME_NARRATIVE;

	private static final Pattern REFERENCE = Pattern.compile("\\{(table|figure):([a-z0-9-]+)\\}");

	private final CoreqChecklist coreq;

	private final ResultsSection results;

	private final StudyService study;

	private final CodebookService codebook;

	private final FidelityService fidelity;

	private final SurveyService survey;

	private final ParticipantService participants;

	ReportComposer(CoreqChecklist coreq, ResultsSection results, StudyService study, CodebookService codebook,
			FidelityService fidelity, SurveyService survey, ParticipantService participants) {
		this.coreq = coreq;
		this.results = results;
		this.study = study;
		this.codebook = codebook;
		this.fidelity = fidelity;
		this.survey = survey;
		this.participants = participants;
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
		Set<DocumentId> qualitative = sessions.stream().flatMap(s -> s.documents().stream()).collect(Collectors.toSet());
		results.results(id, qualitative, blocks, tables, responses, miti);
		results.jointDisplay(id, blocks, tables);

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
			items.add(ResultsSection.name(v) + " (" + scale + ")");
		}
		if (items.isEmpty()) {
			return Prose.sentence("the questionnaire '" + q.name() + "' has " + Prose.count(q.variables().size(), "item", "items"));
		}
		return Prose.sentence("the questionnaire '" + q.name() + "' asked about " + Prose.list(items));
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
			long people = SampleItems.people(sessions);
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
