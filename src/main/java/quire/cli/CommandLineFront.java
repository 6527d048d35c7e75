package quire.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What the command line can answer before Spring starts: {@code --help}, {@code --version}, a
 * command group named without its subcommand, and usage errors (an unknown option, a missing
 * required one). Each takes a fraction of a second instead of the several seconds a Spring start
 * costs. It parses with the same command tree the application runs, each command built without
 * services ({@link CommandFactories#withoutServices()}): the commands only keep their services in
 * fields until they run, and nothing runs here.
 */
public final class CommandLineFront {

	private CommandLineFront() {
	}

	/**
	 * Answers {@code args} if that needs no services, printing to {@code out} and {@code err}.
	 * @return the exit status when answered; empty when the command must run with Spring
	 */
	public static OptionalInt answerWithoutSpring(String[] args, PrintWriter out, PrintWriter err) {
		return answerWithoutSpring(args, out, err, AdditionalCommands.NONE);
	}

	/** As {@link #answerWithoutSpring(String[], PrintWriter, PrintWriter)}, with another launcher's commands in the tree. */
	public static OptionalInt answerWithoutSpring(String[] args, PrintWriter out, PrintWriter err,
			AdditionalCommands additional) {
		CommandLine cli = parsingOnly(additional.commands(), out, err);
		ParseResult parsed;
		try {
			parsed = cli.parseArgs(args);
		}
		catch (ParameterException ex) {
			try {
				return OptionalInt.of(cli.getParameterExceptionHandler().handleParseException(ex, args));
			}
			catch (Exception handlerFailed) {
				err.println("error: " + ex.getMessage());
				return OptionalInt.of(2);
			}
		}
		Integer help = CommandLine.executeHelpRequest(parsed);
		if (help != null) {
			return OptionalInt.of(help);
		}
		ParseResult leaf = parsed;
		while (leaf.hasSubcommand()) {
			leaf = leaf.subcommand();
		}
		if (!leaf.commandSpec().subcommands().isEmpty()) {
			leaf.commandSpec().commandLine().usage(out);
			return OptionalInt.of(0);
		}
		return OptionalInt.empty();
	}

	/** The application's command tree over no services: for parsing and help only. */
	static CommandLine parsingOnly(PrintWriter out, PrintWriter err) {
		return parsingOnly(List.of(), out, err);
	}

	private static CommandLine parsingOnly(List<Class<?>> additional, PrintWriter out, PrintWriter err) {
		return QuireCommandLine.tree(CommandFactories.withoutServices(), additional, out, err);
	}

}
