package quire.bench;

import quire.QuireApplication;

/**
 * Quire's command line with the benchmark's {@code generate} and {@code bench} added: the
 * production jar's classes and this harness, which is built only by the {@code bench} Maven
 * profile into {@code target/quire-bench.jar} and never ships in {@code target/quire.jar}.
 * {@code bin/bench} runs it.
 */
public final class BenchApplication {

	private BenchApplication() {
	}

	public static void main(String[] args) {
		QuireApplication.runCommand(args, BenchConfiguration.COMMANDS, BenchConfiguration.class);
	}

}
