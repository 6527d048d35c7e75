package quire.analysis;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import quire.tabular.NumberText;
import quire.tabular.SpreadsheetCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.CodedSegment;
import quire.coding.CodingId;
import quire.coding.CodingService;
import quire.coding.MatrixRow;
import quire.coding.Passages;
import quire.coding.RetrievalService;
import quire.corpus.Attribute;
import quire.corpus.CorpusService;
import quire.corpus.ParticipantLookup;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLinkService;
import quire.fidelity.FidelityService;
import quire.fidelity.Rating;
import quire.fidelity.ResultsSource;
import quire.fidelity.Summary;
import quire.project.ProjectId;
import quire.stats.Agreement.Coefficient;
import quire.stats.Descriptives;
import quire.survey.MeasurementLevel;
import quire.survey.Questionnaire;
import quire.survey.SurveyService;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;
import quire.survey.VariableSummary;

/**
 * Joint displays: codes × participant attribute; the RE-AIM joint display (themes with exemplar
 * quotes | MITI evidence for the same caseworkers | questionnaire evidence); and quantitizing exports
 * (one row per participant: attributes, segment counts per code, MITI means, questionnaire answers)
 * for R, Stata or SPSS. A coded segment belongs to the participant its speaker is linked to in its
 * document, and a MITI session to the participants its counsellor and client are linked to, so a
 * role label such as "Sick-listed worker" is a different person in each document unless linked.
 */
@Service
@Transactional(readOnly = true)
public class JointDisplayService {

	/** Exemplars shown per theme when the researcher has pinned none. */
	static final int DEFAULT_EXEMPLARS = 1;

	private final JdbcClient jdbc;

	private final RetrievalService retrieval;

	private final CodebookService codebook;

	private final ParticipantService participants;

	private final FidelityService fidelity;

	private final SurveyService survey;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final SpeakerLinkService speakers;

	private final CodingService codings;

	private final CorpusService corpus;

	JointDisplayService(JdbcClient jdbc, RetrievalService retrieval, CodebookService codebook, ParticipantService participants,
			FidelityService fidelity, SurveyService survey, ProjectAccess access, AuditLog audit, SpeakerLinkService speakers,
			CodingService codings, CorpusService corpus) {
		this.codings = codings;
		this.corpus = corpus;
		this.speakers = speakers;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.retrieval = retrieval;
		this.codebook = codebook;
		this.participants = participants;
		this.fidelity = fidelity;
		this.survey = survey;
	}

	/**
	 * Rows × the attribute's values; a segment belongs to the value of the participant its speaker is
	 * linked to in its document, and the participant counts count people, not labels.
	 */
	public AttributeMatrix codesByAttribute(ProjectId project, List<MatrixRow> rows, Attribute attribute, @Nullable String coder) {
		Map<Long, String> valueOf = new HashMap<>();
		for (ParticipantRow r : participants.participants(project)) {
			valueOf.put(r.participant().id(), r.value(attribute));
		}
		ParticipantLookup people = speakers.lookup(project);
		List<CodedSegment> segments = retrieval.segments(project, coder);
		Set<String> columns = new LinkedHashSet<>(attribute.categories());
		for (CodedSegment s : segments) {
			String v = person(people, s).map(valueOf::get).orElse("");
			columns.add(v.isEmpty() ? "(not set)" : v);
		}
		List<String> columnList = List.copyOf(columns);
		List<List<List<CodedSegment>>> cells = new ArrayList<>();
		int[][] counts = new int[rows.size()][columnList.size()];
		for (int r = 0; r < rows.size(); r++) {
			List<List<CodedSegment>> line = new ArrayList<>();
			for (int c = 0; c < columnList.size(); c++) {
				line.add(new ArrayList<>());
			}
			List<Set<Long>> who = new ArrayList<>();
			columnList.forEach(c -> who.add(new HashSet<>()));
			for (CodedSegment s : segments) {
				if (!rows.get(r).codes().contains(s.coding().codeId())) {
					continue;
				}
				var participant = person(people, s);
				String v = participant.map(valueOf::get).orElse("");
				int c = columnList.indexOf(v == null || v.isEmpty() ? "(not set)" : v);
				line.get(c).add(s);
				participant.ifPresent(who.get(c)::add);
			}
			for (int c = 0; c < columnList.size(); c++) {
				counts[r][c] = who.get(c).size();
			}
			cells.add(line);
		}
		return new AttributeMatrix(attribute.name(), rows, columnList, cells, counts);
	}

	/** The participant who speaks a coded segment: its speaker's link in its document. */
	private static java.util.Optional<Long> person(ParticipantLookup people, CodedSegment s) {
		return people.speaker(s.coding().documentId(), s.speaker());
	}

	/** Marks a coding as an exemplar quote (or unmarks it). */
	@Transactional
	public void setExemplar(ProjectId project, CodingId coding, boolean exemplar) {
		access.require(project, ProjectRole.CODER);
		// the coding, its code and its document belong to the coding and corpus modules: asked, not joined
		String what = codings.coding(coding)
			.flatMap(c -> codebook.code(c.codeId())
				.flatMap(code -> corpus.document(c.documentId())
					.map(d -> "the coding of '" + code.name() + "' in '" + d.name() + "'")))
			.orElse("a coding");
		audit.record(project, "exemplar", (exemplar ? "pinned " : "unpinned ") + what + " as an exemplar quote",
				"coding=" + coding.value());
		jdbc.sql("delete from exemplar where coding_id = ?").param(coding.value()).update();
		if (exemplar) {
			jdbc.sql("insert into exemplar (coding_id, project_id) values (?, ?)").params(coding.value(), project.value()).update();
		}
	}

	public Set<Long> exemplars(ProjectId project) {
		return new HashSet<>(jdbc.sql("select coding_id from exemplar where project_id = ?").param(project.value())
			.query(Long.class).list());
	}

	/**
	 * The RE-AIM joint display. Themes are the codes directly under each dimension's code (with their
	 * sub-codes' segments); exemplars are the quotes the researchers pinned, else the longest segment.
	 * MITI evidence covers the caseworkers who speak in the dimension's segments (the primary ratings
	 * of the project's default rating source, which the evidence names); questionnaire evidence — the sick-listed workers' reaction — sits under Adoption, as
	 * in the seed study.
	 */
	public List<JointDisplayRow> reAim(ProjectId project, @Nullable String coder) {
		List<Code> codes = codebook.codes(project);
		List<CodedSegment> segments = retrieval.segments(project, coder);
		Set<Long> pinned = exemplars(project);
		ResultsSource source = fidelity.defaultSource(project);
		List<Rating> ratings = fidelity.resultRatings(project, source);
		ParticipantLookup people = speakers.lookup(project);
		List<JointDisplayRow> out = new ArrayList<>();
		for (MatrixRow dimension : retrieval.dimensionRows(project)) {
			Code root = codes.stream()
				.filter(c -> c.parentId() == null && c.name().equalsIgnoreCase(dimension.label()))
				.findFirst()
				.orElse(null);
			List<JointDisplayRow.Theme> themes = new ArrayList<>();
			Set<Long> speaking = new HashSet<>();
			if (root != null) {
				for (Code theme : codes.stream().filter(c -> root.id().equals(c.parentId())).toList()) {
					Set<CodeId> ids = retrieval.codeRows(project, List.of(theme.id())).get(0).codes();
					List<CodedSegment> own = segments.stream().filter(s -> ids.contains(s.coding().codeId())).toList();
					if (own.isEmpty()) {
						continue;
					}
					own.forEach(s -> person(people, s).ifPresent(speaking::add));
					List<CodedSegment> chosen = own.stream().filter(s -> pinned.contains(s.coding().id().value())).toList();
					List<List<CodedSegment>> passages = Passages.of(own);
					if (chosen.isEmpty()) {
						// the longest passages, each once: two coders' codings of one quote are one exemplar
						chosen = passages.stream()
							.map(p -> p.stream().max(java.util.Comparator.comparingInt((CodedSegment s) -> s.text().length())).orElseThrow())
							.sorted((a, b) -> Integer.compare(b.text().length(), a.text().length()))
							.limit(DEFAULT_EXEMPLARS).toList();
					}
					themes.add(new JointDisplayRow.Theme(theme.name(), own.size(), passages.size(), chosen));
				}
			}
			out.add(new JointDisplayRow(dimension.label(), themes, miti(ratings, speaking, people, source),
					dimension.label().equals("Adoption") ? questionnaireEvidence(project) : ""));
		}
		return out;
	}

	private static String miti(List<Rating> ratings, Set<Long> speaking, ParticipantLookup people, ResultsSource source) {
		List<Rating> theirs = ratings.stream()
			.filter(r -> counsellor(people, r).filter(speaking::contains).isPresent())
			.toList();
		if (theirs.isEmpty()) {
			return "";
		}
		Set<String> counsellors = new java.util.TreeSet<>();
		theirs.forEach(r -> counsellors.add(r.session().counsellor()));
		// %CR is a percentage: its mean and SD carry the % sign (SD in percentage points)
		return String.format(Locale.ROOT, "%s (%d %s %s, primary ratings, mean (SD)): Technical %s, Relational %s, %%CR %s, R:Q %s",
				String.join(", ", counsellors), theirs.size(), theirs.size() == 1 ? "session" : "sessions", source.description(), meanSd(theirs, Summary.TECHNICAL, 1),
				meanSd(theirs, Summary.RELATIONAL, 1), meanSd(theirs, Summary.PERCENT_CR, 100, "%"),
				meanSd(theirs, Summary.RQ, 1));
	}

	/** The participant who counselled in a rated session: the counsellor's link in the session's transcript, else by label. */
	private static java.util.Optional<Long> counsellor(ParticipantLookup people, Rating r) {
		return people.person(r.session().document(), r.session().counsellor());
	}

	/** The participant who was the client of a rated session. */
	private static java.util.Optional<Long> client(ParticipantLookup people, Rating r) {
		return people.person(r.session().document(), r.session().client());
	}

	private static String meanSd(List<Rating> ratings, Summary summary, double scale) {
		return meanSd(ratings, summary, scale, "");
	}

	/** Descriptives of a summary score over the ratings where it is defined, scaled (100 for a percentage). */
	private static Descriptives.Summary describe(List<Rating> ratings, Summary summary, double scale) {
		return Descriptives.of(ratings.stream().map(r -> r.scores().value(summary)).filter(Coefficient::defined)
			.mapToDouble(c -> c.value() * scale).toArray());
	}

	/** Mean (SD) of a summary score, each figure followed by {@code unit} (such as "%"). */
	private static String meanSd(List<Rating> ratings, Summary summary, double scale, String unit) {
		Descriptives.Summary d = describe(ratings, summary, scale);
		if (!d.mean().defined()) {
			return "not defined";
		}
		return d.sd().defined() ? String.format(Locale.ROOT, "%.2f%s (%.2f%s)", d.mean().value(), unit, d.sd().value(), unit)
				: String.format(Locale.ROOT, "%.2f%s", d.mean().value(), unit);
	}

	/** Each ordinal item's share in its top two categories and each yes/no item's share of "yes". */
	private String questionnaireEvidence(ProjectId project) {
		List<String> parts = new ArrayList<>();
		for (Questionnaire q : survey.questionnaires(project)) {
			for (VariableSpec v : q.variables()) {
				VariableSummary s = survey.describe(q, v, null);
				int valid = s.frequencies().valid();
				if (valid == 0 || v.valueLabels().isEmpty()) {
					continue;
				}
				List<String> codes = v.codes();
				if (v.level() == MeasurementLevel.ORDINAL && codes.size() >= 3) {
					Set<String> top = Set.copyOf(codes.subList(codes.size() - 2, codes.size()));
					int n = s.frequencies().rows().stream().filter(r -> top.contains(r.category())).mapToInt(r -> r.n()).sum();
					parts.add(String.format(Locale.ROOT, "%s: %.0f%% %s or %s (n = %d)", v.label(), 100.0 * n / valid,
							label(v, codes.get(codes.size() - 2)), label(v, codes.get(codes.size() - 1)), valid));
				}
				else if (codes.contains("yes")) {
					int n = s.frequencies().rows().stream().filter(r -> r.category().equals("yes")).mapToInt(r -> r.n()).sum();
					parts.add(String.format(Locale.ROOT, "%s: %.0f%% yes (n = %d)", v.label(), 100.0 * n / valid, valid));
				}
			}
		}
		return String.join("; ", parts);
	}

	private static String label(VariableSpec v, String code) {
		return v.valueLabel(code).map(ValueLabel::label).orElse(code);
	}

	/**
	 * One row per participant: attributes, segment counts per code (segments they speak, by their
	 * speaker links), MITI means of the rated sessions they counselled and of those they were the client
	 * of (primary ratings), questionnaire answers. {@code xlsx} false gives CSV (UTF-8 with BOM); cells that a
	 * spreadsheet would run as formulas are neutralised either way.
	 */
	public byte[] quantitize(ProjectId project, boolean xlsx) {
		access.require(project, ProjectRole.VIEWER);
		audit.record(project, "export", "quantitized codes (" + (xlsx ? "XLSX" : "CSV") + ")");
		List<String> header = new ArrayList<>(List.of("participant"));
		List<Attribute> attributes = participants.attributes(project);
		attributes.forEach(a -> header.add(a.name()));
		List<Code> codes = codebook.codes(project);
		ParticipantLookup people = speakers.lookup(project);
		// passages per participant and code (a passage two coders both coded counts once)
		Map<Long, Map<Long, List<CodedSegment>>> spoken = new HashMap<>();
		for (CodedSegment s : retrieval.segments(project, null)) {
			person(people, s).ifPresent(p -> spoken.computeIfAbsent(p, k -> new HashMap<>())
				.computeIfAbsent(s.coding().codeId().value(), k -> new ArrayList<>()).add(s));
		}
		Map<Long, Map<Long, Integer>> counts = new HashMap<>();
		spoken.forEach((p, byCode) -> byCode.forEach((code, segments) -> counts.computeIfAbsent(p, k -> new HashMap<>())
			.put(code, Passages.count(segments))));
		Set<Long> used = new LinkedHashSet<>();
		codes.forEach(c -> {
			if (counts.values().stream().anyMatch(m -> m.containsKey(c.id().value()))) {
				used.add(c.id().value());
				header.add("code: " + c.path());
			}
		});
		List<Summary> mitiColumns = List.of(Summary.TECHNICAL, Summary.RELATIONAL, Summary.PERCENT_CR, Summary.RQ);
		List<Rating> ratings = fidelity.resultRatings(project, fidelity.defaultSource(project));
		if (!ratings.isEmpty()) {
			header.add("MITI sessions as counsellor");
			mitiColumns.forEach(m -> header.add("MITI mean " + m.shortName() + " as counsellor"));
			header.add("MITI sessions as client");
			mitiColumns.forEach(m -> header.add("MITI mean " + m.shortName() + " as client"));
		}
		List<Questionnaire> questionnaires = survey.questionnaires(project);
		Map<String, Map<String, String>> answers = new LinkedHashMap<>();
		for (Questionnaire q : questionnaires) {
			for (VariableSpec v : q.variables()) {
				String column = q.name() + ": " + v.column();
				header.add(column);
				answers.put(column, survey.answers(q, v.column()));
			}
		}
		List<List<String>> rows = new ArrayList<>();
		for (ParticipantRow p : participants.participants(project)) {
			String label = p.participant().label();
			List<String> row = new ArrayList<>(List.of(label));
			attributes.forEach(a -> row.add(p.value(a)));
			for (Long code : used) {
				row.add(Integer.toString(counts.getOrDefault(p.participant().id(), Map.of()).getOrDefault(code, 0)));
			}
			if (!ratings.isEmpty()) {
				long id = p.participant().id();
				means(row, ratings.stream().filter(r -> counsellor(people, r).filter(c -> c == id).isPresent()).toList(),
						mitiColumns);
				means(row, ratings.stream().filter(r -> client(people, r).filter(c -> c == id).isPresent()).toList(),
						mitiColumns);
			}
			answers.values().forEach(a -> row.add(a.getOrDefault(label, "")));
			rows.add(row);
		}
		return xlsx ? xlsx(header, rows) : csv(header, rows);
	}

	/** The number of rated sessions and the mean of each summary over them (blank when not defined). */
	private static void means(List<String> row, List<Rating> theirs, List<Summary> summaries) {
		row.add(Integer.toString(theirs.size()));
		for (Summary m : summaries) {
			var d = describe(theirs, m, 1);
			row.add(d.mean().defined() ? String.format(Locale.ROOT, "%.4f", d.mean().value()) : "");
		}
	}

	private static byte[] csv(List<String> header, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
			csv.printRecord(header.stream().map(SpreadsheetCells::neutralise).toList());
			for (List<String> row : rows) {
				csv.printRecord(row.stream().map(SpreadsheetCells::neutralise).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The number a workbook cell holds for {@code v}, or null to write it as text: numbers as Quire stores them
	 * (an optional minus, digits, optionally a point and digits: {@code 3}, {@code -0.5}, {@code 007}); a decimal
	 * comma, a plus sign, an exponent or a percent stays text as the researcher wrote it.
	 */
	static @Nullable Double numberCell(String v) {
		return NumberText.read(v).filter(NumberText::isPlain).map(n -> n.value().doubleValue()).orElse(null);
	}

	private static byte[] xlsx(List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("participants");
			XSSFRow head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				head.createCell(c).setCellValue(header.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				XSSFRow row = sheet.createRow(r + 1);
				List<String> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					String v = values.get(c);
					Double number = numberCell(v);
					if (number != null) {
						row.createCell(c).setCellValue(number);
					}
					else {
						row.createCell(c).setCellValue(v); // written as text: never evaluated as a formula
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}



}
