package quire.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import quire.survey.MeasurementLevel;
import quire.survey.SurveyProblem;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;

/** Checking a survey table against its codebook. */
final class TableValidatorTests {

	private static final String QUESTIONNAIRE = """
			id,satisfaction,usefulness,timing_appropriate,preferred_timing
			SW001,5,4,yes,the timing was good
			SW002,4,5,no,one month earlier
			SW003,,3,yes,
			SW004,5,-9,yes,two months earlier
			SW005,4,4,yes,the timing was good
			""";

	private static ParsedTable table(String csv) {
		TableReader.ReadResult result = TableReader.read("questionnaire.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(result.problems()).isEmpty();
		return result.table();
	}

	private static List<SurveyProblem> validate(String csv) {
		ParsedTable t = table(csv);
		return TableValidator.validate(t, "id", CodebookProposer.propose(t, "id"));
	}

	@Test
	void aCleanTableHasNoProblems() {
		assertThat(validate(QUESTIONNAIRE)).isEmpty();
	}

	@Test
	void reportsAValueOutsideTheValueLabels() {
		List<SurveyProblem> problems = validate(QUESTIONNAIRE + """
				SW006,6,4,yes,the timing was good
				""");

		assertThat(problems).extracting(SurveyProblem::toString)
				.containsExactly("line 7, column 'satisfaction': 6 is not one of the value labels (1–5)");
	}

	@Test
	void reportsTextCodesOutsideTheLabelsWithACaseHint() {
		List<SurveyProblem> problems = validate(QUESTIONNAIRE + """
				SW006,4,4,Yes,next year
				""");

		assertThat(problems).extracting(SurveyProblem::toString).containsExactly(
				"line 7, column 'timing_appropriate': \"Yes\" is not one of the value labels (yes, no); codes are"
						+ " case-sensitive: write \"yes\"",
				"line 7, column 'preferred_timing': \"next year\" is not one of the value labels (two months earlier,"
						+ " one month earlier, the timing was good, one month later, two months later, three or four"
						+ " months later)");
	}

	@Test
	void reportsAMissingIdColumnOnLineOne() {
		ParsedTable t = table("respondent,satisfaction\nSW001,5\n");

		List<SurveyProblem> problems = TableValidator.validate(t, "id", CodebookProposer.propose(t, "id"));

		assertThat(problems).extracting(SurveyProblem::toString).containsExactly(
				"line 1, column 'id': there is no id column 'id'; the columns are 'respondent', 'satisfaction'");
	}

	@Test
	void reportsEmptyAndDuplicateIdsNamingBothLines() {
		List<SurveyProblem> problems = validate("""
				ID,satisfaction
				SW001,5
				,4
				SW003,5
				sw001,4
				""");

		assertThat(problems).extracting(SurveyProblem::toString).containsExactly(
				"line 3, column 'ID': the id is empty; every row needs the respondent's id",
				"line 5, column 'ID': duplicate id \"sw001\": it is also on line 2 (ids are compared ignoring case)");
	}

	@Test
	void reportsNonNumericScaleValuesAndDecimalCommas() {
		ParsedTable t = table("id,age\nSW001,45\nSW002,forty\nSW003,45,5\nSW004,NA\nSW005,\n".replace("45,5",
				"\"45,5\""));
		List<VariableSpec> specs = List.of(new VariableSpec("age", "Age in years", MeasurementLevel.SCALE, List.of(),
				Set.of("NA")));

		List<SurveyProblem> problems = TableValidator.validate(t, "id", specs);

		assertThat(problems).extracting(SurveyProblem::toString).containsExactly(
				"line 3, column 'age': \"forty\" is not a number (the variable is a scale)",
				"line 4, column 'age': 45,5 has a decimal comma; write 45.5 (scale values need a decimal point)");
	}

	@Test
	void reportsEachCellOfTheMinorityTypeInAColumnWithoutLabels() {
		ParsedTable t = table("id,code\na,12\nb,15\nc,x7\nd,18\ne,y9\nf,\n");
		List<VariableSpec> specs = List.of(VariableSpec.of("code", MeasurementLevel.NOMINAL));

		List<SurveyProblem> problems = TableValidator.validate(t, "id", specs);

		assertThat(problems).extracting(SurveyProblem::toString).containsExactly(
				"line 4, column 'code': \"x7\" is text but 3 of the 5 values in this column are numbers (mixed types)",
				"line 6, column 'code': \"y9\" is text but 3 of the 5 values in this column are numbers (mixed types)");
	}

	@Test
	void reportsTextInANumericOrdinalVariable() {
		List<SurveyProblem> problems = validate("id,satisfaction\na,5\nb,4\nc,very\nd,5\n");

		assertThat(problems).extracting(SurveyProblem::toString).containsExactly(
				"line 4, column 'satisfaction': \"very\" is not one of the value labels (1–5)");
	}

	@Test
	void reportsAVariableWhoseColumnIsMissing() {
		ParsedTable t = table("id,satisfaction\nSW001,5\n");
		List<VariableSpec> specs = List.of(VariableSpec.of("usefulness", MeasurementLevel.ORDINAL));

		assertThat(TableValidator.validate(t, "id", specs)).extracting(SurveyProblem::toString).containsExactly(
				"line 1, column 'usefulness': the codebook has a variable 'usefulness' but the file has no such"
						+ " column; the columns are 'id', 'satisfaction'");
	}

	@Test
	void problemsAreInLineThenColumnOrder() {
		List<SurveyProblem> problems = validate(QUESTIONNAIRE + """
				SW006,7,9,maybe,later
				SW001,3,0,yes,
				""");

		assertThat(problems).extracting(p -> p.line() + " " + p.column()).containsExactly("7 satisfaction",
				"7 usefulness", "7 timing_appropriate", "7 preferred_timing", "8 id", "8 usefulness");
	}

	@Test
	void listsCodesAsARangeOrAList() {
		assertThat(TableValidator.listCodes(List.of(ValueLabel.of("1"), ValueLabel.of("2"), ValueLabel.of("3"))))
				.isEqualTo("1–3");
		assertThat(TableValidator.listCodes(List.of(ValueLabel.of("1"), ValueLabel.of("3"), ValueLabel.of("5"))))
				.isEqualTo("1, 3, 5");
		assertThat(TableValidator.listCodes(List.of(ValueLabel.of("0"), ValueLabel.of("1")))).isEqualTo("0, 1");
	}

	@Test
	void recordsValidateTheirArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SurveyProblem(0, "", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SurveyProblem(1, "", " "));
		assertThatIllegalArgumentException().isThrownBy(() -> new ValueLabel(" ", "x"));
		assertThat(new ValueLabel(" 1 ", " ").label()).isEqualTo("1");
		assertThatIllegalArgumentException().isThrownBy(() -> new VariableSpec("q", "", MeasurementLevel.ORDINAL,
				List.of(ValueLabel.of("1"), ValueLabel.of("1")), Set.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new VariableSpec("q", "", MeasurementLevel.ORDINAL,
				List.of(ValueLabel.of("9")), Set.of("9")));
		assertThat(new VariableSpec(" q ", " ", MeasurementLevel.SCALE, List.of(), Set.of()).label()).isEqualTo("q");
		assertThat(new SurveyProblem(7, "satisfaction", "6 is not one of the value labels (1–5)").toString())
				.isEqualTo("line 7, column 'satisfaction': 6 is not one of the value labels (1–5)");
		assertThat(SurveyProblem.ofFile("empty").toString()).isEqualTo("line 1: empty");
		assertThat(MeasurementLevel.SCALE.label()).isEqualTo("scale");
	}

}
