package quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireApplication;
import quire.QuireHome;
import quire.bench.BenchConfiguration;

/**
 * {@code generate} and {@code bench --quick} in-process on a tiny corpus: the table has every row
 * (no timing is asserted), and bad input gives one message and a non-zero exit. The bench's commands
 * join the tree as {@link quire.bench.BenchApplication} adds them, through its configuration.
 */
@SpringBootTest(classes = { QuireApplication.class, BenchConfiguration.class })
@ActiveProfiles("cli")
class BenchCommandTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-bench"));
	}

	@Autowired
	QuireCommandLine cli;

	@TempDir
	Path dir;


	CliRun run(String... args) {
		return CliRun.of(cli, args);
	}

	@Test
	void generateThenBenchQuickPrintsEveryRow() throws Exception {
		Path corpus = dir.resolve("corpus");
		CliRun generated = run("generate", "--out", corpus.toString(), "--transcripts", "5", "--seed", "11", "--codings",
				"40", "--coders", "2");
		assertThat(generated.exit()).isZero();
		assertThat(generated.out()).contains("wrote 5 transcripts");

		Path table = dir.resolve("bench.md");
		CliRun bench = run("bench", "--corpus", corpus.toString(), "--quick", "--out", table.toString());
		assertThat(bench.exit()).as(bench.err()).isZero();
		assertThat(Files.readString(table)).isEqualTo(bench.out());
		assertThat(bench.out()).contains("| Measure | Quire | Baseline | Ratio | Target |",
				"bin/bench generate --out " + corpus + " --transcripts 5 --seed 11",
				"| Import + index, end to end", "| Index rebuild from the database", "| Heap after indexing",
				"| RSS after indexing", "| Index size on disk vs text", "| KWIC top 100 + exact totals, no filter",
				"| KWIC top 100 + exact totals, group filter", "| KWIC top 100 + exact totals, speaker filter",
				"| KWIC top 100 + exact totals, code filter", "| vs ripgrep", "| vs PostgreSQL FTS ranked",
				"| vs PostgreSQL FTS unranked", "| PostgreSQL load", "| Code queries: text ∩ code ∩ speaker (200 codings)",
				"| Code queries: text inside a code's codings", "| Transcript view", "| COREQ PDF report, 5 documents");
	}

	@Test
	void aMissingCorpusIsOneMessageAndANonZeroExit() {
		CliRun bench = run("bench", "--corpus", dir.resolve("nowhere").toString(), "--quick");
		assertThat(bench.exit()).isNotZero();
		assertThat(bench.err()).startsWith("error: no corpus folder at").doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void fewerThanOneTranscriptIsOneMessageAndANonZeroExit() {
		CliRun generated = run("generate", "--out", dir.resolve("c").toString(), "--transcripts", "0");
		assertThat(generated.exit()).isNotZero();
		assertThat(generated.err().strip()).isEqualTo("error: --transcripts must be at least 1, was 0");
	}

}
