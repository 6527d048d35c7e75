package quire.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import quire.survey.MeasurementLevel;
import quire.survey.VariableSpec;

/**
 * The demo survey files {@code corpora/demo/participants.csv} and {@code corpora/demo/questionnaire.csv}: fictional
 * data in the setting of seed study 002, close to its Table 1 (112 of 180 sick-listed workers responded; 63% women,
 * mean age 45.5 (SD 9.7), 62% with higher education) and Table 2 (99% satisfied or very satisfied, 89% found the
 * sessions useful, 86% found the timing appropriate, 36% would have preferred them one or two months earlier).
 */
final class DemoQuestionnaireTests {

	private static final Path DEMO = Path.of("corpora", "demo");

	private static ParsedTable readClean(String name) throws IOException {
		TableReader.ReadResult result = TableReader.read(name, Files.readAllBytes(DEMO.resolve(name)));
		assertThat(result.problems()).isEmpty();
		List<VariableSpec> specs = CodebookProposer.propose(result.table(), "id");
		assertThat(TableValidator.validate(result.table(), "id", specs)).isEmpty();
		return result.table();
	}

	/** The percentage of non-blank cells of a column that satisfy a test. */
	private static double percent(ParsedTable t, String column, Predicate<String> test) {
		List<String> answered = t.values(column).stream().filter(v -> !v.isEmpty()).toList();
		return 100.0 * answered.stream().filter(test).count() / answered.size();
	}

	@Test
	void theQuestionnaireMatchesTable2() throws IOException {
		ParsedTable q = readClean("questionnaire.csv");

		assertThat(q.columns()).containsExactly("id", "satisfaction", "usefulness", "timing_appropriate",
				"preferred_timing");
		assertThat(q.rows()).hasSize(112);
		List<VariableSpec> specs = CodebookProposer.propose(q, "id");
		assertThat(specs).extracting(VariableSpec::level).containsExactly(MeasurementLevel.ORDINAL,
				MeasurementLevel.ORDINAL, MeasurementLevel.NOMINAL, MeasurementLevel.NOMINAL);
		assertThat(specs).allSatisfy(s -> assertThat(s.missingCodes()).isEmpty());

		double satisfied = percent(q, "satisfaction", v -> v.equals("4") || v.equals("5"));
		double useful = percent(q, "usefulness", v -> v.equals("4") || v.equals("5"));
		double timing = percent(q, "timing_appropriate", "yes"::equals);
		double earlier = percent(q, "preferred_timing",
				v -> v.equals("two months earlier") || v.equals("one month earlier"));
		double good = percent(q, "preferred_timing", "the timing was good"::equals);

		assertThat(Math.round(satisfied)).isEqualTo(99);
		assertThat(Math.round(useful)).isEqualTo(89);
		assertThat(Math.round(timing)).isEqualTo(86);
		assertThat(Math.round(earlier)).isEqualTo(36);
		assertThat(good).isGreaterThan(50);
		// a few blanks as missing answers
		assertThat(q.values("satisfaction")).filteredOn(String::isEmpty).hasSize(1);
		assertThat(q.values("usefulness")).filteredOn(String::isEmpty).hasSize(1);
		assertThat(q.values("timing_appropriate")).filteredOn(String::isEmpty).hasSize(2);
		assertThat(q.values("preferred_timing")).filteredOn(String::isEmpty).hasSize(4);
	}

	@Test
	void theParticipantsMatchTable1AndCoverEveryRespondent() throws IOException {
		ParsedTable p = readClean("participants.csv");
		ParsedTable q = readClean("questionnaire.csv");

		assertThat(p.columns()).containsExactly("id", "role", "group", "trial_arm", "gender", "age", "education");
		List<ParsedRow> workers = p.rows().stream().filter(r -> r.get("role").equals("sick-listed worker")).toList();
		List<ParsedRow> caseworkers = p.rows().stream().filter(r -> r.get("role").equals("caseworker")).toList();
		assertThat(workers).hasSize(180);
		assertThat(workers).allSatisfy(r -> {
			assertThat(r.get("group")).isEqualTo("MI");
			assertThat(r.get("trial_arm")).isEqualTo("UC+MI");
		});
		assertThat(caseworkers).extracting(r -> r.get("id")).containsExactly("MI Caseworker 1", "MI Caseworker 2",
				"MI Caseworker 3", "MI Caseworker 4", "MI-substitute Caseworker 1", "MI-substitute Caseworker 2",
				"MI-substitute Caseworker 3");
		assertThat(caseworkers).allSatisfy(r -> {
			assertThat(r.get("trial_arm")).isEmpty();
			assertThat(r.get("education")).isEqualTo("higher");
		});

		Set<String> participantIds = new HashSet<>(p.values("id"));
		assertThat(participantIds).containsAll(q.values("id"));
		Set<String> respondents = new HashSet<>(q.values("id"));
		assertThat(100.0 * respondents.size() / workers.size()).isCloseTo(62.2, within(0.05));

		List<ParsedRow> answered = workers.stream().filter(r -> respondents.contains(r.get("id"))).toList();
		assertThat(answered).hasSize(112);
		double women = 100.0 * answered.stream().filter(r -> r.get("gender").equals("woman")).count() / 112;
		double higher = 100.0 * answered.stream().filter(r -> r.get("education").equals("higher")).count() / 112;
		double[] ages = answered.stream().mapToDouble(r -> Double.parseDouble(r.get("age"))).toArray();
		double mean = Arrays.stream(ages).average().orElseThrow();
		double ss = Arrays.stream(ages).map(a -> (a - mean) * (a - mean)).sum();
		double sd = Math.sqrt(ss / (ages.length - 1));

		assertThat(Math.round(women)).isEqualTo(63);
		assertThat(Math.round(higher)).isEqualTo(62);
		assertThat(mean).isCloseTo(45.5, within(0.05));
		assertThat(sd).isCloseTo(9.7, within(0.05));
		assertThat(Arrays.stream(ages).min().orElseThrow()).isGreaterThanOrEqualTo(20);
		assertThat(Arrays.stream(ages).max().orElseThrow()).isLessThanOrEqualTo(66);

		List<VariableSpec> specs = CodebookProposer.propose(p, "id");
		assertThat(specs).filteredOn(s -> s.column().equals("age")).singleElement()
				.satisfies(s -> assertThat(s.level()).isEqualTo(MeasurementLevel.SCALE));
		assertThat(specs).filteredOn(s -> s.column().equals("education")).singleElement()
				.satisfies(s -> assertThat(s.codes()).containsExactlyInAnyOrder("higher", "upper secondary",
						"lower secondary"));
	}

}
