package quire.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import quire.fidelity.internal.LabCsv;
import quire.fidelity.internal.LabImport;
import quire.fidelity.internal.LabRow;

/**
 * The demo coding-lab file {@code corpora/demo/miti-lab-results.csv}: 20 sessions of 4 caseworkers coded by LAB-A
 * (the primary ratings, which the demo's results use by default), four of them coded again by LAB-B (reliability
 * ratings, for the ICC only), with Technical and Relational as close to seed 002's Table 3 (3.26 (0.69) and 3.45
 * (0.63)) as 20 sessions allow: Relational 3.45 (0.63) exactly, Technical 3.25 (0.70). Each Technical score is
 * (CCT + SST) / 2 of integer globals, a multiple of 0.5, so the mean of 20 is a multiple of 0.025 (3.25 or 3.275,
 * never 3.26), and at mean 3.25 the sum of squares moves in steps of 0.5, giving an SD of 0.679 or 0.698, not 0.69.
 * That the demo project's results are these 20 primary ratings is tested in {@code ReportTests}, {@code CliTests}
 * and {@code ApiTests}.
 */
final class DemoLabResultsTests {

	private static final Path FILE = Path.of("corpora", "demo", "miti-lab-results.csv");

	@Test
	void readsWithoutErrorsAndMatchesSeed002Table3() throws IOException {
		LabImport result = LabCsv.read(FILE.getFileName().toString(), Files.readAllBytes(FILE), Map.of());

		assertThat(result.errors()).isEmpty();
		assertThat(result.unrecognisedColumns()).isEmpty();
		assertThat(result.rows()).hasSize(24);
		List<LabRow> primary = result.rows().stream().filter(r -> r.coderId().equals("LAB-A")).toList();
		List<LabRow> second = result.rows().stream().filter(r -> r.coderId().equals("LAB-B")).toList();
		assertThat(primary).hasSize(20);
		assertThat(result.rows().subList(0, 20)).isEqualTo(primary);
		assertThat(second).extracting(LabRow::sessionId).containsExactly("S01", "S02", "S03", "S04");

		Map<String, Integer> perCaseworker = new TreeMap<>();
		primary.forEach(r -> perCaseworker.merge(r.counsellorId(), 1, Integer::sum));
		assertThat(perCaseworker).containsExactly(Map.entry("MI Caseworker 1", 5), Map.entry("MI Caseworker 2", 5),
				Map.entry("MI Caseworker 3", 5), Map.entry("MI Caseworker 4", 5));

		double[] technical = primary.stream().mapToDouble(r -> MitiScores.of(r.globals(), r.counts()).technical())
				.toArray();
		double[] relational = primary.stream()
				.mapToDouble(r -> MitiScores.of(r.globals(), r.counts()).relational()).toArray();
		System.out.printf(Locale.ROOT, "demo lab results: technical %.3f (SD %.3f), relational %.3f (SD %.3f)%n",
				mean(technical), sd(technical), mean(relational), sd(relational));
		assertThat(mean(technical)).isCloseTo(3.25, within(1e-12));
		assertThat(sd(technical)).isCloseTo(0.698, within(0.001));
		assertThat(mean(relational)).isCloseTo(3.45, within(1e-12));
		assertThat(sd(relational)).isCloseTo(0.626, within(0.001));
		assertThat(String.format(Locale.ROOT, "%.2f (%.2f)", mean(relational), sd(relational))).isEqualTo("3.45 (0.63)");
		assertThat(String.format(Locale.ROOT, "%.2f (%.2f)", mean(technical), sd(technical))).isEqualTo("3.25 (0.70)");
		for (double t : technical) {
			assertThat(t * 2).isEqualTo(Math.rint(t * 2));
		}
		// as in seed 002: technical above beginning proficiency, relational below
		ThresholdSet set = ThresholdSet.BEGINNING_PROFICIENCY;
		assertThat(set.level(Summary.TECHNICAL, quire.stats.Agreement.Coefficient.of(mean(technical))))
				.contains(Level.FAIR);
		assertThat(set.level(Summary.RELATIONAL, quire.stats.Agreement.Coefficient.of(mean(relational))))
				.contains(Level.BELOW_FAIR);

		for (LabRow r : primary) {
			MitiCounts c = r.counts();
			assertThat(c.get(Behaviour.Q)).as(r.sessionId()).isBetween(15, 35);
			assertThat(c.get(Behaviour.SR)).as(r.sessionId()).isBetween(5, 20);
			assertThat(c.get(Behaviour.CR)).as(r.sessionId()).isBetween(3, 20);
			assertThat(c.get(Behaviour.GI)).as(r.sessionId()).isBetween(3, 20);
			assertThat(c.get(Behaviour.AF)).isBetween(0, 6);
			assertThat(c.get(Behaviour.SEEK)).isBetween(0, 5);
			assertThat(c.get(Behaviour.EMPH)).isBetween(0, 4);
			assertThat(c.get(Behaviour.PERSUADE)).isBetween(0, 4);
			assertThat(c.get(Behaviour.CONFRONT)).isBetween(0, 2);
			assertThat(c.get(Behaviour.PWP)).isBetween(0, 3);
		}
		for (LabRow b : second) {
			LabRow a = primary.stream().filter(r -> r.sessionId().equals(b.sessionId())).findFirst().orElseThrow();
			assertThat(b.counsellorId()).isEqualTo(a.counsellorId());
			assertThat(b.globals()).isNotEqualTo(a.globals());
			for (Global g : Global.values()) {
				assertThat(Math.abs(b.globals().get(g) - a.globals().get(g))).isLessThanOrEqualTo(1);
			}
			for (Behaviour x : Behaviour.values()) {
				assertThat(Math.abs(b.counts().get(x) - a.counts().get(x))).isLessThanOrEqualTo(2);
			}
		}
	}

	private static double mean(double[] x) {
		double s = 0;
		for (double v : x) {
			s += v;
		}
		return s / x.length;
	}

	/** Sample standard deviation (n − 1). */
	private static double sd(double[] x) {
		double m = mean(x);
		double s = 0;
		for (double v : x) {
			s += (v - m) * (v - m);
		}
		return Math.sqrt(s / (x.length - 1));
	}

}
