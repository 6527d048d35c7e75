package quire.fidelity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import quire.fidelity.Behaviour;
import quire.fidelity.internal.MitiSuggester.Rule;
import quire.fidelity.internal.MitiSuggester.Suggestion;

/**
 * The MITI suggestions measured on labelled MI-style sessions written for Quire
 * ({@code miti/suggest/tuning.csv} to tune the rules and calibrate confidence,
 * {@code miti/suggest/held-out.csv} only to measure). Each counsellor utterance is suggested with the
 * client utterance before it, as on the coding screen. The held-out figures and confusion matrix go to
 * {@code target/miti-suggestions.md}; the floors below are what the held-out set honestly gives, so a
 * change that makes suggestions worse fails.
 */
final class MitiSuggesterEvaluationTests {

	/** One labelled counsellor utterance with the client utterance before it (null when none). */
	record Labelled(String session, Behaviour gold, String text, String previousClient) {
	}

	/** Held-out floors, a little under the measured values (see the README's MITI suggestions section). */
	static final double FLOOR_Q_PRECISION = 0.85;

	static final double FLOOR_Q_RECALL = 0.85;

	static final double FLOOR_REFLECTION_PRECISION = 0.70;

	static final double FLOOR_REFLECTION_RECALL = 0.60;

	static List<Labelled> load(String resource) throws IOException {
		try (Reader in = new InputStreamReader(Objects.requireNonNull(
				MitiSuggesterEvaluationTests.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8)) {
			List<Labelled> out = new ArrayList<>();
			String previousClient = null;
			String session = null;
			for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				if (!r.get("session").equals(session)) {
					session = r.get("session");
					previousClient = null;
				}
				if (r.get("speaker").equals("client")) {
					previousClient = r.get("text");
					continue;
				}
				Behaviour gold = r.get("code").equals("none") ? null
						: Behaviour.parse(r.get("code")).orElseThrow(() -> new IllegalStateException("bad code in " + r));
				out.add(new Labelled(session, gold, r.get("text"), previousClient));
				previousClient = null;
			}
			return out;
		}
	}

	/** Gold and suggested behaviour (null: none) with the rule, per utterance. */
	record Scored(Labelled item, Behaviour suggested, Rule rule, double confidence) {
	}

	static List<Scored> score(List<Labelled> set) {
		return set.stream().map(l -> {
			Suggestion s = MitiSuggester.suggest(l.text(), l.previousClient()).orElseThrow();
			return new Scored(l, s.behaviour(), s.rule(), s.confidence());
		}).toList();
	}

	/** Precision and recall of a group of behaviours taken as one class (e.g. SR + CR as "reflection"). */
	record PR(int tp, int suggested, int gold) {
		double precision() {
			return suggested == 0 ? Double.NaN : (double) tp / suggested;
		}

		double recall() {
			return gold == 0 ? Double.NaN : (double) tp / gold;
		}
	}

	static PR pr(List<Scored> scored, Set<Behaviour> group) {
		int tp = 0, suggested = 0, gold = 0;
		for (Scored s : scored) {
			boolean inS = s.suggested() != null && group.contains(s.suggested());
			boolean inG = s.item().gold() != null && group.contains(s.item().gold());
			suggested += inS ? 1 : 0;
			gold += inG ? 1 : 0;
			tp += inS && inG ? 1 : 0;
		}
		return new PR(tp, suggested, gold);
	}

	@Test
	void heldOutFiguresStayAboveTheirFloors() throws IOException {
		List<Scored> tuning = score(load("/miti/suggest/tuning.csv"));
		List<Scored> heldOut = score(load("/miti/suggest/held-out.csv"));
		String report = "# MITI suggestions: evaluation\n\n"
				+ "Rule-based suggestions with the previous client utterance as context. Both sets were written and "
				+ "labelled for Quire by the same author who wrote the rules (not blind, not real sessions): the "
				+ "figures are optimistic compared with real counselling sessions.\n\n"
				+ section("Held-out set (src/test/resources/miti/suggest/held-out.csv)", heldOut)
				+ section("Tuning set (src/test/resources/miti/suggest/tuning.csv; the rules were tuned on it)", tuning)
				+ thresholds(heldOut);
		Path out = Path.of("target", "miti-suggestions.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);

		PR q = pr(heldOut, Set.of(Behaviour.Q));
		PR refl = pr(heldOut, Set.of(Behaviour.SR, Behaviour.CR));
		assertThat(heldOut).hasSizeGreaterThanOrEqualTo(60);
		assertThat(q.precision()).as("held-out question precision").isGreaterThanOrEqualTo(FLOOR_Q_PRECISION);
		assertThat(q.recall()).as("held-out question recall").isGreaterThanOrEqualTo(FLOOR_Q_RECALL);
		assertThat(refl.precision()).as("held-out reflection precision").isGreaterThanOrEqualTo(FLOOR_REFLECTION_PRECISION);
		assertThat(refl.recall()).as("held-out reflection recall").isGreaterThanOrEqualTo(FLOOR_REFLECTION_RECALL);
	}

	/**
	 * The shipped calibration is what the tuning set gives: each rule's confidence is its smoothed
	 * observed precision there. When the rules change, copy {@code target/miti-suggestion-calibration.csv}
	 * to {@code src/main/resources/quire/fidelity/}.
	 */
	@Test
	void shippedCalibrationIsTheTuningSetsPrecisionPerRule() throws IOException {
		List<Scored> tuning = score(load("/miti/suggest/tuning.csv"));
		Map<Rule, int[]> perRule = new EnumMap<>(Rule.class);
		for (Scored s : tuning) {
			int[] c = perRule.computeIfAbsent(s.rule(), k -> new int[2]);
			c[0]++;
			c[1] += s.suggested() == s.item().gold() ? 1 : 0;
		}
		StringBuilder csv = new StringBuilder("rule,fired,correct,confidence\n");
		for (Rule r : Rule.values()) {
			int[] c = perRule.getOrDefault(r, new int[2]);
			csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f%n", r.name(), c[0], c[1], MitiSuggester.calibrated(c[0], c[1])));
		}
		Path out = Path.of("target", "miti-suggestion-calibration.csv");
		Files.createDirectories(out.getParent());
		Files.writeString(out, csv);
		String shipped = new String(Objects.requireNonNull(MitiSuggesterEvaluationTests.class.getClassLoader()
			.getResourceAsStream(MitiSuggester.CALIBRATION), "shipped calibration").readAllBytes(), StandardCharsets.UTF_8);
		assertThat(shipped).as("shipped calibration (regenerated in %s)", out).isEqualTo(csv.toString());
	}

	@Test
	void theLastSentenceDecidesAndContextTurnsAStatementIntoAReflection() {
		assertThat(MitiSuggester.suggest("The course is on Monday. What do you make of it").orElseThrow().behaviour())
			.isEqualTo(Behaviour.Q);
		assertThat(MitiSuggester.suggest("Har du tenkt på det").orElseThrow().behaviour()).isEqualTo(Behaviour.Q);
		assertThat(MitiSuggester.suggest("Only the weekends?", "I drink at weekends, only the weekends.").orElseThrow()
			.behaviour()).isIn(Behaviour.SR, Behaviour.CR);
		assertThat(MitiSuggester.suggest("Only the weekends?").orElseThrow().behaviour()).isEqualTo(Behaviour.Q);
	}

	private static String section(String title, List<Scored> scored) {
		StringBuilder b = new StringBuilder("## ").append(title).append("\n\n");
		b.append(String.format(Locale.ROOT, "%d counsellor utterances in %d sessions.%n%n", scored.size(),
				scored.stream().map(s -> s.item().session()).distinct().count()));
		b.append("| behaviour | precision | recall | suggested | gold (n) |\n|---|---|---|---|---|\n");
		for (Behaviour beh : Behaviour.values()) {
			b.append(row(beh.shortName(), pr(scored, Set.of(beh))));
		}
		b.append(row("**Reflections (SR + CR)**", pr(scored, Set.of(Behaviour.SR, Behaviour.CR))));
		long correct = scored.stream().filter(s -> s.suggested() == s.item().gold()).count();
		b.append(String.format(Locale.ROOT, "%nExact agreement: %d of %d = %.2f%n%n", correct, scored.size(),
				(double) correct / scored.size()));
		b.append("Confusion matrix (rows: gold label, columns: suggestion):\n\n| gold \\ suggested |");
		for (Behaviour beh : Behaviour.values()) {
			b.append(' ').append(beh.shortName()).append(" |");
		}
		b.append("\n|---|").append("---|".repeat(Behaviour.values().length)).append('\n');
		for (Behaviour g : Behaviour.values()) {
			b.append("| ").append(g.shortName()).append(" |");
			for (Behaviour s : Behaviour.values()) {
				long n = scored.stream().filter(x -> x.item().gold() == g && x.suggested() == s).count();
				b.append(' ').append(n == 0 ? "·" : Long.toString(n)).append(" |");
			}
			b.append('\n');
		}
		return b.append('\n').toString();
	}

	private static String row(String name, PR pr) {
		return String.format(Locale.ROOT, "| %s | %s | %s | %d | %d |%n", name, fmt(pr.precision()), fmt(pr.recall()),
				pr.suggested(), pr.gold());
	}

	private static String thresholds(List<Scored> heldOut) {
		StringBuilder b = new StringBuilder("## Confidence threshold on the held-out set\n\n"
				+ "Suggestions below the threshold are not shown. Shown: how many of the held-out utterances still get a "
				+ "suggestion; right: how many of those shown are the gold label.\n\n| threshold | shown | right | precision |\n|---|---|---|---|\n");
		for (double t : new double[] { 0.0, 0.5, 0.6, 0.7, 0.8, 0.9 }) {
			List<Scored> shown = heldOut.stream().filter(s -> s.confidence() >= t).toList();
			long right = shown.stream().filter(s -> s.suggested() == s.item().gold()).count();
			b.append(String.format(Locale.ROOT, "| %.1f | %d of %d | %d | %s |%n", t, shown.size(), heldOut.size(), right,
					shown.isEmpty() ? "n/d" : fmt((double) right / shown.size())));
		}
		return b.toString();
	}

	private static String fmt(double v) {
		return Double.isNaN(v) ? "n/d" : String.format(Locale.ROOT, "%.2f", v);
	}

}
