package quire.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.search.SearchService;

@Command(subcommands = { RebuildIndexCommand.Rebuild.class },
		name = "index", description = "Rebuild the search index from the database (also: index rebuild).",
		mixinStandardHelpOptions = true)
final class RebuildIndexCommand implements Callable<Integer> {

	private final SearchService search;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	RebuildIndexCommand(SearchService search) {
		this.search = search;
	}

	@Override
	public Integer call() {
		return rebuild(search, spec);
	}

	@Command(name = "rebuild", description = "Rebuild the search index from the database.", mixinStandardHelpOptions = true)
	static final class Rebuild implements Callable<Integer> {

		private final SearchService search;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		Rebuild(SearchService search) {
			this.search = search;
		}

		@Override
		public Integer call() {
			return rebuild(search, spec);
		}

	}

	static int rebuild(SearchService search, CommandSpec spec) {
		long start = System.nanoTime();
		int documents = search.rebuild();
		spec.commandLine().getOut().printf("rebuilt the search index: %d documents in %.1f s%n", documents,
				(System.nanoTime() - start) / 1e9);
		return 0;
	}

}
