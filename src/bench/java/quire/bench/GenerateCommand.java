package quire.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import quire.cli.HomeOption;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a reproducible synthetic corpus for the benchmark. */
@Command(name = "generate",
		description = "Write a synthetic corpus of English and Norwegian transcripts (8,000-15,000 words each) for bench.",
		mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer> {

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the corpus into")
	Path out;

	@Option(names = "--transcripts", required = true, paramLabel = "N", description = "how many transcripts")
	int transcripts;

	@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (default: 1)")
	long seed;

	@Option(names = "--codings", defaultValue = "0", paramLabel = "N",
			description = "random codings per transcript (default: 0)")
	int codings;

	@Option(names = "--coders", defaultValue = "3", paramLabel = "K", description = "coders sharing the codings (default: 3)")
	int coders;

	@Override
	public Integer call() {
		var settings = new CorpusGenerator.Settings(transcripts, seed, codings, coders);
		long start = System.nanoTime();
		var summary = new CorpusGenerator(seed).write(out, settings);
		spec.commandLine().getOut().printf(java.util.Locale.ROOT,
				"wrote %d transcripts (%d words, %.1f MB, %d codings) to %s in %.1f s%n", summary.transcripts(),
				summary.words(), summary.bytes() / 1e6, summary.codings(), out, (System.nanoTime() - start) / 1e9);
		return 0;
	}

}
