package quire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import quire.cli.HomeOption;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the benchmark on a generated corpus and prints (and optionally writes) the Markdown table. */
@Command(name = "bench",
		description = "Measure import, index and search against bare Lucene, ripgrep and PostgreSQL on a generated corpus.",
		mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {

	private final Benchmark benchmark;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--corpus", required = true, paramLabel = "DIR", description = "a corpus written by generate")
	Path corpus;

	@Option(names = "--quick", description = "at most " + Benchmark.QUICK_TRANSCRIPTS
			+ " transcripts and fewer rounds (CI smoke run, under 2 minutes)")
	boolean quick;

	@Option(names = "--import-only", description = "measure only import, index rebuild, memory and index size")
	boolean importOnly;

	@Option(names = "--out", paramLabel = "FILE.md", description = "also write the table to this file")
	Path out;

	@Option(names = "--pg-url", defaultValue = "${QUIRE_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}",
			description = "PostgreSQL for the full-text baseline (default: ${DEFAULT-VALUE})")
	String pgUrl;

	@Option(names = "--pg-user", defaultValue = "${QUIRE_BENCH_PG_USER:-postgres}", description = "PostgreSQL user")
	String pgUser;

	BenchCommand(Benchmark benchmark) {
		this.benchmark = benchmark;
	}

	@Override
	public Integer call() {
		var log = spec.commandLine().getErr();
		var result = benchmark.run(new Benchmark.Settings(corpus, quick, pgUrl, pgUser,
				System.getenv().getOrDefault("QUIRE_BENCH_PG_PASSWORD", ""), out, importOnly), log);
		spec.commandLine().getOut().print(result.markdown());
		spec.commandLine().getOut().flush();
		if (out != null) {
			try {
				Path parent = out.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				Files.writeString(out, result.markdown(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write " + out + ": " + ex.getMessage(), ex);
			}
		}
		return 0;
	}

}
