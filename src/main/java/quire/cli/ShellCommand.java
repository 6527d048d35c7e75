package quire.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs several commands in one process, so a pipeline pays Quire's start once: one command per
 * line (as it would follow {@code quire} on a shell's command line, with the same quoting), blank
 * lines and lines starting with {@code #} skipped. It stops at the first command that fails, naming
 * its line, unless {@code --keep-going}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
		description = { "Run commands read from a script file or standard input, one per line, in one process.",
				"Lines are quoted as on a shell's command line; blank lines and lines starting with # are skipped. "
						+ "Stops at the first failing command (exit status: that command's) unless --keep-going." })
@ReadsOnly // each line's command decides for itself
final class ShellCommand implements Callable<Integer> {

	private final QuireCommandLine commands;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--keep-going", description = "run every line; exit with the first failing line's status")
	boolean keepGoing;

	@Parameters(arity = "0..1", paramLabel = "FILE", description = "the script (default, or -: standard input)")
	String script;

	ShellCommand(QuireCommandLine commands) {
		this.commands = commands;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<String> lines = script == null || script.equals("-")
				? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList()
				: read(Path.of(script));
		int firstFailure = 0;
		int failed = 0;
		for (int i = 0; i < lines.size(); i++) {
			int number = i + 1;
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int status;
			try {
				status = run(words(line), out, err);
			}
			catch (IllegalArgumentException ex) {
				err.println("error: " + ex.getMessage());
				status = 2;
			}
			out.flush();
			if (status != 0) {
				failed++;
				firstFailure = firstFailure == 0 ? status : firstFailure;
				err.println("error: line " + number + " failed (exit status " + status + "): " + line);
				if (!keepGoing) {
					return status;
				}
			}
		}
		if (failed > 0) {
			err.println("error: " + failed + (failed == 1 ? " line" : " lines") + " failed");
		}
		return firstFailure;
	}

	private int run(List<String> args, PrintWriter out, PrintWriter err) {
		for (String arg : args) {
			if (arg.equals("--home") || arg.startsWith("--home=")) {
				throw new IllegalArgumentException("--home is given once, to shell itself: quire --home DIR shell");
			}
		}
		if (!args.isEmpty() && args.getFirst().equals("shell")) {
			throw new IllegalArgumentException("a script cannot start another shell");
		}
		return commands.execute(out, err, args.toArray(String[]::new));
	}

	private static List<String> read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no script file at " + file);
		}
		return Files.readAllLines(file, StandardCharsets.UTF_8);
	}

	/**
	 * A line split into arguments as a POSIX shell would, without expansions: white space separates,
	 * {@code '…'} is literal, {@code "…"} keeps white space and takes {@code \"} and {@code \\}, and
	 * a backslash outside quotes takes the next character as it is.
	 * @throws IllegalArgumentException for a quote that is not closed
	 */
	static List<String> words(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
				continue;
			}
			inWord = true;
			if (c == '\'') {
				int end = line.indexOf('\'', i + 1);
				if (end < 0) {
					throw new IllegalArgumentException("unclosed ' in: " + line);
				}
				word.append(line, i + 1, end);
				i = end;
			}
			else if (c == '"') {
				i++;
				while (i < line.length() && line.charAt(i) != '"') {
					char q = line.charAt(i);
					if (q == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
						q = line.charAt(++i);
					}
					word.append(q);
					i++;
				}
				if (i >= line.length()) {
					throw new IllegalArgumentException("unclosed \" in: " + line);
				}
			}
			else if (c == '\\' && i + 1 < line.length()) {
				word.append(line.charAt(++i));
			}
			else {
				word.append(c);
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

}
