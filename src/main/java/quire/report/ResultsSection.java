package quire.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import quire.analysis.JointDisplayRow;
import quire.analysis.JointDisplayService;
import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.CodedSegment;
import quire.coding.Memo;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.coding.RetrievalService;
import quire.corpus.DocumentId;
import quire.fidelity.FidelityResults;
import quire.fidelity.ResultGroup;
import quire.fidelity.ScoreSummary;
import quire.fidelity.Summary;
import quire.project.ProjectId;
import quire.report.ReportComposer.Response;
import quire.report.document.BarChart;
import quire.report.document.Block;
import quire.report.document.Heading;
import quire.report.document.Paragraph;
import quire.report.document.Quote;
import quire.report.document.Table;
import quire.stats.Frequencies;
import quire.survey.MeasurementLevel;
import quire.survey.Questionnaire;
import quire.survey.SurveyService;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;
import quire.survey.VariableSummary;

/**
 * The Results of the report after their opening paragraph, as in seed 002: one section per RE-AIM
 * dimension with its themes as headed paragraphs (the analysts' "Theme narrative" memo on the theme's
 * code, else its definition) and quotes attributed by role, the questionnaire and MITI findings in
 * sentences with their tables and figure under the dimensions they are mapped to, and the joint
 * display. Tables are put in {@code tables} under their keys for {@link ReportComposer#number}.
 */
@Component
class ResultsSection {

	/** The title of the memo on a theme's code that holds the analysts' text for the Results. */
	static final String THEME_NARRATIVE = "Theme narrative";

	/** Quotes per theme when the researchers have pinned none; at most three pinned ones are shown. */
	static final int DEFAULT_QUOTES = 2;

	static final int MAX_QUOTES = 3;

	/** The RE-AIM dimension each quantitative strand is reported under, as in seed 002. */
	static final String QUESTIONNAIRE_DIMENSION = "Adoption";

	static final String FIDELITY_DIMENSION = "Implementation";

	private final CodebookService codebook;

	private final MemoService memos;

	private final RetrievalService retrieval;

	private final JointDisplayService joint;

	private final SurveyService survey;

	ResultsSection(CodebookService codebook, MemoService memos, RetrievalService retrieval, JointDisplayService joint,
			SurveyService survey) {
		this.codebook = codebook;
		this.memos = memos;
		this.retrieval = retrieval;
		this.joint = joint;
		this.survey = survey;
	}

	/**
	 * The Results after their opening: one section per RE-AIM dimension with its themes, the
	 * questionnaire under {@link #QUESTIONNAIRE_DIMENSION} and MITI under {@link #FIDELITY_DIMENSION}
	 * (or sections of their own where the dimension has no place for them). {@code qualitative}: the
	 * documents of the qualitative sessions, whose coded segments give the quotes.
	 */
	void results(ProjectId project, Set<DocumentId> qualitative, List<Block> blocks, Map<String, Block> tables,
			List<Response> responses, FidelityResults miti) {
		List<Code> codes = ThematicCodes.of(codebook.codes(project));
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

	/** The joint display: each RE-AIM dimension's themes beside the MITI and questionnaire evidence. */
	void jointDisplay(ProjectId project, List<Block> blocks, Map<String, Block> tables) {
		List<List<String>> rows = new ArrayList<>();
		for (JointDisplayRow r : joint.reAim(project, null)) {
			String themes = String.join("; ", r.themes().stream().map(t -> t.name() + " (" + t.passages() + (t.passages() == 1 ? " passage)" : " passages)")).toList());
			rows.add(List.of(r.dimension(), themes.isEmpty() ? "—" : themes, r.mitiEvidence().isEmpty() ? "—" : r.mitiEvidence(),
					r.questionnaireEvidence().isEmpty() ? "—" : r.questionnaireEvidence()));
		}
		blocks.add(new Heading(2, "Joint display"));
		blocks.add(new Paragraph("Table {table:joint} sets the themes of each RE-AIM dimension beside the MITI evidence of the caseworkers "
				+ "who speak in them and the questionnaire evidence."));
		tables.put("joint", new Table("RE-AIM joint display: themes (coded segments), MITI and questionnaire evidence",
				List.of("Dimension", "Themes (segments)", "MITI evidence", "Questionnaire evidence"), rows));
	}

	/** A variable's label as it reads inside a sentence: "satisfaction with the MI sessions". */
	static String name(VariableSpec v) {
		String n = v.label().equals(v.column()) ? v.label().replace('_', ' ') : v.label();
		return n.length() > 1 && Character.isUpperCase(n.charAt(0)) && Character.isLowerCase(n.charAt(1))
				? Character.toLowerCase(n.charAt(0)) + n.substring(1) : n;
	}

}
