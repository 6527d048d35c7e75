package quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The answers the command line gives without starting Spring: help, version, usage errors. */
final class CommandLineFrontTests {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private OptionalInt answer(String... args) {
		return CommandLineFront.answerWithoutSpring(args, new PrintWriter(out, true), new PrintWriter(err, true));
	}

	@Test
	void helpAndVersionAreAnsweredWithoutSpring() {
		assertThat(answer("--help")).hasValue(0);
		assertThat(out.toString()).contains("Usage: quire").contains("study").contains("search");
		out.getBuffer().setLength(0);
		assertThat(answer("--version")).hasValue(0);
		assertThat(out.toString()).contains("Quire");
	}

	@Test
	void everyCommandsHelpIsAnsweredWithoutSpring() {
		List<String> paths = new ArrayList<>();
		collect(CommandLineFront.parsingOnly(new PrintWriter(out), new PrintWriter(err)), "", paths);
		assertThat(paths).hasSizeGreaterThan(20);
		for (String path : paths) {
			out.getBuffer().setLength(0);
			List<String> args = new ArrayList<>(List.of(path.strip().split(" ")));
			args.add("--help");
			assertThat(answer(args.toArray(String[]::new))).as(path).hasValue(0);
			assertThat(out.toString()).as(path).contains("Usage:");
		}
	}

	@Test
	void aGroupWithoutItsSubcommandPrintsItsUsage() {
		assertThat(answer("study")).hasValue(0);
		assertThat(out.toString()).contains("show").contains("set");
	}

	@Test
	void usageErrorsAreAnsweredWithoutSpringAndNameTheProblem() {
		assertThat(answer("project", "list", "--bogus")).hasValue(2);
		assertThat(err.toString()).contains("Unknown option: '--bogus'");
		err.getBuffer().setLength(0);
		assertThat(answer("study", "show")).hasValue(2);
		assertThat(err.toString()).contains("Missing required option: '--project=<project>'");
		err.getBuffer().setLength(0);
		assertThat(answer("no-such-command")).hasValue(2);
		assertThat(err.toString()).contains("no-such-command");
	}

	@Test
	void aCommandThatNeedsDataIsLeftToSpring() {
		assertThat(answer("project", "list")).isEmpty();
		assertThat(answer("--home", "/tmp/somewhere", "study", "show", "--project", "Demo")).isEmpty();
		assertThat(out.toString()).isEmpty();
		assertThat(err.toString()).isEmpty();
	}

	private static void collect(CommandLine cli, String prefix, List<String> paths) {
		for (var e : cli.getSubcommands().entrySet()) {
			String path = prefix + " " + e.getKey();
			paths.add(path.strip());
			collect(e.getValue(), path, paths);
		}
	}

}
