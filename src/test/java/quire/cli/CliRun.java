package quire.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of a Quire command: its exit status and what it printed. */
record CliRun(int exit, String out, String err) {

	/** Runs {@code args} as {@code java -jar quire.jar args} would, {@code --user} included. */
	static CliRun of(QuireCommandLine cli, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new CliRun(exit, out.toString(), err.toString());
	}

}
