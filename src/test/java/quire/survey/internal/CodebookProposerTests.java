package quire.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import quire.survey.MeasurementLevel;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;

/** Proposing a codebook from a survey table's values. */
final class CodebookProposerTests {

	private static ParsedTable table(String csv) {
		TableReader.ReadResult result = TableReader.read("survey.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(result.problems()).isEmpty();
		return result.table();
	}

	private static VariableSpec only(String csv) {
		List<VariableSpec> specs = CodebookProposer.propose(table(csv), "id");
		assertThat(specs).hasSize(1);
		return specs.get(0);
	}

	private static List<String> codes(VariableSpec spec) {
		return spec.valueLabels().stream().map(ValueLabel::code).toList();
	}

	@Test
	void proposesOneVariablePerColumnExceptTheId() {
		List<VariableSpec> specs = CodebookProposer.propose(table("""
				ID,likert,gender,age
				SW001,3,woman,45
				SW002,1,man,38.5
				SW003,2,woman,61
				"""), "id");

		assertThat(specs).extracting(VariableSpec::column).containsExactly("likert", "gender", "age");
		assertThat(specs).extracting(VariableSpec::level).containsExactly(MeasurementLevel.ORDINAL,
				MeasurementLevel.NOMINAL, MeasurementLevel.SCALE);
		assertThat(specs.get(0).label()).isEqualTo("likert");
	}

	@Test
	void wholeNumbersWithFewValuesAreOrdinalSortedNumerically() {
		VariableSpec spec = only("""
				id,score
				a,10
				b,2
				c,9
				d,2
				e,-1
				""");

		assertThat(spec.level()).isEqualTo(MeasurementLevel.ORDINAL);
		assertThat(spec.valueLabels()).containsExactly(ValueLabel.of("-1"), ValueLabel.of("2"), ValueLabel.of("9"),
				ValueLabel.of("10"));
		assertThat(spec.valueLabels().get(0).label()).isEqualTo("-1");
		assertThat(spec.missingCodes()).isEmpty();
	}

	@Test
	void eightDistinctWholeNumbersOrDecimalsAreScale() {
		assertThat(only("id,n\na,1\nb,2\nc,3\nd,4\ne,5\nf,6\ng,7\nh,8\n").level()).isEqualTo(MeasurementLevel.SCALE);
		assertThat(only("id,n\na,1\nb,2\nc,3\nd,4\ne,5\nf,6\ng,7\nh,7\n").level())
				.isEqualTo(MeasurementLevel.ORDINAL);
		assertThat(only("id,n\na,1.5\nb,2\n").level()).isEqualTo(MeasurementLevel.SCALE);
	}

	@Test
	void textWithFewValuesIsNominalInOrderOfFirstAppearance() {
		VariableSpec spec = only("""
				id,education
				a,upper secondary
				b,higher
				c,upper secondary
				d,lower secondary
				""");

		assertThat(spec.level()).isEqualTo(MeasurementLevel.NOMINAL);
		assertThat(codes(spec)).containsExactly("upper secondary", "higher", "lower secondary");
	}

	@Test
	void textWithManyValuesIsNominalWithoutLabels() {
		StringBuilder csv = new StringBuilder("id,comment\n");
		for (int i = 1; i <= 13; i++) {
			csv.append("r").append(i).append(",comment number ").append(i).append('\n');
		}

		VariableSpec spec = only(csv.toString());

		assertThat(spec.level()).isEqualTo(MeasurementLevel.NOMINAL);
		assertThat(spec.valueLabels()).isEmpty();
	}

	@Test
	void commonMissingCodesAreSetAside() {
		VariableSpec spec = only("""
				id,q1
				a,1
				b,-9
				c,99
				d,NA
				e,3
				f,n/a
				g,.
				h,-99
				i,
				""");

		assertThat(spec.level()).isEqualTo(MeasurementLevel.ORDINAL);
		assertThat(codes(spec)).containsExactly("1", "3");
		assertThat(spec.missingCodes()).containsExactly("-9", "99", "NA", "n/a", ".", "-99");
	}

	@Test
	void ninetyNineIsAValueWhenOtherValuesAreLarger() {
		VariableSpec age = only("id,age\na,45\nb,99\nc,-9\nd,23\ne,61\nf,37\ng,52\nh,28\ni,70\n");

		assertThat(age.level()).isEqualTo(MeasurementLevel.SCALE);
		assertThat(age.missingCodes()).containsExactly("-9");
	}

	@Test
	void minusNineIsAValueWhenTheColumnHasOtherNegativeNumbers() {
		VariableSpec change = only("id,change\na,-9\nb,-3\nc,4\nd,-9\n");

		assertThat(change.missingCodes()).isEmpty();
		assertThat(codes(change)).containsExactly("-9", "-3", "4");
	}

	@Test
	void aMixedColumnFollowsItsMajority() {
		VariableSpec mostlyNumbers = only("id,age\na,45\nb,38\nc,forty\nd,61\ne,29\nf,33\ng,50\nh,41\ni,47\n");
		VariableSpec mostlyText = only("id,answer\na,yes\nb,no\nc,3\nd,yes\n");

		assertThat(mostlyNumbers.level()).isEqualTo(MeasurementLevel.SCALE);
		assertThat(mostlyText.level()).isEqualTo(MeasurementLevel.NOMINAL);
		assertThat(codes(mostlyText)).containsExactly("yes", "no"); // so that 3 stands out when validating
	}

	@Test
	void anEmptyColumnIsNominalWithoutLabels() {
		VariableSpec spec = only("id,note\na,\nb,\n");

		assertThat(spec.level()).isEqualTo(MeasurementLevel.NOMINAL);
		assertThat(spec.valueLabels()).isEmpty();
	}

	@Test
	void knownSeedItemsGetTheirLabels() {
		List<VariableSpec> specs = CodebookProposer.propose(table("""
				id,Satisfaction,usefulness,timing_appropriate,preferred_timing
				SW001,5,4,yes,the timing was good
				SW002,6,-9,no,one month earlier
				"""), "id");

		VariableSpec satisfaction = specs.get(0);
		assertThat(satisfaction.column()).isEqualTo("Satisfaction");
		assertThat(satisfaction.level()).isEqualTo(MeasurementLevel.ORDINAL);
		assertThat(satisfaction.valueLabels()).containsExactly(new ValueLabel("1", "very dissatisfied"),
				new ValueLabel("2", "dissatisfied"), new ValueLabel("3", "neither satisfied nor dissatisfied"),
				new ValueLabel("4", "satisfied"), new ValueLabel("5", "very satisfied")); // 6 is left to the validator
		VariableSpec usefulness = specs.get(1);
		assertThat(usefulness.valueLabels()).first().isEqualTo(new ValueLabel("1", "not useful"));
		assertThat(usefulness.valueLabels()).last().isEqualTo(new ValueLabel("5", "very useful"));
		assertThat(usefulness.missingCodes()).containsExactly("-9");
		VariableSpec timing = specs.get(2);
		assertThat(timing.level()).isEqualTo(MeasurementLevel.NOMINAL);
		assertThat(codes(timing)).containsExactly("yes", "no");
		VariableSpec preferred = specs.get(3);
		assertThat(preferred.level()).isEqualTo(MeasurementLevel.NOMINAL);
		assertThat(codes(preferred)).containsExactly("two months earlier", "one month earlier",
				"the timing was good", "one month later", "two months later", "three or four months later");
		assertThat(preferred.label()).isNotEqualTo("preferred_timing");
	}

	@Test
	void preferredTimingCodedAsNumbersKeepsTheAlternativesAsLabels() {
		VariableSpec spec = only("id,preferred_timing\na,3\nb,1\nc,3\n");

		assertThat(spec.valueLabels()).hasSize(6);
		assertThat(spec.valueLabels().get(0)).isEqualTo(new ValueLabel("1", "two months earlier"));
		assertThat(spec.valueLabels().get(5)).isEqualTo(new ValueLabel("6", "three or four months later"));
	}

	@Test
	void withoutTheIdColumnEveryColumnIsProposed() {
		assertThat(CodebookProposer.propose(table("respondent,q1\na,1\n"), "id")).extracting(VariableSpec::column)
				.containsExactly("respondent", "q1");
	}

}
