package quire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import quire.bench.internal.MarkdownTable;

/**
 * {@code bench --engine} and {@code --opensearch-urls}: what the options parse to, and the shape of the
 * table that sets two engines' runs side by side (no timing).
 */
final class BenchEngineOptionTests {

	private static BenchCommand parse(String... args) {
		BenchCommand command = new BenchCommand(null);
		new CommandLine(command).parseArgs(args);
		return command;
	}

	@Test
	void theEngineIsLuceneUnlessNamed() {
		BenchCommand command = parse("--corpus", "/tmp/c");
		assertThat(command.engine).isEqualTo("lucene");
		assertThat(command.opensearchUrls).isNull();
		assertThat(BenchCommand.engines(command.engine)).containsExactly("lucene");
	}

	@Test
	void bothMeasuresTheEmbeddedIndexFirstThenTheCluster() {
		BenchCommand command = parse("--corpus", "/tmp/c", "--engine", "Both", "--opensearch-urls",
				"http://127.0.0.1:9200,http://127.0.0.1:9201");
		assertThat(BenchCommand.engines(command.engine)).containsExactly("lucene", "opensearch");
		assertThat(command.opensearchUrls).isEqualTo("http://127.0.0.1:9200,http://127.0.0.1:9201");
		assertThat(BenchCommand.engines(" opensearch ")).containsExactly("opensearch");
	}

	@Test
	void anUnknownEngineIsOneMessageNamingTheChoices() {
		assertThatThrownBy(() -> BenchCommand.engines("solr")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("--engine must be one of lucene, opensearch, both, was 'solr'");
	}

	@Test
	void twoRunsBecomeOneTableWithAColumnPerEngine() {
		MarkdownTable lucene = new MarkdownTable();
		lucene.add("Import + index", "10 MB/s", "bare Lucene 12 MB/s", "0.83 of bare Lucene", "≥ 0.8");
		lucene.add("Index size on disk vs text", "5 MB for 4 MB text", "bare Lucene 5 MB", "1.25× text", "≤ 1.5× text");
		lucene.add("KWIC | no filter", "p50 1 ms", "", "", "p99 ≤ 20 ms");
		MarkdownTable opensearch = new MarkdownTable();
		opensearch.add("Import + index", "4 MB/s", "bare Lucene 11 MB/s", "0.36 of bare Lucene", "≥ 0.8");
		opensearch.add("KWIC | no filter", "p50 7 ms", "", "", "p99 ≤ 20 ms");
		opensearch.add("Only on the cluster", "3", "", "", "");
		String heading = """
				## Quire benchmark (--quick)

				Corpus: 1 transcripts, 2 words, 0.01 MB of text, 3 turns. Search engine: lucene. Machine: 2 cores.

				```
				bin/bench --home BENCH_HOME bench --corpus /tmp/c --quick
				```
				""";

		String table = BenchCommand.sideBySide(List.of("lucene", "opensearch"),
				List.of(heading + "\n" + lucene.markdown(), heading.replace("lucene", "opensearch") + "\n"
						+ opensearch.markdown()),
				"http://127.0.0.1:9200");

		assertThat(table).contains("Search engines: lucene and opensearch (one after the other",
				"bin/bench --home BENCH_HOME bench --corpus /tmp/c --quick --engine both --opensearch-urls http://127.0.0.1:9200\n");
		assertThat(table.substring(table.indexOf("| Measure")).lines().toList()).containsExactly(
				"| Measure | Quire, lucene | Quire, opensearch | Baseline | Ratio, lucene | Ratio, opensearch | Target |",
				"|---|---|---|---|---|---|---|",
				"| Import + index | 10 MB/s | 4 MB/s | bare Lucene 12 MB/s | 0.83 of bare Lucene | 0.36 of bare Lucene | ≥ 0.8 |",
				"| Index size on disk vs text | 5 MB for 4 MB text | – | bare Lucene 5 MB | 1.25× text | – | ≤ 1.5× text |",
				"| KWIC \\| no filter | p50 1 ms | p50 7 ms | – | – | – | p99 ≤ 20 ms |",
				"| Only on the cluster | – | 3 | – | – | – | – |");
	}

	@Test
	void aTextWithoutABenchmarkTableIsRefused() {
		assertThatThrownBy(() -> MarkdownTable.parse("## nothing here\n")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("no benchmark table");
	}

}
