package quire.survey;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.Participant;
import quire.corpus.ParticipantService;
import quire.project.ProjectId;
import quire.tabular.DelimitedText;
import quire.survey.internal.CodebookProposer;
import quire.survey.internal.ParsedRow;
import quire.survey.internal.TableReader;
import quire.survey.internal.TableValidator;

/**
 * Questionnaires of a project. An import reads a CSV or XLSX file, proposes a variable codebook (the
 * researcher may correct it), checks every cell against it, and links each row to a participant by
 * the id column. Any problem or unknown id stops the import with the full list, and nothing is
 * stored; a re-import of the same questionnaire updates the answers and lists what changed.
 */
@Service
@Transactional(readOnly = true)
public class SurveyService {

	private final JdbcClient jdbc;

	private final ParticipantService participants;

	private final Clock clock = Clock.systemUTC();

	private final ProjectAccess access;

	private final AuditLog audit;

	private final long maxFileSize;

	/** The largest questionnaire file an import accepts, in bytes ({@code quire.import.max-file-size}). */
	public long maxFileSize() {
		return maxFileSize;
	}

	SurveyService(JdbcClient jdbc, ParticipantService participants, ProjectAccess access, AuditLog audit,
			@Value("${quire.import.max-file-size:52428800}") long maxFileSize) {
		this.maxFileSize = maxFileSize;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.participants = participants;
	}

	/**
	 * Reads a file and proposes a codebook without storing anything: the researcher checks and
	 * corrects the proposal, then calls {@link #importQuestionnaire}.
	 */
	public SurveyImport preview(ProjectId project, String fileName, byte[] content, String idColumn) {
		access.require(project, ProjectRole.CODER);
		return importOrPreview(project, "", fileName, content, idColumn, null, false, false);
	}

	/**
	 * Imports (or re-imports) a questionnaire with a codebook ({@code null}: the proposed one).
	 * @param addUnknown add ids that match no participant as new participants instead of refusing
	 */
	@Transactional
	public SurveyImport importQuestionnaire(ProjectId project, String name, String fileName, byte[] content, String idColumn,
			@Nullable List<VariableSpec> codebook, boolean addUnknown) {
		access.require(project, ProjectRole.CODER);
		SurveyImport result = importOrPreview(project, name, fileName, content, idColumn, codebook, addUnknown, true);
		if (result.applied()) {
			audit.record(project, "import", "questionnaire '" + name + "' from '" + fileName + "' (" + result.rows()
					+ " rows)");
		}
		return result;
	}

	private SurveyImport importOrPreview(ProjectId project, String name, String fileName, byte[] content, String idColumn,
			@Nullable List<VariableSpec> codebook, boolean addUnknown, boolean store) {
		String tooLarge = DelimitedText.tooLarge(content.length, maxFileSize);
		if (tooLarge != null) {
			return new SurveyImport(fileName, false, 0, 0, List.of(), List.of(),
					List.of(SurveyProblem.ofFile(fileName + ": " + tooLarge)), List.of());
		}
		var read = TableReader.read(fileName, content);
		List<SurveyProblem> problems = new ArrayList<>(read.problems());
		var table = read.table();
		if (!table.columns().contains(idColumn)) {
			if (!table.columns().isEmpty() || problems.isEmpty()) {
				// an unreadable file has no columns: its own problem says why, a missing-column line would only add noise
				problems.add(new SurveyProblem(1, idColumn, "no such column; the columns are " + String.join(", ", table.columns())));
			}
			return new SurveyImport(fileName, false, table.rows().size(), 0, List.of(), List.of(), problems, List.of());
		}
		List<VariableSpec> specs = codebook != null ? codebook : CodebookProposer.propose(table, idColumn);
		problems.addAll(TableValidator.validate(table, idColumn, specs));
		Map<String, Long> known = new HashMap<>();
		participants.participants(project).forEach(r -> known.put(r.participant().label(), r.participant().id()));
		List<String> unknown = new ArrayList<>();
		for (ParsedRow row : table.rows()) {
			String id = row.get(idColumn);
			if (!id.isBlank() && !known.containsKey(id)) {
				unknown.add(id);
			}
		}
		boolean blocked = !problems.isEmpty() || (!unknown.isEmpty() && !addUnknown);
		if (!store || blocked) {
			return new SurveyImport(fileName, false, table.rows().size(), 0, List.of(), specs, problems, unknown);
		}
		String qName = name.isBlank() ? fileName.replaceAll("\\.[^.]+$", "") : name.strip();
		for (String id : unknown) {
			Participant p = participants.addParticipant(project, id);
			known.put(p.label(), p.id());
		}
		long questionnaire = questionnaireId(project, qName, idColumn, fileName);
		Map<String, Long> variables = saveVariables(questionnaire, specs);
		Map<String, String> before = answers(project, questionnaire);
		List<String> changes = new ArrayList<>();
		int stored = 0;
		Set<String> seen = new LinkedHashSet<>();
		for (ParsedRow row : table.rows()) {
			String id = row.get(idColumn);
			long participant = known.get(id);
			for (VariableSpec spec : specs) {
				String value = row.get(spec.column());
				String key = id + "\u0000" + spec.column();
				seen.add(key);
				String old = before.get(key);
				long variable = variables.get(spec.column());
				jdbc.sql("delete from survey_response where variable_id = ? and participant_id = ?").params(variable, participant)
					.update();
				if (!value.isBlank()) {
					jdbc.sql("insert into survey_response (variable_id, participant_id, answer) values (?, ?, ?)")
						.params(variable, participant, value)
						.update();
					stored++;
				}
				if (!before.isEmpty() && !java.util.Objects.equals(old == null ? "" : old, value)) {
					changes.add(id + ", " + spec.column() + ": " + (old == null || old.isEmpty() ? "(blank)" : old) + " → "
							+ (value.isEmpty() ? "(blank)" : value));
				}
			}
		}
		return new SurveyImport(fileName, true, table.rows().size(), stored, changes, specs, List.of(), unknown);
	}

	/** The project's questionnaires with their codebooks. */
	public List<Questionnaire> questionnaires(ProjectId project) {
		return jdbc.sql("select id, name, id_column, file_name, imported_at from questionnaire where project_id = ? order by name")
			.param(project.value())
			.query((rs, n) -> new Questionnaire(rs.getLong(1), project, rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), variables(rs.getLong(1))))
			.list();
	}

	public Optional<Questionnaire> questionnaire(ProjectId project, String name) {
		return questionnaires(project).stream().filter(q -> q.name().equalsIgnoreCase(name.strip())).findFirst();
	}

	/** A variable's answers by participant label (missing codes included as given). */
	public Map<String, String> answers(Questionnaire questionnaire, String column) {
		Map<Long, String> byParticipant = new HashMap<>();
		jdbc.sql("select r.participant_id, r.answer from survey_response r join survey_variable v on v.id = r.variable_id "
				+ "where v.questionnaire_id = ? and v.column_name = ?")
			.params(questionnaire.id(), column)
			.query((rs, n) -> byParticipant.put(rs.getLong(1), rs.getString(2)))
			.list();
		// participants belong to the corpus module: their labels, in label order, come from its API
		Map<String, String> out = new java.util.LinkedHashMap<>();
		participants.labels(questionnaire.projectId()).forEach((id, label) -> {
			if (byParticipant.containsKey(id)) {
				out.put(label, byParticipant.get(id));
			}
		});
		return out;
	}

	/** Seed for the bootstrap, so the same data always gives the same interval. */
	public static final long BOOTSTRAP_SEED = 20_190_514L;

	/**
	 * Describes a variable, optionally by a participant attribute (crosstab of the variable's
	 * categories against the attribute's values).
	 */
	public VariableSummary describe(Questionnaire questionnaire, VariableSpec variable, quire.corpus.@Nullable Attribute by) {
		Map<String, String> answers = answers(questionnaire, variable.column());
		List<String> respondents = respondents(questionnaire);
		List<String> values = new ArrayList<>();
		for (String r : respondents) {
			values.add(answers.getOrDefault(r, ""));
		}
		var frequencies = quire.stats.Frequencies.of(values, variable.codes(), variable.missingCodes());
		quire.stats.Descriptives.Summary numeric = null;
		quire.stats.Quantiles.Spread spread = null;
		quire.stats.Bootstrap.Interval ci = null;
		if (variable.level() != MeasurementLevel.NOMINAL) {
			double[] numbers = values.stream()
				.filter(v -> !v.isBlank() && !variable.isMissing(v))
				.map(v -> v.replace(',', '.'))
				.filter(v -> v.matches("[+-]?\\d+(\\.\\d+)?"))
				.mapToDouble(Double::parseDouble)
				.toArray();
			if (numbers.length > 0) {
				numeric = quire.stats.Descriptives.of(numbers);
				spread = quire.stats.Quantiles.of(numbers);
				ci = quire.stats.Bootstrap.medianCi(numbers, BOOTSTRAP_SEED);
			}
		}
		quire.stats.Crosstab.Table table = null;
		if (by != null) {
			Map<String, String> groupOf = new HashMap<>();
			participants.participants(questionnaire.projectId()).forEach(r -> groupOf.put(r.participant().label(), r.value(by)));
			List<String> rows = new ArrayList<>();
			List<String> columns = new ArrayList<>();
			for (int i = 0; i < respondents.size(); i++) {
				String v = values.get(i);
				rows.add(v.isBlank() || variable.isMissing(v) ? "" : v);
				columns.add(groupOf.getOrDefault(respondents.get(i), ""));
			}
			table = quire.stats.Crosstab.of(rows, columns, variable.codes(), by.categories());
		}
		return new VariableSummary(variable, frequencies, numeric, spread, ci, by == null ? null : by.name(), table);
	}

	/**
	 * Baseline characteristics of a questionnaire's respondents (or of every participant when
	 * {@code questionnaire} is null), by the values of a grouping attribute (or overall only when null).
	 * Numbers give mean (SD) of the participants with a value; categories n (%) of the participants with
	 * a value, so missing values are left out and the denominators stay honest.
	 */
	public BaselineTable baseline(ProjectId project, @Nullable Questionnaire questionnaire, quire.corpus.@Nullable Attribute groupBy) {
		Set<String> respondents = questionnaire == null ? null : new java.util.HashSet<>(respondents(questionnaire));
		List<quire.corpus.ParticipantRow> people = participants.participants(project).stream()
			.filter(r -> respondents == null || respondents.contains(r.participant().label()))
			.toList();
		List<String> columns = new ArrayList<>();
		List<List<quire.corpus.ParticipantRow>> groups = new ArrayList<>();
		if (groupBy != null) {
			for (String value : groupBy.categories()) {
				List<quire.corpus.ParticipantRow> members = people.stream().filter(r -> r.value(groupBy).equals(value)).toList();
				if (!members.isEmpty()) {
					columns.add(groupBy.name() + ": " + value);
					groups.add(members);
				}
			}
		}
		columns.add("Total");
		groups.add(people);
		List<BaselineTable.Row> rows = new ArrayList<>();
		for (quire.corpus.Attribute a : participants.attributes(project)) {
			if (groupBy != null && a.id() == groupBy.id()) {
				continue;
			}
			if (a.kind() == quire.corpus.AttributeKind.NUMBER) {
				List<String> cells = new ArrayList<>();
				for (var members : groups) {
					double[] values = members.stream().map(r -> r.value(a)).filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble)
						.toArray();
					var d = quire.stats.Descriptives.of(values);
					cells.add(!d.mean().defined() ? "—" : d.sd().defined()
							? String.format(java.util.Locale.ROOT, "%.1f (%.1f)", d.mean().value(), d.sd().value())
							: String.format(java.util.Locale.ROOT, "%.1f", d.mean().value()));
				}
				rows.add(new BaselineTable.Row(a.name() + ", mean (SD)", false, cells));
			}
			else if (a.kind() == quire.corpus.AttributeKind.CATEGORY) {
				if (people.stream().allMatch(r -> r.value(a).isEmpty())) {
					continue;
				}
				rows.add(new BaselineTable.Row(a.name() + ", n (%)", true, columns.stream().map(c -> "").toList()));
				for (String value : a.categories()) {
					List<String> cells = new ArrayList<>();
					boolean any = false;
					for (var members : groups) {
						long valid = members.stream().filter(r -> !r.value(a).isEmpty()).count();
						long n = members.stream().filter(r -> r.value(a).equals(value)).count();
						any |= n > 0;
						cells.add(valid == 0 ? "—" : String.format(java.util.Locale.ROOT, "%d (%.1f)", n, 100.0 * n / valid));
					}
					if (any) {
						rows.add(new BaselineTable.Row(value, false, cells));
					}
				}
			}
		}
		String title = "Baseline characteristics of " + (questionnaire == null ? "all participants"
				: "the respondents to '" + questionnaire.name() + "'");
		return new BaselineTable(title, columns, groups.stream().map(List::size).toList(), rows);
	}

	/** The respondents (participant labels) of a questionnaire. */
	public List<String> respondents(Questionnaire questionnaire) {
		Set<Long> answered = new java.util.HashSet<>(jdbc.sql("select distinct r.participant_id from survey_response r "
				+ "join survey_variable v on v.id = r.variable_id where v.questionnaire_id = ?")
			.param(questionnaire.id())
			.query(Long.class)
			.list());
		return participants.labels(questionnaire.projectId()).entrySet().stream()
			.filter(e -> answered.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.distinct()
			.toList();
	}

	private long questionnaireId(ProjectId project, String name, String idColumn, String fileName) {
		Optional<Long> existing = jdbc.sql("select id from questionnaire where project_id = ? and name = ?")
			.params(project.value(), name).query(Long.class).optional();
		if (existing.isPresent()) {
			jdbc.sql("update questionnaire set id_column = ?, file_name = ?, imported_at = ? where id = ?")
				.params(idColumn, fileName, Timestamp.from(clock.instant()), existing.get())
				.update();
			return existing.get();
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into questionnaire (project_id, name, id_column, file_name, imported_at) values (?, ?, ?, ?, ?)")
			.params(project.value(), name, idColumn, fileName, Timestamp.from(clock.instant()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private Map<String, Long> saveVariables(long questionnaire, List<VariableSpec> specs) {
		Map<String, Long> ids = new HashMap<>();
		int position = 0;
		for (VariableSpec spec : specs) {
			String labels = String.join("\n", spec.valueLabels().stream().map(l -> l.code() + "\t" + l.label()).toList());
			String missing = String.join("\n", spec.missingCodes());
			Optional<Long> existing = jdbc.sql("select id from survey_variable where questionnaire_id = ? and column_name = ?")
				.params(questionnaire, spec.column()).query(Long.class).optional();
			if (existing.isPresent()) {
				jdbc.sql("update survey_variable set label = ?, level = ?, value_labels = ?, missing_codes = ?, position = ? where id = ?")
					.params(spec.label(), spec.level().name(), labels, missing, position++, existing.get())
					.update();
				ids.put(spec.column(), existing.get());
			}
			else {
				var keys = new GeneratedKeyHolder();
				jdbc.sql("insert into survey_variable (questionnaire_id, column_name, label, level, value_labels, missing_codes, position) "
						+ "values (?, ?, ?, ?, ?, ?, ?)")
					.params(questionnaire, spec.column(), spec.label(), spec.level().name(), labels, missing, position++)
					.update(keys, "id");
				ids.put(spec.column(), keys.getKeyAs(Number.class).longValue());
			}
		}
		return ids;
	}

	private List<VariableSpec> variables(long questionnaire) {
		return jdbc.sql("select column_name, label, level, value_labels, missing_codes from survey_variable "
				+ "where questionnaire_id = ? order by position")
			.param(questionnaire)
			.query((rs, n) -> {
				List<ValueLabel> labels = new ArrayList<>();
				String joined = rs.getString(4);
				if (!joined.isEmpty()) {
					for (String line : joined.split("\n")) {
						int tab = line.indexOf('\t');
						labels.add(tab < 0 ? ValueLabel.of(line) : new ValueLabel(line.substring(0, tab), line.substring(tab + 1)));
					}
				}
				String missing = rs.getString(5);
				return new VariableSpec(rs.getString(1), rs.getString(2), MeasurementLevel.valueOf(rs.getString(3)), labels,
						missing.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(missing.split("\n"))));
			})
			.list();
	}

	private Map<String, String> answers(ProjectId project, long questionnaire) {
		Map<Long, String> labels = participants.labels(project);
		Map<String, String> out = new HashMap<>();
		jdbc.sql("select r.participant_id, v.column_name, r.answer from survey_response r "
				+ "join survey_variable v on v.id = r.variable_id where v.questionnaire_id = ?")
			.param(questionnaire)
			.query((rs, n) -> out.put(labels.get(rs.getLong(1)) + "\u0000" + rs.getString(2), rs.getString(3)))
			.list();
		return out;
	}

}
