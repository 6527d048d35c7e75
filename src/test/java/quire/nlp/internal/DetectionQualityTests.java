package quire.nlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import quire.corpus.Language;
import quire.nlp.Candidate;

/**
 * Recall and precision of identifier detection on the development samples written for Quire by the
 * rules' author ({@code src/test/resources/nlp}, see its README; the blind held-out set is measured by
 * {@code quire.nlp.HeldOutDeidentificationTests}): English with CoreNLP's NER and without its
 * models (the fallback), and Norwegian (rules and gazetteers). The floors are the figures measured
 * when the detectors were tuned, rounded down; the table goes to {@code target/nlp-deid-development.md}.
 */
final class DetectionQualityTests {

	record Sample(String text, List<int[]> gold) {
	}

	record Score(String name, int gold, int found, int candidates, int correct, List<String> missed, List<String> wrong) {

		double recall() {
			return found / (double) gold;
		}

		double precision() {
			return correct / (double) candidates;
		}

	}

	static final List<Score> SCORES = new ArrayList<>();

	static Sample sample(String resource) throws IOException {
		try (InputStream in = DetectionQualityTests.class.getResourceAsStream("/nlp/" + resource)) {
			String marked = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Matcher m = Pattern.compile("\\[\\[(.+?)]]").matcher(marked);
			StringBuilder text = new StringBuilder();
			List<int[]> gold = new ArrayList<>();
			int at = 0;
			while (m.find()) {
				text.append(marked, at, m.start());
				int start = text.length();
				text.append(m.group(1));
				gold.add(new int[] { start, text.length() });
				at = m.end();
			}
			text.append(marked.substring(at));
			return new Sample(text.toString(), gold);
		}
	}

	static Score score(String name, Sample sample, List<Candidate> candidates) {
		List<String> missed = new ArrayList<>();
		int found = 0;
		for (int[] g : sample.gold()) {
			if (candidates.stream().anyMatch(c -> c.overlaps(g[0], g[1]))) {
				found++;
			}
			else {
				missed.add(sample.text().substring(g[0], g[1]));
			}
		}
		List<String> wrong = new ArrayList<>();
		int correct = 0;
		for (Candidate c : candidates) {
			if (sample.gold().stream().anyMatch(g -> c.overlaps(g[0], g[1]))) {
				correct++;
			}
			else {
				wrong.add(c.surface() + " (" + c.source() + ")");
			}
		}
		Score s = new Score(name, sample.gold().size(), found, candidates.size(), correct, missed, wrong);
		SCORES.add(s);
		return s;
	}

	static Score run(String name, String resource, Language language, boolean ner) throws IOException {
		Sample sample = sample(resource);
		return score(name, sample, Detector.detect(sample.text(), language, List.of(), ner, p -> {
		}));
	}

	@Test
	void englishWithCoreNlpNerFindsEveryIdentifierOfTheTuningSample() throws IOException {
		Score s = run("English, CoreNLP NER + rules (tuning sample)", "deid-en.txt", Language.ENGLISH, true);
		assertThat(s.recall()).as("recall; missed %s", s.missed()).isGreaterThanOrEqualTo(RECALL_EN_TUNING);
		assertThat(s.precision()).as("precision; false alarms %s", s.wrong()).isGreaterThanOrEqualTo(PRECISION_EN_TUNING);
	}

	@Test
	void englishWithoutModelsFallsBackToRules() throws IOException {
		Score s = run("English, rules only, no models (tuning sample)", "deid-en.txt", Language.ENGLISH, false);
		assertThat(s.recall()).as("recall; missed %s", s.missed()).isGreaterThanOrEqualTo(RECALL_EN_RULES_TUNING);
		assertThat(s.precision()).as("precision; false alarms %s", s.wrong()).isGreaterThanOrEqualTo(PRECISION_EN_RULES_TUNING);
	}

	@Test
	void norwegianRulesAndGazetteerOnTheTuningSample() throws IOException {
		Score s = run("Norwegian, rules + gazetteer (tuning sample)", "deid-no.txt", Language.NORWEGIAN, true);
		assertThat(s.recall()).as("recall; missed %s", s.missed()).isGreaterThanOrEqualTo(RECALL_NO_TUNING);
		assertThat(s.precision()).as("precision; false alarms %s", s.wrong()).isGreaterThanOrEqualTo(PRECISION_NO_TUNING);
	}

	@Test
	void englishWithCoreNlpNerOnTheHeldOutSample() throws IOException {
		Score s = run("English, CoreNLP NER + rules (held-out sample)", "heldout-en.txt", Language.ENGLISH, true);
		assertThat(s.recall()).as("recall; missed %s", s.missed()).isGreaterThanOrEqualTo(RECALL_EN_HELDOUT);
		assertThat(s.precision()).as("precision; false alarms %s", s.wrong()).isGreaterThanOrEqualTo(PRECISION_EN_HELDOUT);
	}

	@Test
	void englishWithoutModelsOnTheHeldOutSample() throws IOException {
		Score s = run("English, rules only, no models (held-out sample)", "heldout-en.txt", Language.ENGLISH, false);
		assertThat(s.recall()).as("recall; missed %s", s.missed()).isGreaterThanOrEqualTo(RECALL_EN_RULES_HELDOUT);
		assertThat(s.precision()).as("precision; false alarms %s", s.wrong()).isGreaterThanOrEqualTo(PRECISION_EN_RULES_HELDOUT);
	}

	@Test
	void norwegianOnTheHeldOutSample() throws IOException {
		Score s = run("Norwegian, rules + gazetteer (held-out sample)", "heldout-no.txt", Language.NORWEGIAN, true);
		assertThat(s.recall()).as("recall; missed %s", s.missed()).isGreaterThanOrEqualTo(RECALL_NO_HELDOUT);
		assertThat(s.precision()).as("precision; false alarms %s", s.wrong()).isGreaterThanOrEqualTo(PRECISION_NO_HELDOUT);
	}

	// Floors: the figures measured on 2026-11-25, rounded down. The tuning samples were written while the
	// rules were tuned; the held-out samples afterwards, and the rules were not changed for them.
	static final double RECALL_EN_TUNING = 0.97, PRECISION_EN_TUNING = 0.97;

	static final double RECALL_EN_RULES_TUNING = 0.97, PRECISION_EN_RULES_TUNING = 0.97;

	static final double RECALL_NO_TUNING = 0.95, PRECISION_NO_TUNING = 0.97;

	static final double RECALL_EN_HELDOUT = 0.95, PRECISION_EN_HELDOUT = 0.95;

	static final double RECALL_EN_RULES_HELDOUT = 0.85, PRECISION_EN_RULES_HELDOUT = 0.95;

	static final double RECALL_NO_HELDOUT = 0.90, PRECISION_NO_HELDOUT = 0.95;

	@AfterAll
	static void writeTable() throws IOException {
		CoreNlp.releaseEntities();
		StringBuilder md = new StringBuilder("| detector | identifiers | found | recall | candidates | precision |\n|---|---|---|---|---|---|\n");
		for (Score s : SCORES) {
			md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %.2f |%n", s.name(), s.gold(), s.found(),
					s.recall(), s.candidates(), s.precision()));
		}
		for (Score s : SCORES) {
			md.append("\n").append(s.name()).append("\n- missed: ").append(s.missed()).append("\n- false alarms: ").append(s.wrong()).append("\n");
		}
		Path out = Path.of("target", "nlp-deid-development.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, md);
	}

}
