package quire.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import quire.stats.Bootstrap;
import quire.stats.Descriptives;
import quire.stats.Frequencies;
import quire.stats.Quantiles;

/** The questionnaire charts are well-formed SVG that carry the figures they show. */
final class SurveyChartTests {

	static VariableSummary summary(double... values) {
		VariableSpec spec = new VariableSpec("age", "Age & years", MeasurementLevel.SCALE, List.of(), Set.of());
		List<String> text = java.util.Arrays.stream(values).mapToObj(v -> Long.toString(Math.round(v))).toList();
		return new VariableSummary(spec, Frequencies.of(text, List.of(), Set.of()), Descriptives.of(values), Quantiles.of(values),
				Bootstrap.medianCi(values, 1), null, null);
	}

	@Test
	void boxPlotMarksTheMedianAndEscapesTheLabel() throws Exception {
		String svg = SurveyChart.box(summary(30, 40, 45, 50, 60));
		assertThat(svg).startsWith("<svg").contains("Age &amp; years (n = 5)");
		// parses as XML
		javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void barsShowCountsAndPercentages() {
		VariableSpec spec = new VariableSpec("timing", "Timing", MeasurementLevel.NOMINAL,
				List.of(new ValueLabel("yes", "yes"), new ValueLabel("no", "no")), Set.of());
		VariableSummary s = new VariableSummary(spec, Frequencies.of(List.of("yes", "yes", "yes", "no", ""), spec.codes(), Set.of()),
				null, null, null, null, null);
		assertThat(SurveyChart.bars(s)).contains("3 (75%)").contains("1 (25%)").contains("n = 4 valid, 1 missing");
		assertThat(SurveyChart.box(s)).isEmpty();
	}

}
