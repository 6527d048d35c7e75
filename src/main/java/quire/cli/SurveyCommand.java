package quire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quire.corpus.Attribute;
import quire.corpus.ParticipantService;
import quire.project.ProjectService;
import quire.stats.Frequencies;
import quire.survey.Questionnaire;
import quire.survey.SurveyImport;
import quire.survey.SurveyService;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;
import quire.survey.VariableSummary;

/** Questionnaires from the command line: import, describe. */
@Command(subcommands = { SurveyCommand.Import.class, SurveyCommand.Describe.class },
		name = "survey", mixinStandardHelpOptions = true, description = "Import and describe questionnaires.")
final class SurveyCommand {

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Import a CSV or XLSX questionnaire linked to participants by an id column (proposed codebook).")
	static final class Import implements Callable<Integer> {

		private final ProjectService projects;

		private final SurveyService survey;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--id-column", required = true, description = "the column naming the participant")
		String idColumn;

		@Option(names = "--name", description = "the questionnaire's name (default: the file name)")
		String name = "";

		@Option(names = "--add-unknown", description = "add ids that match no participant as new participants")
		boolean addUnknown;

		@Parameters(paramLabel = "FILE.csv|FILE.xlsx")
		Path file;

		Import(ProjectService projects, SurveyService survey) {
			this.projects = projects;
			this.survey = survey;
		}

		@Override
		public Integer call() throws IOException {
			var target = Lookups.project(projects, project);
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(file + ": no such file");
			}
			SurveyImport r = survey.importQuestionnaire(target.id(), name, file.getFileName().toString(), Files.readAllBytes(file),
					idColumn, null, addUnknown);
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			out.println(r.describe());
			r.problems().forEach(p -> err.println(file.getFileName() + " " + p));
			if (!r.unknownIds().isEmpty()) {
				(r.applied() ? out : err).println((r.applied() ? "added as participants: " : "ids that match no participant: ")
						+ String.join(", ", r.unknownIds()));
			}
			r.changes().forEach(c -> out.println("changed: " + c));
			return r.applied() ? 0 : 1;
		}

	}

	@Command(name = "describe", mixinStandardHelpOptions = true,
			description = "Frequencies n (% of valid) per item, numeric summaries, and crosstabs by an attribute.")
	@ReadsOnly
	static final class Describe implements Callable<Integer> {

		private final ProjectService projects;

		private final SurveyService survey;

		private final ParticipantService participants;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--questionnaire", description = "its name (default: the first)")
		String questionnaire;

		@Option(names = "--by", description = "a participant attribute to cross the items with")
		String by;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		Describe(ProjectService projects, SurveyService survey, ParticipantService participants) {
			this.projects = projects;
			this.survey = survey;
			this.participants = participants;
		}

		@Override
		public Integer call() {
			var target = Lookups.project(projects, project);
			List<Questionnaire> all = survey.questionnaires(target.id());
			Questionnaire q = questionnaire == null ? all.stream().findFirst()
				.orElseThrow(() -> new IllegalArgumentException("project '" + target.name() + "' has no questionnaire"))
					: survey.questionnaire(target.id(), questionnaire).orElseThrow(() -> new IllegalArgumentException(
							"no questionnaire named '" + questionnaire + "'; known: " + all.stream().map(Questionnaire::name).toList()));
			Attribute attribute = by == null ? null : participants.attribute(target.id(), by)
				.orElseThrow(() -> new IllegalArgumentException("no participant attribute named '" + by + "'"));
			PrintWriter out = spec.commandLine().getOut();
			List<Map<String, Object>> items = new ArrayList<>();
			out.println(json ? "" : q.name() + " (" + survey.respondents(q).size() + " respondents)");
			for (VariableSpec v : q.variables()) {
				VariableSummary s = survey.describe(q, v, attribute);
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("variable", v.column());
				item.put("label", v.label());
				item.put("valid", s.frequencies().valid());
				item.put("missing", s.frequencies().missing());
				List<Map<String, Object>> rows = new ArrayList<>();
				if (!json) {
					out.printf(Locale.ROOT, "%n%s (valid n = %d, missing %d)%n", v.label(), s.frequencies().valid(),
							s.frequencies().missing());
				}
				for (Frequencies.Row r : s.frequencies().rows()) {
					String label = v.valueLabel(r.category()).map(ValueLabel::label).orElse(r.category());
					rows.add(Map.of("category", r.category(), "label", label, "n", r.n(), "percent",
							r.percentOfValid().defined() ? Math.round(r.percentOfValid().value() * 10) / 10.0 : 0));
					if (!json && v.level() != quire.survey.MeasurementLevel.SCALE) {
						out.printf(Locale.ROOT, "  %-32s %4d (%5.1f%%)%n", label, r.n(),
								r.percentOfValid().defined() ? r.percentOfValid().value() : 0.0);
					}
				}
				item.put("frequencies", rows);
				if (s.numeric() != null && s.numeric().mean().defined()) {
					item.put("mean", s.numeric().mean().value());
					item.put("sd", s.numeric().sd().defined() ? s.numeric().sd().value() : null);
					item.put("median", s.spread().median().value());
					if (!json) {
						out.printf(Locale.ROOT, "  mean %.2f (SD %s), median %.1f (IQR %.1f–%.1f), bootstrap 95%% CI of the median [%.1f, %.1f]%n",
								s.numeric().mean().value(),
								s.numeric().sd().defined() ? String.format(Locale.ROOT, "%.2f", s.numeric().sd().value()) : "n/d",
								s.spread().median().value(), s.spread().q1().value(), s.spread().q3().value(),
								s.medianCi().lower().value(), s.medianCi().upper().value());
					}
				}
				if (s.byGroup() != null && !json) {
					var c = s.byGroup();
					out.printf(Locale.ROOT, "  by %s: %s%n", s.groupedBy(), String.join(" | ", c.columnLabels()));
					for (int r = 0; r < c.rowLabels().size(); r++) {
						StringBuilder line = new StringBuilder();
						for (int col = 0; col < c.columnLabels().size(); col++) {
							line.append(String.format(Locale.ROOT, "%4d (%5.1f%%)  ", c.counts()[r][col],
									c.columnPercent(r, col).defined() ? c.columnPercent(r, col).value() : 0.0));
						}
						out.printf(Locale.ROOT, "    %-30s %s%n", v.valueLabel(c.rowLabels().get(r)).map(ValueLabel::label)
							.orElse(c.rowLabels().get(r)), line.toString().strip());
					}
				}
				items.add(item);
			}
			if (json) {
				Lookups.printJson(out, 
						Map.of("questionnaire", q.name(), "respondents", survey.respondents(q).size(), "items", items));
			}
			return 0;
		}

	}

}
